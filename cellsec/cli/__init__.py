"""`cellsec` command line: the same services as the window, no Qt imported (except to start the window).

Each feature module in this package has `register(subparsers)` (papers only prints); its subcommands set
`func(args, svc)`.
A module may also define `register_print(sub)` and `register_export(sub)` to add targets to the shared
`cellsec print TARGET` and `cellsec export TARGET` commands.

Start-up cost is most of a command's time, so only the feature module that owns the command given is
imported (all of them for `--help`, `print` and `export`); `cellsec --version` answers before anything
else is imported, argparse included.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from .. import __version__

if TYPE_CHECKING:
    import argparse
    from pathlib import Path

# Feature modules that add subcommands, in the order `cellsec --help` lists them.
FEATURES = ("core", "members", "demo", "meetings", "reviews", "scoring", "dues", "numbers", "sync", "passphrase",
            "papers")
# The feature module that registers each top-level command (tests/cli checks this against the modules).
COMMANDS = {
    "setup": "core", "cell": "core", "undo": "core", "backup": "core", "members": "members", "demo": "demo",
    "meetings": "meetings", "search": "meetings", "reindex": "meetings", "check-data": "meetings",
    "reviews": "reviews", "scores": "scoring", "attention": "scoring", "rubric": "scoring", "dues": "dues",
    "numbers": "numbers", "sync": "sync", "passphrase": "passphrase",
}
_OPTIONS_WITH_VALUE = ("--data-dir", "--lang")

EXIT_ERROR = 2


def features_for(argv: list[str] | None) -> tuple[str, ...]:
    """The feature modules a command line needs: the one owning its command, none for the window or
    `--version`, every one otherwise (help, print, export, a mistyped command)."""
    words = list(argv or ())
    while words and words[0].startswith("-"):
        option = words.pop(0)
        if option in ("-h", "--help"):
            return FEATURES
        if option in ("--version",):
            return ()
        if option in _OPTIONS_WITH_VALUE and words:
            words.pop(0)
    if not words or words[0] == "gui":
        return ()
    return (COMMANDS[words[0]],) if words[0] in COMMANDS else FEATURES


def asks_version(words: list[str]) -> bool:
    """`cellsec [--data-dir D] [--lang vi|en] --version`: the options argparse would accept, then
    --version, which argparse answers as soon as it reads it. Anything else is left to argparse."""
    rest = list(words)
    while rest:
        name, eq, value = rest.pop(0).partition("=")
        if name == "--version" and not eq:
            return True
        if name not in _OPTIONS_WITH_VALUE or not (eq or rest):
            return False
        value = value if eq else rest.pop(0)
        if (name == "--data-dir" and not value.strip()) or (name == "--lang" and value not in ("vi", "en")):
            return False
    return False


def _data_dir(text: str) -> Path:
    import argparse
    from pathlib import Path

    if not text.strip():  # Path("") would silently be the current folder
        raise argparse.ArgumentTypeError("thư mục dữ liệu không được để trống (data folder must not be empty)")
    return Path(text)


def build_parser(features: tuple[str, ...] = FEATURES) -> argparse.ArgumentParser:
    import argparse
    import importlib

    from . import argparse_vi  # noqa: F401  -- argparse's own words in Vietnamese

    parser = argparse.ArgumentParser(prog="cellsec", description="Sổ tay Bí thư chi bộ (CellSec)")
    parser.add_argument("--version", action="version", version=f"CellSec {__version__}")
    parser.add_argument("--data-dir", type=_data_dir, default=None,
                        help="thư mục dữ liệu (mặc định: CELLSEC_DATA_DIR hoặc thư mục dữ liệu người dùng)")
    parser.add_argument("--lang", choices=("vi", "en"), default=None, help="ngôn ngữ thông báo")
    parser.add_argument("--passphrase-stdin", action="store_true",
                        help="mật khẩu mở dữ liệu (nếu đã đặt) từ dòng đầu của đầu vào chuẩn; "
                             "hoặc biến môi trường CELLSEC_PASSPHRASE")
    sub = parser.add_subparsers(dest="command", metavar="LỆNH")
    gui = sub.add_parser("gui", help="mở cửa sổ chương trình (mặc định khi không có lệnh)")
    gui.set_defaults(func=None)
    printing = sub.add_parser("print", help="in văn bản ra tệp PDF").add_subparsers(
        dest="print_target", required=True, metavar="VĂN_BẢN")
    exporting = sub.add_parser("export", help="xuất dữ liệu ra tệp (XLSX, DOCX)").add_subparsers(
        dest="export_target", required=True, metavar="DỮ_LIỆU")
    for name in features:
        module = importlib.import_module(f"{__name__}.{name}")
        if hasattr(module, "register"):  # papers only adds print targets
            module.register(sub)
        if hasattr(module, "register_print"):
            module.register_print(printing)
        if hasattr(module, "register_export"):
            module.register_export(exporting)
    return parser


def main(argv: list[str] | None = None) -> int:
    words = sys.argv[1:] if argv is None else argv
    if asks_version(words):  # what argparse would print (its version action ends the parse at once)
        print(f"CellSec {__version__}")
        return 0
    from ..domain.messages import set_language
    from ..paths import default_data_dir

    parser = build_parser(features_for(words))
    args = parser.parse_args(words)
    data_dir = args.data_dir or default_data_dir()
    if args.lang:
        set_language(args.lang)
    if args.passphrase_stdin:  # a passphrase-protected key, opened for this process before anything reads it
        from .passphrase import unlock_from_stdin

        if unlock_from_stdin():
            return EXIT_ERROR
    standalone = getattr(args, "without_store", None)
    if standalone is not None:  # works on this account's key alone (cellsec passphrase …)
        return int(standalone(args, data_dir) or 0)
    if getattr(args, "func", None) is None:
        from ..ui.app.launch import run_gui

        return run_gui(data_dir, sys.argv[:1])
    return run_command(args, data_dir)


def run_command(args: argparse.Namespace, data_dir: Path) -> int:
    from ..domain.messages import set_language

    quick = getattr(args, "quick", None)
    if quick is not None:  # a listing that can be read without loading SQLAlchemy (store/quick.py)
        from ..store.quick import NotQuick, QuickReader

        try:
            with QuickReader(data_dir) as reader:
                lang = reader.setting("language")
                if lang and not args.lang:
                    set_language(lang)
                return int(quick(args, reader) or 0)
        except NotQuick:
            pass  # not a current store: the ordinary way below upgrades it or explains what is wrong
    from ..services.errors import ServiceError
    from ..services.facade import Services
    from ..store.db import StoreError

    try:
        svc = Services.open(data_dir)
    except StoreError as exc:
        fallback = getattr(args, "works_unopened", None)
        if fallback is not None:  # e.g. restoring a backup over a damaged file
            try:
                return fallback(args, data_dir)
            except StoreError as second:
                exc = second
        print(exc, file=sys.stderr)
        from ..services.backups import restore_hint

        hint = restore_hint(data_dir, exc)  # the file is kept; say which backup would bring the data back
        if hint:
            print(hint, file=sys.stderr)
        return EXIT_ERROR
    try:
        if not args.command == "setup":
            lang = svc.ctx.get_setting("language")
            if lang and not args.lang:
                set_language(lang)
        return int(args.func(args, svc) or 0)
    except ServiceError as exc:
        details = getattr(exc, "errors", None)
        if details:
            for field, message in details.items():
                print(f"{field}: {message}", file=sys.stderr)
        else:
            print(exc.message, file=sys.stderr)
        return EXIT_ERROR
    finally:
        svc.close()


if __name__ == "__main__":
    sys.exit(main())
