"""Issue 15: two processes approving the same draft minutes at the same moment. The check and the write
are one write transaction (BEGIN IMMEDIATE), so exactly one gets a number; the other is told, in
Vietnamese, that the minutes were just approved elsewhere."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from cellsec.services.facade import Services

from ..services.meeting_data import D, add_members, fill
from tests import dbfile

ROUNDS = 50
ROOT = Path(__file__).resolve().parents[2]


def _drafts(services: Services, count: int) -> list[str]:
    ids = add_members(services)
    out = []
    for i in range(count):
        record = services.meetings.create("thuong_ky", D(2021 + i // 12, i % 12 + 1, 5))
        fill(services, record.id, ids)
        out.append(record.id)
    return out


def _approver(data_dir: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "tests.reliability.approver", str(data_dir)], cwd=ROOT, env=env,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8")


def _round(workers: list[subprocess.Popen], meeting_id: str) -> list[dict]:
    for w in workers:
        w.stdin.write(meeting_id + "\n")
        w.stdin.flush()
    for w in workers:  # both are ready: start them together
        assert w.stdout.readline().strip() == "ready"
    for w in workers:
        w.stdin.write("go\n")
        w.stdin.flush()
    return [json.loads(w.stdout.readline()) for w in workers]


def test_two_processes_approving_the_same_minutes_give_it_one_number(services, data_dir):
    meetings = _drafts(services, ROUNDS)
    services.close()
    workers = [_approver(data_dir), _approver(data_dir)]
    try:
        answers = [_round(workers, m) for m in meetings]
    finally:
        for w in workers:
            w.stdin.close()
            w.wait(timeout=60)
    for meeting_id, pair in zip(meetings, answers):
        numbers = [a["number"] for a in pair if "number" in a]
        refusals = [a["refused"] for a in pair if "refused" in a]
        assert len(numbers) == 1, (meeting_id, pair)
        assert refusals == [(f"Biên bản này đã được thông qua với số {numbers[0][3:]} (có thể từ một cửa sổ hoặc máy khác), "
                             "nên không cấp thêm số.")]
    with dbfile.connect(data_dir / "cellsec.sqlite3") as db:
        rows = db.execute("SELECT id, number_year, number_seq FROM meetings WHERE status = 'approved'").fetchall()
        chained = db.execute("SELECT entity_id FROM finalised_documents WHERE kind = 'minutes'").fetchall()
    assert sorted(i for i, _, _ in rows) == sorted(meetings)
    for year in {y for _, y, _ in rows}:  # numbered 1, 2, 3 … each year: none given twice, none skipped
        seqs = sorted(n for _, y, n in rows if y == year)
        assert seqs == list(range(1, len(seqs) + 1)), (year, seqs)
    assert sorted(e for (e,) in chained) == sorted(meetings)  # chained once each
