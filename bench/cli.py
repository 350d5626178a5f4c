"""Command-line start-up benchmark (issue 14): `cellsec --version`, `cellsec members list --json` and
`cellsec meetings list --json` on the demo cell, each timed as a whole process, in alternation with
`python -c pass` in the same run (so a busy machine slows both alike). Prints medians.

Bytecode is cached (in a temporary folder, not the source tree) as in an installed program, where pip
or PyInstaller ship compiled modules; `--no-bytecode-cache` compiles every module on each run instead.
Run: .venv/bin/python bench/cli.py [runs] [--no-bytecode-cache]
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time

AIMS = {"--version": 0.10, "members list --json": 0.35, "meetings list --json": 0.35}


def timed(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    runs = int(args[0]) if args else 15
    with tempfile.TemporaryDirectory() as data, tempfile.TemporaryDirectory() as pyc:
        env = {**os.environ}
        if "--no-bytecode-cache" in sys.argv:
            env["PYTHONDONTWRITEBYTECODE"] = "1"
        else:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = pyc
        cellsec = [sys.executable, "-m", "cellsec.cli", "--data-dir", data]
        subprocess.run([*cellsec, "demo"], env=env, check=True, capture_output=True)
        cases = {"python -c pass": [sys.executable, "-c", "pass"]}
        cases.update({name: [*cellsec, *name.split()] for name in AIMS})
        for argv in cases.values():  # warm the file cache and the bytecode cache
            timed(argv, env)
        times: dict[str, list[float]] = {name: [] for name in cases}
        for _ in range(runs):
            for name, argv in cases.items():
                times[name].append(timed(argv, env))
    base = statistics.median(times["python -c pass"])
    print(f"runs: {runs} (alternating), bytecode cache: {'off' if '--no-bytecode-cache' in sys.argv else 'on'}")
    for name, values in times.items():
        med = statistics.median(values)
        aim = f"  aim < {AIMS[name] * 1000:.0f} ms" if name in AIMS else ""
        extra = f"  (+{(med - base) * 1000:.0f} ms over python)" if name in AIMS else ""
        print(f"  {name:24s} median {med * 1000:6.0f} ms  min {min(values) * 1000:6.0f} ms{extra}{aim}")


if __name__ == "__main__":
    main()
