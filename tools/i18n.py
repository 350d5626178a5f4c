"""Qt translations of the UI: one .ts per module of cellsec/ui (so features do not edit one shared file).

    python tools/i18n.py update [FILE…] extract tr() strings into resources/i18n/<module>_vi.ts
                                        (only the given cellsec/ui modules when named: several people
                                        working at once each update their own modules)
    python tools/i18n.py build          compile every .ts into .qm (what the app loads)
    python tools/i18n.py check          list strings without a Vietnamese translation (exit 1 if any)
    python tools/i18n.py apply F.json [GLOB]
                                        fill untranslated strings from {"English source": "Vietnamese", ...}
                                        in the .ts files matching GLOB (default: all of them)

qt_vi.ts is kept by hand: Vietnamese for Qt's own texts (buttons, wizard, context menus), which the
PySide6 wheel does not translate.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "cellsec" / "ui"
I18N = ROOT / "resources" / "i18n"
HAND_KEPT = {"qt_vi.ts"}


def _tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}", path=str(Path(sys.executable).parent)) or shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"pyside6-{name} not found; install PySide6 (make test does)")
    return found


def ui_modules() -> list[Path]:
    return sorted(p for p in UI.rglob("*.py") if p.name != "__init__.py")


def ts_for(module: Path) -> Path:
    rel = module.relative_to(UI).with_suffix("")
    return I18N / f"{'_'.join(rel.parts)}_vi.ts"


def _lupdate(module: Path, ts: Path) -> None:
    subprocess.run([_tool("lupdate"), "-silent", "-locations", "none", "-no-obsolete", "-target-language", "vi",
                    str(module), "-ts", str(ts)], check=True, capture_output=True)


def update(only: list[str] | None = None) -> None:
    I18N.mkdir(parents=True, exist_ok=True)
    modules = [Path(name).resolve() for name in only] if only else ui_modules()
    for module in modules:
        ts = ts_for(module)
        _lupdate(module, ts)
        if not ET.parse(ts).getroot().findall(".//message"):
            ts.unlink()  # a module without translatable text needs no catalogue


def build() -> None:
    # Each .qm is written beside its place and renamed over it: a running program (or test) has the old file
    # mapped in memory, and rewriting it in place would crash that process with a bus error.
    for ts in sorted(I18N.glob("*_vi.ts")):
        qm = ts.with_suffix(".qm")
        part = qm.with_name(f".{qm.name}.{os.getpid()}.part")
        subprocess.run([_tool("lrelease"), "-silent", str(ts), "-qm", str(part)], check=True)
        os.replace(part, qm)


_PLACEHOLDER = re.compile(r"\{[a-z_0-9]*\}|%\d")


def problems() -> list[str]:
    """Every tr() string of the current sources that has no (complete) Vietnamese translation."""
    found: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for module in ui_modules():
            committed = ts_for(module)
            fresh = Path(tmp) / committed.name
            if committed.exists():
                shutil.copyfile(committed, fresh)
            _lupdate(module, fresh)
            if not fresh.exists():
                continue
            for context in ET.parse(fresh).getroot().iter("context"):
                name = context.findtext("name")
                for message in context.iter("message"):
                    source = message.findtext("source") or ""
                    tr = message.find("translation")
                    text = "".join(tr.itertext()) if tr is not None else ""
                    where = f"{committed.name} [{name}] {source!r}"
                    if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete") or not text.strip():
                        found.append(f"untranslated: {where}")
                    elif sorted(_PLACEHOLDER.findall(source)) != sorted(_PLACEHOLDER.findall(text)):
                        found.append(f"placeholders differ: {where} -> {text!r}")
    return found


def apply(mapping_file: Path, pattern: str = "*_vi.ts") -> None:
    mapping: dict[str, str] = json.loads(Path(mapping_file).read_text(encoding="utf-8"))
    modules = {ts_for(module): module for module in ui_modules()}
    for ts in sorted(I18N.glob(pattern)):
        if ts.name in HAND_KEPT:
            continue
        tree = ET.parse(ts)
        changed = False
        for message in tree.getroot().iter("message"):
            tr = message.find("translation")
            source = message.findtext("source")
            if tr is not None and source in mapping and (tr.get("type") == "unfinished" or not (tr.text or "").strip()):
                tr.text = mapping[source]
                tr.attrib.pop("type", None)
                changed = True
        if changed:
            with open(ts, "wb") as fh:
                fh.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
                tree.write(fh, encoding="utf-8", xml_declaration=False)
            if ts in modules:
                _lupdate(modules[ts], ts)  # back to lupdate's own layout: no whitespace churn in diffs


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    if argv[0] == "update":
        update(argv[1:])
    elif argv[0] == "build":
        build()
    elif argv[0] == "check":
        found = problems()
        print("\n".join(found) or "every string is translated")
        return 1 if found else 0
    elif argv[0] == "apply":
        apply(Path(argv[1]), *argv[2:3])
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
