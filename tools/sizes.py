"""Lists source files over 600 lines and functions over 60 lines (issue 8's readability limits).

    python tools/sizes.py [PATH ...]      default: cellsec/
Exit status 1 when something is over; declarative tables (module-level assignments) are not functions.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAX_FILE_LINES = 600
MAX_FUNCTION_LINES = 60


def over_limits(paths: list[Path]) -> list[str]:
    found: list[str] = []
    for path in sorted(p for base in paths for p in ([base] if base.is_file() else base.rglob("*.py"))):
        if "migrations" in path.parts:
            continue  # generated revision files
        text = path.read_text(encoding="utf-8")
        rel = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
        lines = text.count("\n") + 1
        if lines > MAX_FILE_LINES:
            found.append(f"{rel}: {lines} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    found.append(f"{rel}:{node.lineno}: {node.name}() {length} lines")
    return found


if __name__ == "__main__":
    targets = [Path(a).resolve() for a in sys.argv[1:]] or [ROOT / "cellsec"]
    problems = over_limits(targets)
    print("\n".join(problems) or "every file and function is within the limits")
    sys.exit(1 if problems else 0)
