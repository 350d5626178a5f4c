"""A separate process that approves minutes when told to (tests/reliability/test_double_approval.py).

Reads meeting ids from its stdin, one per round: it answers "ready", waits for "go" (so two of these start
each approval at the same moment), approves, and prints the number or the refusal message as JSON.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from cellsec.services.errors import ServiceError
from cellsec.services.facade import Services


def main() -> None:
    svc = Services.open(Path(sys.argv[1]))
    try:
        for line in sys.stdin:
            meeting_id = line.strip()
            print("ready", flush=True)
            if sys.stdin.readline().strip() != "go":
                return
            try:
                answer = {"number": svc.meetings.approve(meeting_id).number}
            except ServiceError as exc:
                answer = {"refused": exc.message}
            print(json.dumps(answer, ensure_ascii=False), flush=True)
    finally:
        svc.close()


if __name__ == "__main__":
    main()
