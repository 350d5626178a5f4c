"""Sync between a cell's laptops and the committee server (see ../../docs and SYNC.md).

`protocol` is the wire format both sides share: pure Python, no Qt and no database.
"""
