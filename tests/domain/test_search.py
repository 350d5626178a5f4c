import unicodedata

import pytest

from cellsec.domain.search import fts_query, make_snippet, match_spans, query_tokens


def test_query_is_folded_into_words():
    assert query_tokens("  Kiểm ĐIỂM, đảng-viên! ") == ["kiem", "diem", "dang", "vien"]
    assert query_tokens(unicodedata.normalize("NFD", "Đức")) == ["duc"]
    assert query_tokens("") == []


def test_fts_query_quotes_words_and_makes_the_last_a_prefix():
    assert fts_query(["kiem", "diem"]) == '"kiem" "diem"*'
    assert fts_query(["d"]) == '"d"'  # one letter: no prefix search over the whole index
    # FTS5 operators and punctuation typed by the user become plain quoted words.
    assert fts_query(query_tokens('kiểm OR NOT "điểm" *')) == '"kiem" "or" "not" "diem"*'


@pytest.mark.parametrize("text, query, marked", [
    ("Chi bộ kiểm điểm đảng viên cuối năm", "kiem diem dang vien", "Chi bộ [kiểm điểm đảng viên] cuối năm"),
    ("Đồng chí Nguyễn Văn Đức phát biểu", "duc", "Đồng chí Nguyễn Văn [Đức] phát biểu"),
    ("Nghị quyết về nhiệm vụ", "NGHI QUYET", "[Nghị quyết] về nhiệm vụ"),
    ("Đánh giá, kiểm điểm", "kiem diem", "Đánh giá, [kiểm điểm]"),
    ("Nhiệm vụ trọng tâm", "nhiem vu tron", "[Nhiệm vụ trọn]g tâm"),
])
def test_matches_are_marked_on_the_original_text(text, query, marked):
    snippet = make_snippet(text, query_tokens(query))
    assert snippet.marked() == marked


def test_spans_map_back_onto_nfc_original():
    text = "Báo cáo về công tác phát triển đảng viên mới"
    spans = match_spans(text, query_tokens("dang vien"))
    assert [text[s:e] for s, e in spans] == ["đảng viên"]


def test_long_text_snippet_is_a_window_around_the_first_match():
    text = ("Mở đầu. " * 40) + "Chi bộ thống nhất kiểm điểm đảng viên vào tháng 12.\nPhần sau. " + ("Kết thúc. " * 40)
    snippet = make_snippet(text, query_tokens("kiem diem"), width=120)
    assert snippet.text.startswith("…") and snippet.text.endswith("…")
    assert len(snippet.text) <= 125
    assert "[kiểm điểm]" in snippet.marked()
    assert all(snippet.text[s:e].lower().startswith("kiểm") for s, e in snippet.spans)


def test_newlines_are_shown_as_slashes_and_spans_follow():
    snippet = make_snippet("Dòng một\nDòng hai có kiểm điểm", query_tokens("kiem diem"))
    assert snippet.text == "Dòng một / Dòng hai có kiểm điểm"
    assert snippet.marked() == "Dòng một / Dòng hai có [kiểm điểm]"


def test_snippet_centres_on_the_phrase_rather_than_the_first_stray_word():
    text = "Đảng ủy viên dự họp. " + "Nội dung khác. " * 20 + "Chuẩn bị kiểm điểm đảng viên cuối năm."
    snippet = make_snippet(text, query_tokens("kiem diem dang vien"), width=80)
    assert "[kiểm điểm đảng viên]" in snippet.marked()


def test_highlighting_agrees_with_fold_for_every_vietnamese_letter():
    from cellsec.domain.text import fold

    letters = unicodedata.normalize("NFC", "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ")
    for ch in letters + letters.upper():
        word = f"x{ch}x"
        assert match_spans(f"- {word} -", [fold(word)]) == [(2, 5)], ch
