"""Entry script of the frozen app: PyInstaller starts a script, not a package's `__main__`."""

import sys

from cellsec.cli import main

if __name__ == "__main__":
    sys.exit(main())
