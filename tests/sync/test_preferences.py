"""The cell's document preferences travel with the cell; this laptop's own settings do not."""

from __future__ import annotations


from .test_service import _two_laptops


def test_agenda_template_rule_version_and_layout_reach_the_other_laptop_but_the_language_does_not(
        tmp_path, store, live_server, server_cell):
    first, second, _member_id = _two_laptops(tmp_path, store, live_server, server_cell)
    template = first.meetings.agenda_template()
    template["thuong_ky"] = ["Kiểm điểm việc thực hiện nghị quyết tháng {prev_month}", "Việc riêng của thôn 3"]
    first.meetings.set_agenda_template(template)
    first.meetings.pin_rule_version("1")
    layout = first.layout.get()
    first.layout.set(type(layout).from_dict({"margin_left_mm": 32}, base=layout))
    first.ctx.set_setting("language", "en")
    assert first.sync.status().pending >= 3  # the preferences are in the outbox like any record

    first.sync.sync_now()
    second.sync.sync_now()
    assert second.meetings.agenda_template()["thuong_ky"][-1] == "Việc riêng của thôn 3"
    assert second.ctx.get_preference("rules.meeting_rules.version") == "1"
    assert second.layout.get().margin_left_mm == 32
    assert second.ctx.get_setting("language") != "en"

    # Set on the second laptop too: one record, the newer value wins on both.
    second.meetings.pin_rule_version(None)
    second.sync.sync_now()
    first.sync.sync_now()
    assert first.ctx.get_preference("rules.meeting_rules.version") == ""
    first.close()
    second.close()
