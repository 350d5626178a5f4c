"""CellSec — Sổ tay Bí thư chi bộ."""

__version__ = "0.1.0"
