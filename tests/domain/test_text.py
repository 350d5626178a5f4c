import unicodedata

import pytest

from cellsec.domain.text import clean_line, clean_text, fold, fold_key, nfc


@pytest.mark.parametrize(
    "original, folded",
    [
        ("Nguyễn Văn Đức", "nguyen van duc"),
        ("Kiểm điểm đảng viên", "kiem diem dang vien"),
        ("ĐẢNG CỘNG SẢN VIỆT NAM", "dang cong san viet nam"),
        ("Lưu Ơn Ượng", "luu on uong"),
        ("Nghị quyết", "nghi quyet"),
    ],
)
def test_fold_removes_marks_case_and_d_stroke(original, folded):
    assert fold(original) == folded


def test_fold_treats_nfd_like_nfc_and_keeps_offsets():
    nfd = unicodedata.normalize("NFD", "Kiểm điểm đảng viên")
    assert fold(nfd) == "kiem diem dang vien"
    original = nfc("Biên bản kiểm điểm đảng viên")
    start = fold(original).index("kiem diem")
    assert original[start:start + len("kiem diem")] == "kiểm điểm"


def test_nfc_normalises_decomposed_input():
    nfd = unicodedata.normalize("NFD", "Đặng Thị Ánh")
    assert nfd != "Đặng Thị Ánh"
    assert nfc(nfd) == "Đặng Thị Ánh"


def test_clean_line_drops_word_junk():
    pasted = "\ufeffNguyễn\u00a0Văn\u200b  An\t\r\n"
    assert clean_line(pasted) == "Nguyễn Văn An"


def test_clean_text_keeps_paragraphs_from_word():
    pasted = "Đoạn một\u00a0có\u00adkhoảng trắng.\r\n\r\n\r\n\r\nĐoạn hai.\u2029Đoạn ba.\x0c"
    assert clean_text(pasted) == "Đoạn một cókhoảng trắng.\n\nĐoạn hai.\nĐoạn ba."


def test_fold_key_ignores_spacing_and_punctuation():
    assert fold_key("Họ và tên") == fold_key("HO VA  TEN") == "hovaten"
    assert fold_key("Số CCCD") == "socccd"


def test_clean_line_takes_an_already_clean_line_as_it_is_and_cleans_every_other():
    def slow(value):  # the cleaning steps, without the shortcut for clean text
        from cellsec.domain import text as t

        cleaned = t.nfc(value).translate(t._ZERO_WIDTH).translate(t._SPACE_LIKE)
        return " ".join(t._CONTROL.sub("", t._LINE_SEPARATORS.sub(" ", cleaned)).split())

    # Every character that is whitespace, invisible, a control or not NFC, alone and inside a name.
    odd = [ch for ch in map(chr, [*range(0x3100), 0xFEFF, 0xFFF9, 0xFFFA, 0xFFFB, 0x1D15E, 0xE0001])
           if not ch.isprintable() or ch.isspace() or unicodedata.normalize("NFC", ch) != ch]
    assert {"\t", "\u00a0", "\u200b", "\u2028", "\u3000", "\ufeff", "\u0340"} <= set(odd)
    samples = ["Nguyễn Văn An", "040080001234", " a", "a ", "a  b", "a b", "Nguye\u0302\u0303n", *odd,
               *(f"Lê{c}Văn" for c in odd), *(f"{c}x" for c in odd)]
    for value in samples:
        assert clean_line(value) == slow(value), repr(value)


def test_fold_of_every_character_is_worked_out_as_before_and_the_same_when_asked_again():
    def slow(value):  # fold as it was written before its table of characters
        out = []
        for ch in unicodedata.normalize("NFC", value):
            base = unicodedata.normalize("NFD", ch)[0].casefold()
            out.append("d" if base == "đ" else (base[0] if base else ch))
        return "".join(out)

    text = "".join(map(chr, [*range(1, 0x3100), 0xFB00, 0x1E9E, 0x10400, 0x1D400]))
    assert fold(text) == slow(text)
    assert fold(text) == slow(text)  # (the second time from the table)
    assert fold("Đặng Thị Ngọc Ánh ĐÀ") == "dang thi ngoc anh da"
