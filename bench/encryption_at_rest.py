"""Encryption at rest (issue 15): the same cell opened as a plain SQLite file and as a SQLCipher 4 file (the
store's own driver, cellsec/store/cipher.py), both through the store's engine (db.make_engine). Prints medians for: opening the store and
reading the cell (the first query pays SQLCipher's key derivation), the member list (query_ids, a search,
100 rows), and checks that FTS5 and SQLite's online backup API work on the encrypted file.

Run: .venv/bin/python bench/encryption_at_rest.py [members] [runs]
"""

from __future__ import annotations

import os
import secrets
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from sqlalchemy.orm import sessionmaker  # noqa: E402

from cellsec.services.context import Context  # noqa: E402
from cellsec.services.facade import Services  # noqa: E402
from cellsec.services.members.service import MemberQuery  # noqa: E402
from cellsec.services.settings.cell import CellInfo  # noqa: E402
from cellsec.store import db  # noqa: E402
from members_list import fill  # noqa: E402


def _plain_engine(path: Path):
    return db.make_engine(path, None)  # a plain file is opened as it is


def _cipher_engine(path: Path, key: str):
    return db.make_engine(path, bytes.fromhex(key))  # a raw 256-bit key: no PBKDF2 on each open


def _services(path: Path, engine) -> Services:
    store = db.Store(path=path, engine=engine, sessions=sessionmaker(engine, expire_on_commit=False))
    return Services(Context(store=store, data_dir=path.parent))


def _encrypt_copy(plain: Path, target: Path, key: str) -> None:
    from sqlcipher3 import dbapi2

    conn = dbapi2.connect(str(plain))
    conn.execute(f"ATTACH DATABASE '{target}' AS enc KEY \"x'{key}'\"")
    conn.execute("SELECT sqlcipher_export('enc')")
    conn.execute("DETACH DATABASE enc")
    conn.close()


def median(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _open_and_read(path: Path, make) -> None:
    svc = _services(path, make())
    svc.cell.get()
    svc.close()


def _checks(path: Path, key: str) -> None:
    from sqlcipher3 import dbapi2

    conn = dbapi2.connect(str(path))
    conn.execute(f"PRAGMA key = \"x'{key}'\"")
    print("  cipher:", conn.execute("PRAGMA cipher_version").fetchone()[0], "/ SQLite", dbapi2.sqlite_version)
    conn.execute("CREATE VIRTUAL TABLE bench_fts USING fts5(x, tokenize='unicode61 remove_diacritics 2')")
    conn.execute("INSERT INTO bench_fts VALUES ('dang vien nguyen van duc')")
    conn.commit()
    print("  FTS5 on the encrypted file:", conn.execute("SELECT count(*) FROM bench_fts WHERE bench_fts MATCH "
                                                         "'nguyen van'").fetchone()[0] == 1)
    copy = path.with_name("backup.sqlite3")
    dst = dbapi2.connect(str(copy))
    dst.execute(f"PRAGMA key = \"x'{key}'\"")
    conn.backup(dst)
    print("  online backup API to an encrypted copy:", dst.execute("PRAGMA quick_check").fetchone()[0])
    print("  the copy is unreadable as plain SQLite:", not copy.read_bytes().startswith(b"SQLite format 3"))
    dst.close()
    plain = dbapi2.connect(str(path.with_name("plain-copy.sqlite3")))
    try:
        conn.backup(plain)
        print("  backup API to a plain copy: works")
    except dbapi2.Error as exc:  # SQLCipher refuses it: a plain copy needs sqlcipher_export
        print(f"  backup API to a plain copy: refused ({exc}); sqlcipher_export is the way")
    plain.close()
    conn.close()


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 9
    key = secrets.token_hex(32)
    with tempfile.TemporaryDirectory() as tmp:
        plain_dir, enc_dir = Path(tmp) / "plain", Path(tmp) / "enc"
        svc = Services.open(plain_dir)
        svc.cell.setup(CellInfo(name="Chi bộ", place_name="Nghệ An", upper_committee="Đảng ủy"))
        fill(svc, count)
        svc.close()
        db.copy_database(plain_dir / db.DB_NAME, plain_dir / "checkpointed.sqlite3", svc.ctx.store.key, plain=True)
        os.replace(plain_dir / "checkpointed.sqlite3", plain_dir / db.DB_NAME)
        enc_dir.mkdir()
        start = time.perf_counter()
        _encrypt_copy(plain_dir / db.DB_NAME, enc_dir / db.DB_NAME, key)
        print(f"{count} members; converting the plain file to SQLCipher: {(time.perf_counter() - start) * 1000:.0f} ms"
              f" ({(plain_dir / db.DB_NAME).stat().st_size // 1024} KB)")
        kinds = {"plain": (plain_dir / db.DB_NAME, lambda p: _plain_engine(p)),
                 "SQLCipher": (enc_dir / db.DB_NAME, lambda p: _cipher_engine(p, key))}
        print(f"median of {runs} runs        {'plain':>10s} {'SQLCipher':>10s}")
        results: dict[str, list[float]] = {}
        for kind, (path, make) in kinds.items():
            svc = _services(path, make(path))
            m = svc.members
            ids = m.query_ids()
            cases = {
                "open + read the cell": lambda: _open_and_read(path, lambda: make(path)),
                "member list, by SĐV": lambda: m.query_ids(MemberQuery()),
                "member list, search": lambda: m.query_ids(MemberQuery(text="nguyen van duc")),
                "member rows, 100": lambda: m.rows(ids[:100]),
            }
            for label, fn in cases.items():
                results.setdefault(label, []).append(median(fn, runs) * 1000)
            svc.close()
        for label, (plain, cipher) in results.items():
            print(f"  {label:24s} {plain:8.1f} ms {cipher:8.1f} ms  (x{cipher / plain:.2f})")
        _checks(enc_dir / db.DB_NAME, key)


if __name__ == "__main__":
    main()
