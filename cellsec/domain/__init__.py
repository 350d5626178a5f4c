"""Pure rules and calculations. Imports nothing else from cellsec; no Qt, no SQL."""
