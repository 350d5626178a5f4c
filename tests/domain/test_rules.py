import datetime as dt
import json

import pytest

from cellsec.domain.meetings import MeetingRules
from cellsec.domain.rules import RuleSetError, load_rule_set, load_rule_sets
from cellsec.paths import resources_dir


def write(folder, name, data):
    (folder / name).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_version_in_force_on_a_date_and_pinning(tmp_path):
    write(tmp_path, "a_v1.json", {"rule_set": "a", "version": 1, "effective_from": "2018-07-06",
                                  "source": "12-HD/BTCTW", "values": {"x": 1}})
    write(tmp_path, "a_v2.json", {"rule_set": "a", "version": 2, "effective_from": "2025-10-28",
                                  "source": "42-HD/BTCTW", "values": {"x": 2}})
    write(tmp_path, "other.json", {"not": "a rule set"})
    rules = load_rule_set("a", tmp_path)
    assert rules.for_date(dt.date(2025, 10, 27))["x"] == 1
    assert rules.for_date(dt.date(2025, 10, 28))["x"] == 2
    assert rules.for_date(dt.date(2000, 1, 1)).version == 1  # before every version: the earliest
    assert rules.for_date(dt.date(2026, 1, 1), pinned="1")["x"] == 1
    assert rules.latest.source == "42-HD/BTCTW"
    with pytest.raises(RuleSetError):
        rules.version(3)
    with pytest.raises(RuleSetError):
        load_rule_set("missing", tmp_path)


def test_malformed_rule_file_is_named(tmp_path):
    write(tmp_path, "bad.json", {"rule_set": "b", "version": 1, "effective_from": "28/10/2025"})
    with pytest.raises(RuleSetError, match="bad.json"):
        load_rule_sets(tmp_path)


def test_shipped_meeting_rules_carry_source_and_thresholds():
    version = load_rule_set("meeting_rules", resources_dir() / "rules").for_date(dt.date(2026, 1, 1))
    assert "42-HD/BTCTW" in version.source and version.effective_from == dt.date(2025, 10, 28)
    rules = MeetingRules.from_values(version.values, str(version.version), version.source)
    assert rules.attendance_min_percent == 85
    assert (rules.min_duration_minutes, rules.min_duration_combined_minutes) == (90, 120)
    assert rules.consecutive_absence_limit == 3 and rules.removal_absent_months == 3
    assert rules.numbering_restarts_yearly is True


def test_shipped_agenda_template_has_every_meeting_kind():
    template = load_rule_set("meeting_agenda_template", resources_dir() / "rules").latest.values
    assert set(template) == {"thuong_ky", "chuyen_de", "combined", "bat_thuong"}
    assert any("Hồ Chí Minh" in item for item in template["thuong_ky"])
