"""`cellsec passphrase set | remove | status` and the global --passphrase-stdin (the data passphrase for
shared laptops): passphrases come from standard input only; a wrong one changes nothing."""

from __future__ import annotations

import io
import json
import sys

import pytest

from cellsec.cli import main
from cellsec.store import keys
from tests.store.test_key_wrap import PASS, own_keys  # noqa: F401  (the fixture)


def _stdin(monkeypatch, *lines):
    monkeypatch.setattr(sys, "stdin", io.StringIO("".join(f"{line}\n" for line in lines)))


def _restart(monkeypatch):
    monkeypatch.setattr(keys, "_unlocked", {})


def test_set_then_every_command_needs_it(data_dir, own_keys, monkeypatch, capsys):  # noqa: F811
    assert main(["--data-dir", str(data_dir), "demo"]) == 0
    capsys.readouterr()
    _stdin(monkeypatch, PASS)
    assert main(["--data-dir", str(data_dir), "passphrase", "set"]) == 0
    assert "Đã đặt mật khẩu mở dữ liệu" in capsys.readouterr().out

    _restart(monkeypatch)
    assert main(["--data-dir", str(data_dir), "cell", "--json"]) == 2
    assert "--passphrase-stdin" in capsys.readouterr().err

    _stdin(monkeypatch, "mật khẩu sai rồi")
    assert main(["--passphrase-stdin", "--data-dir", str(data_dir), "cell", "--json"]) == 2
    assert "không đúng" in capsys.readouterr().err

    _stdin(monkeypatch, PASS)
    assert main(["--passphrase-stdin", "--data-dir", str(data_dir), "cell", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["name"]

    _restart(monkeypatch)
    _stdin(monkeypatch, PASS)
    assert main(["--passphrase-stdin", "--data-dir", str(data_dir), "members", "list", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) > 5


def test_change_and_remove_read_the_current_one_first(data_dir, own_keys, monkeypatch, capsys):  # noqa: F811
    _stdin(monkeypatch, PASS)
    assert main(["passphrase", "set"]) == 0
    stored = (own_keys / keys.KEY_FILE).read_text()
    _stdin(monkeypatch, "không phải nó", "mật khẩu thứ hai")
    assert main(["passphrase", "set"]) == 2
    assert "không đúng" in capsys.readouterr().err
    assert (own_keys / keys.KEY_FILE).read_text() == stored
    _stdin(monkeypatch, PASS, "mật khẩu thứ hai")
    assert main(["passphrase", "set"]) == 0
    assert "Đã đổi" in capsys.readouterr().out
    _stdin(monkeypatch)
    assert main(["passphrase", "remove"]) == 2
    assert "Thiếu mật khẩu" in capsys.readouterr().err
    _stdin(monkeypatch, "mật khẩu thứ hai")
    assert main(["passphrase", "remove"]) == 0
    assert main(["passphrase", "status"]) == 0
    out = capsys.readouterr().out
    assert "Đã bỏ" in out and "mật khẩu mở dữ liệu" not in out.split("Đã bỏ mật khẩu mở dữ liệu.")[1]
    _restart(monkeypatch)
    assert not keys.locked()


@pytest.mark.parametrize("words", [["passphrase", "remove"]])
def test_remove_without_a_passphrase_says_so(own_keys, monkeypatch, capsys, words):  # noqa: F811
    _stdin(monkeypatch, "gì đó cũng được")
    assert main(words) == 2
    assert "chưa có mật khẩu" in capsys.readouterr().err
