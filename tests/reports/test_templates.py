"""A caption the secretary corrects in the document templates (Cài đặt → Mẫu văn bản) is what the PDF and
the DOCX print: for the dues papers, the monthly report, the thematic plan, the attention list and the
papers whose wording was already template data."""

from __future__ import annotations

import datetime as dt

import docx
import pytest

from cellsec.reports.attention import write_attention
from cellsec.reports.dues import write_dues_sheet
from cellsec.reports.dues_papers import write_ledger, write_slip
from cellsec.reports.lifecycle import paper_kind, write_lifecycle
from cellsec.reports.monthly import write_monthly
from cellsec.reports.year_plan import write_year_plan
from tests.reports.pdfcheck import pages_text

from ..conftest import DEMO_TODAY


def flat(path) -> str:
    return " ".join(" ".join(pages_text(path)).split())


def _ledger(svc, path):
    member = next(m for m in svc.members.list() if m.full_name == "Đậu Văn Lực")
    return write_ledger(svc, member.id, 2026, path, DEMO_TODAY)


def _lifecycle(svc, path):
    member = next(m for m in svc.members.list() if paper_kind(svc.members.get(m.id)))
    return write_lifecycle(svc, member.id, path, 3)


CASES = {
    "sheet": ("dues_papers", {"sheet.title": "SỔ GHI THU ĐẢNG PHÍ", "sheet.columns.7": "Chữ ký người nộp",
                              "sheet.summary_heading": "KẾT QUẢ THU NỘP THÁNG {month}"},
              ["SỔ GHI THU ĐẢNG PHÍ", "Chữ ký người nộp", "KẾT QUẢ THU NỘP THÁNG 10/2026"],
              lambda svc, p: write_dues_sheet(svc, "2026-10", p, today=DEMO_TODAY)),
    "ledger": ("dues_papers", {"ledger.subtitle": "Năm tài chính {year}", "ledger.card": "Thẻ đảng số"},
               ["Năm tài chính 2026", "Thẻ đảng số"], _ledger),
    "slip": ("dues_papers", {"slip.title": "Phiếu nộp đảng phí", "slip.remitted": "Nộp Đảng ủy cấp trên"},
             ["PHIẾU NỘP ĐẢNG PHÍ", "Nộp Đảng ủy cấp trên"], lambda svc, p: write_slip(svc, "2026-10", p, DEMO_TODAY)),
    "monthly": ("report_papers", {"monthly.dues_heading": "III. CÔNG TÁC ĐẢNG PHÍ",
                                  "monthly.subtitle": "Tình hình chi bộ tháng {month}/{year}"},
                ["III. CÔNG TÁC ĐẢNG PHÍ", "Tình hình chi bộ tháng 10/2026"],
                lambda svc, p: write_monthly(svc, "2026-10", p, dt.date(2026, 10, 31), 9)),
    "plan": ("report_papers", {"plan.columns.2": "Chuyên đề", "plan.subtitle": "Các chuyên đề năm {year}"},
             ["Chuyên đề", "Các chuyên đề năm 2026"],
             lambda svc, p: write_year_plan(svc, 2026, p, dt.date(2026, 1, 10), 1)),
    "attention": ("attention_list", {"list.title": "Đảng viên cần giúp đỡ", "list.as_of": "(Đến ngày {day})"},
                  ["ĐẢNG VIÊN CẦN GIÚP ĐỠ", "(Đến ngày 22/11/2026)"],
                  lambda svc, p: write_attention(svc, p, DEMO_TODAY)),
}


@pytest.mark.parametrize("case", list(CASES))
def test_an_edited_caption_is_printed(demo_services, tmp_path, case):
    name, edits, expected, write = CASES[case]
    before = flat(write(demo_services, tmp_path / "before.pdf"))
    for text in expected:
        assert text not in before
    demo_services.templates.save(name, edits)
    after = flat(write(demo_services, tmp_path / "after.pdf"))
    for text in expected:
        assert text in after
    word = docx.Document(str(write(demo_services, tmp_path / "after.docx")))
    cells = [c.text for t in word.tables for row in t.rows for c in row.cells]
    words = " ".join([p.text for p in word.paragraphs] + cells)
    assert expected[-1] in words or expected[-1].lower() in words.lower()


def test_the_older_paper_templates_take_the_cells_edits_too(demo_services, tmp_path):
    demo_services.templates.save("lifecycle_papers", {"official.grounds.0": "Căn cứ Điều lệ Đảng (sửa đổi);",
                                                      "exempt.grounds.0": "Căn cứ Điều lệ Đảng (sửa đổi);",
                                                      "removed.grounds.0": "Căn cứ Điều lệ Đảng (sửa đổi);"})
    assert "Căn cứ Điều lệ Đảng (sửa đổi);" in flat(_lifecycle(demo_services, tmp_path / "nq.pdf"))


def _maintainers_words() -> list[str]:
    """What the shipped templates say to the maintainers and editors (their notes, marked unverified)."""
    import json

    from cellsec.paths import resources_dir

    words = ["chưa xác minh", "chưa đối chiếu", "tạm đặt", "không in ra giấy", "unverified", "verified"]
    for path in sorted((resources_dir() / "rules").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("verified") is False and isinstance(data.get("notes"), dict):
            words += [v for v in data["notes"].values() if isinstance(v, str) and len(v) > 40]
    return words


def _every_paper(svc):
    """Each paper whose wording is template data: (name, writer)."""
    from cellsec.reports.commitments import write_commitment
    from cellsec.reports.meeting_papers import write_notice, write_signin
    from cellsec.reports.transfer import write_transfer

    meeting = next(m for m in svc.meetings.list(2026) if m.number).id
    moved = next(m for m in svc.members.list() if m.full_name == "Cao Văn Dũng").id
    papers = [(case, CASES[case][3]) for case in CASES]
    papers += [("lifecycle", _lifecycle), ("notice", lambda s, p: write_notice(s, meeting, p, seq=2)),
               ("signin", lambda s, p: write_signin(s, meeting, p)),
               ("transfer", lambda s, p: write_transfer(s, moved, p))]
    committed = svc.reviews.list_commitments(2026)[0]  # the demo registers the year's commitments
    papers.append(("commitment", lambda s, p: write_commitment(s, committed.member_id, 2026, p, result=True)))
    return papers


def test_the_templates_notes_are_never_printed(demo_services, tmp_path):
    words = _maintainers_words()
    assert len(words) > 6  # the templates' own notes are among them
    for name, write in _every_paper(demo_services):
        pdf = flat(write(demo_services, tmp_path / f"{name}.pdf")).lower()
        word = docx.Document(str(write(demo_services, tmp_path / f"{name}.docx")))
        cells = [c.text for t in word.tables for row in t.rows for c in row.cells]
        text = " ".join([p.text for p in word.paragraphs] + cells).lower()
        for said in words:
            assert said.lower() not in pdf and said.lower() not in text, (name, said)
