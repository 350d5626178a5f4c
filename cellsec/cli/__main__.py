"""`python -m cellsec.cli` — the same as the `cellsec` console script."""

import sys

from . import main

sys.exit(main())
