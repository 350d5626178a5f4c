"""`python -m cellsec` — the same as the `cellsec` console script."""

import sys

from .cli import main

sys.exit(main())
