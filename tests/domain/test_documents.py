"""Document numbers, file names that name the document, and resolution bodies that do not repeat the
printed "… QUYẾT NGHỊ:"."""

import datetime as dt

from cellsec.domain.documents import document_number, file_stem, resolution_body


def test_numbers_have_no_colon_and_two_digits():
    assert document_number(5, "BB", "CB") == "Số 05-BB/CB"


def test_file_stems_name_the_document():
    assert file_stem("Biên bản", "Số 03-BB/CB", dt.date(2026, 3, 5)) == "bien-ban-so-03-bb-cb-2026-03-05"
    assert file_stem("Biên bản", "", dt.date(2026, 3, 5)) == "bien-ban-du-thao-2026-03-05"
    assert file_stem("Biên bản", "Số 03-BB/CB", dt.date(2026, 3, 5)) != file_stem("Biên bản", "Số 04-BB/CB",
                                                                                 dt.date(2026, 3, 5))


def test_resolution_body_drops_a_lead_in_that_the_layout_prints():
    assert resolution_body("Chi bộ thống nhất quyết nghị:\n1. A\n2. B") == "1. A\n2. B"
    assert resolution_body("Chi bộ quyết nghị: 1. A") == "1. A"
    assert resolution_body("QUYẾT NGHỊ:\n\n1. A") == "1. A"
    assert resolution_body("1. A\n2. B") == "1. A\n2. B"
    # "quyết nghị" inside a sentence is content, not a lead-in.
    assert resolution_body("Hội nghị quyết nghị nhiều việc, gồm: 1. A") == "Hội nghị quyết nghị nhiều việc, gồm: 1. A"
