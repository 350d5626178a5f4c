"""argparse's own words are Vietnamese: the help's headings, -h's line, and its error messages."""

from __future__ import annotations

import subprocess
import sys


def _cellsec(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cellsec", *args], capture_output=True, text=True, timeout=120)


def test_help_and_errors_speak_vietnamese(tmp_path):
    shown = _cellsec("--help")
    assert shown.returncode == 0
    for english in ("usage:", "positional arguments", "options:", "show this help message and exit",
                    "show program's version number"):
        assert english not in shown.stdout, english
    assert shown.stdout.startswith("cách dùng: cellsec")
    assert "tham số vị trí:" in shown.stdout and "tùy chọn:" in shown.stdout
    assert "hiện hướng dẫn này rồi thoát" in shown.stdout and "hiện số phiên bản rồi thoát" in shown.stdout
    wrong = _cellsec("--data-dir", str(tmp_path), "members", "add")
    assert wrong.returncode == 2
    assert "lỗi: thiếu các tham số bắt buộc: --name" in wrong.stderr
    assert "the following arguments are required" not in wrong.stderr
