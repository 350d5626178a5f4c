"""Issue 15, autosave: the app is killed (SIGKILL) at a random moment while the secretary types without
pause; the draft found afterwards is what was typed, less at most two seconds of typing. 20 trials over
two editors (the member dialog and a DocumentEditor, the 5-good score sheet); `make soak` runs 200 and
prints tried / survived / lost (SOAK_ROUNDS)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from cellsec.services.facade import Services
from cellsec.store import keys
from cellsec.store.db import copy_database

ROOT = Path(__file__).resolve().parents[2]
TEXT = "Đồng chí gương mẫu, hoàn thành tốt nhiệm vụ được giao; đề nghị chi bộ xếp loại hoàn thành tốt. "
MAX_LOST_S = 2.0  # issue 15: at most two seconds of typing lost
EDITORS = ("member", "score_sheet")
DRAFT_KEYS = {"member": ("member", "new"), "score_sheet": ("score_sheet", "cell:2025")}
ROUNDS = int(os.environ.get("SOAK_ROUNDS", "20"))
PARALLEL = 2


@dataclass
class Trial:
    editor: str
    typed: int = 0  # characters on screen when the kill struck
    saved: int = 0  # characters in the draft found afterwards
    lost_s: float = 0.0  # typing time of the characters lost (first lost keystroke to the last one)
    error: str = ""


def _new_data_dir(base: Path, template: Path, i: int) -> Path:
    folder = base / f"trial-{i}"
    copy_database(template, folder / "cellsec.sqlite3", keys.load())
    return folder


def _run(trial: Trial, data_dir: Path, rng: random.Random) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen([sys.executable, "-m", "tests.reliability.typist", str(data_dir), trial.editor, TEXT],
                             cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    times: list[float] = []
    delay = rng.uniform(0.3, 5.0)  # anywhere: before the first autosave, between two, right after one
    try:
        first = child.stdout.readline()
        if first.startswith("K "):
            times.append(float(first.split()[2]))
            time.sleep(delay)
            os.kill(child.pid, signal.SIGKILL)
        else:
            trial.error = "the editor did not start"
    finally:
        if child.poll() is None:
            child.kill()
        rest, errors = child.communicate(timeout=60)
    times += [float(line.split()[2]) for line in rest.splitlines() if line.startswith("K ")]
    if trial.error:
        trial.error += f" (exit {child.returncode}): " + errors[-2000:]
        return
    trial.typed = len(times)
    svc = Services.open(data_dir)
    try:
        draft = svc.drafts.load(*DRAFT_KEYS[trial.editor])
    finally:
        svc.close()
    note = draft.payload["note"] if draft is not None else ""
    trial.saved = len(note)
    expected = (TEXT * (trial.typed // len(TEXT) + 2))[:trial.saved]
    if note != expected:
        trial.error = f"the draft is not what was typed: {note!r}"
    if trial.saved < trial.typed:
        trial.lost_s = times[-1] - times[trial.saved]


def _run_started(trial: Trial, data_dir: Path, rng: random.Random) -> None:
    """A child that ends before its first key (seen rarely on a loaded machine, with no message) is not an
    autosave result: start it once more."""
    _run(trial, data_dir, rng)
    if trial.error.startswith("the editor did not start"):
        trial.error = ""
        _run(trial, data_dir, rng)


def run_trials(tmp: Path, template: Path, rounds: int, seed: int) -> list[Trial]:
    rng = random.Random(seed)
    trials = [Trial(EDITORS[i % len(EDITORS)]) for i in range(rounds)]
    dirs = [_new_data_dir(tmp, template, i) for i in range(rounds)]
    for start in range(0, rounds, PARALLEL):
        batch = [threading.Thread(target=_run_started, args=(trials[i], dirs[i], random.Random(rng.random())))
                 for i in range(start, min(start + PARALLEL, rounds))]
        for thread in batch:
            thread.start()
        for thread in batch:
            thread.join()
    return trials


@pytest.fixture
def template(services, data_dir) -> Path:
    """A store with the cell set up; each trial types into its own copy."""
    services.close()
    return data_dir / "cellsec.sqlite3"


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")
def test_killed_at_random_moments_while_typing_at_most_two_seconds_are_lost(template, tmp_path):
    trials = run_trials(tmp_path / "trials", template, ROUNDS, seed=15)
    errors = [t for t in trials if t.error]
    assert not errors, errors[0].error
    worst = max(t.lost_s for t in trials)
    survived = sum(t.lost_s <= MAX_LOST_S for t in trials)
    print(f"\nautosave kill -9: tried {len(trials)}, survived {survived}, lost {len(trials) - survived}; "
          f"worst loss {worst:.2f} s of typing, mean {sum(t.lost_s for t in trials) / len(trials):.2f} s; "
          f"characters typed {sum(t.typed for t in trials)}, kept {sum(t.saved for t in trials)}")
    assert any(t.saved for t in trials)  # autosaves did happen
    assert survived == len(trials), [(t.editor, t.typed, t.saved, round(t.lost_s, 2)) for t in trials]
