"""The `cellsec` entry point: only the command's own feature module is loaded, and `--version` loads no
database code at all (start-up time is most of a command's time)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from cellsec import cli


def _top_level_commands(features: tuple[str, ...]) -> set[str]:
    parser = cli.build_parser(features)
    sub = next(a for a in parser._actions if a.dest == "command")
    return set(sub.choices) - {"gui", "print", "export"}


@pytest.mark.parametrize("feature", cli.FEATURES)
def test_every_command_is_routed_to_the_module_that_registers_it(feature):
    assert {name for name, owner in cli.COMMANDS.items() if owner == feature} == _top_level_commands((feature,))


@pytest.mark.parametrize("argv, expected", [
    (["--version"], ()),
    ([], ()),
    (["gui"], ()),
    (["--data-dir", "/x", "members", "list"], ("members",)),
    (["--lang", "en", "--data-dir=/x", "search", "họp"], ("meetings",)),
    (["print", "minutes", "abc"], cli.FEATURES),
    (["--help"], cli.FEATURES),
    (["no-such-command"], cli.FEATURES),
])
def test_the_features_loaded_follow_the_command(argv, expected):
    assert cli.features_for(argv) == expected


def _modules_after(argv: list[str]) -> set[str]:
    script = ("import sys\nfrom cellsec.cli import main\ntry:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
              "print(' '.join(sorted(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", script, *argv], capture_output=True, text=True, check=True)
    return set(out.stdout.splitlines()[-1].split())


def test_version_loads_no_database_code_and_no_feature_commands():
    loaded = _modules_after(["--data-dir", "/x", "--version"])
    assert "sqlalchemy" not in loaded
    assert not loaded & {f"cellsec.cli.{name}" for name in cli.FEATURES}
    # Not even argparse or the domain: the version is printed before anything else is imported.
    assert "argparse" not in loaded and "cellsec.domain" not in loaded


@pytest.mark.parametrize("argv, answered", [
    (["--version"], True), (["--data-dir", "/x", "--version"], True),
    (["--lang=en", "--data-dir=/x", "--version"], True),
    (["--data-dir", "", "--version"], False),  # argparse refuses the empty folder first
    (["--lang", "fr", "--version"], False), (["members", "--version"], False), (["--data-dir"], False),
])
def test_version_is_answered_at_once_where_argparse_would_print_it(argv, answered):
    assert cli.asks_version(argv) is answered


def test_an_unknown_command_still_lists_every_command(capsys):
    with pytest.raises(SystemExit):
        cli.main(["no-such-command"])
    err = capsys.readouterr().err
    for name in ("members", "meetings", "reviews", "dues", "sync", "backup"):
        assert name in err


@pytest.mark.parametrize("command", [["members", "list", "--json"], ["meetings", "list", "--json"]])
def test_listings_load_no_sqlalchemy_on_a_current_store(demo_template, data_dir, command):
    from tests.conftest import copy_demo

    copy_demo(demo_template, data_dir)
    loaded = _modules_after(["--data-dir", str(data_dir), *command])
    assert "sqlalchemy" not in loaded
    assert "PySide6" not in {m.split(".")[0] for m in loaded}


def test_a_listing_on_a_folder_without_data_answers_the_ordinary_way(data_dir, capsys):
    assert cli.main(["--data-dir", str(data_dir), "members", "list"]) == cli.EXIT_ERROR
    assert "Chưa khai báo chi bộ" in capsys.readouterr().err
