import unicodedata

import pytest

from cellsec.domain.text import fold
from cellsec.services.meetings.records import ResolutionInput

from .meeting_data import D, add_members, fill

NFD = lambda text: unicodedata.normalize("NFD", text)  # noqa: E731


@pytest.fixture
def indexed(services):
    ids = add_members(services)
    september = services.meetings.create("thuong_ky", D(2025, 9, 5))
    fill(services, september.id, ids, text="Kiểm điểm đảng viên cuối năm")
    thematic = services.meetings.create("chuyen_de", D(2025, 8, 20), topic="Phòng, chống bão lũ ở khu dân cư")
    services.meetings.save_resolution(thematic.id, ResolutionInput(
        "về công tác phòng, chống bão lũ", "Mỗi đảng viên phụ trách giúp đỡ một hộ neo đơn gia cố nhà cửa.",
        signer_name="Nguyễn Văn Đức"))
    return {"september": september.id, "thematic": thematic.id, **ids}


# query -> (kind, key of the expected record) that must be among the hits
CASES = [
    ("kiem diem dang vien", "meeting", "september"),
    ("Kiểm điểm đảng viên", "meeting", "september"),
    ("KIỂM ĐIỂM", "meeting", "september"),
    (NFD("kiểm điểm"), "meeting", "september"),
    ("KIEM DIEM DANG VIEN CUOI NAM", "meeting", "september"),
    ("duc", "member", "Nguyễn Văn Đức"),
    ("Đức", "member", "Nguyễn Văn Đức"),
    ("ĐỨC", "member", "Nguyễn Văn Đức"),
    (NFD("nguyễn văn đức"), "member", "Nguyễn Văn Đức"),
    ("nguyen van du", "member", "Nguyễn Văn Đức"),  # the last word as a prefix (search as you type)
    ("nghi quyet", "resolution", "thematic"),       # "Nghị quyết về công tác phòng, chống bão lũ"
    ("nghi quyet", "meeting", "september"),         # "Chi bộ quyết nghị": the words in any order
    ("chi thi 50", "meeting", "september"),         # "Chỉ thị 50-CT/TW"
    ("phong chong bao lu", "resolution", "thematic"),
    ("phòng chống bão lũ", "meeting", "thematic"),
    ("ho neo don", "resolution", "thematic"),
    ("Nguyệt", "meeting", "september"),             # a guest's name in a speech
    ("hội trường", "meeting", "september"),
    ("hang", "member", "Võ Thị Hằng"),
]


@pytest.mark.parametrize("query, kind, key", CASES)
def test_vietnamese_search_ignores_case_marks_d_and_normalisation(services, indexed, query, kind, key):
    hits = services.search.search(query)
    assert (kind, indexed[key]) in {(h.kind, h.id if kind != "resolution" else h.meeting_id) for h in hits}
    for hit in hits:
        # Every highlight sits on the ORIGINAL text and is the folded query word.
        words = fold(query).split()
        for start, end in hit.spans:
            found = fold(hit.snippet[start:end])
            assert any(w in found for w in words), (hit.snippet, hit.spans)


@pytest.mark.parametrize("query", ["xyz", "xe may dien", "bao cao tai chinh", "   ", "*", '"'])
def test_no_false_hits_and_no_errors_on_odd_input(services, indexed, query):
    assert services.search.search(query) == []


def test_hit_carries_date_title_number_and_marked_snippet(services, indexed):
    services.meetings.approve(indexed["september"])
    hit = next(h for h in services.search.search("kiem diem dang vien") if h.kind == "meeting")
    assert hit.date == D(2025, 9, 5)
    assert hit.title == "Sinh hoạt chi bộ thường kỳ tháng 9 năm 2025"
    assert hit.number == "Số 01-BB/CB"
    assert "[Kiểm điểm đảng viên]" in hit.marked
    assert hit.meeting_id == indexed["september"]


def test_index_follows_edits_deletes_and_renames_in_the_same_transaction(services, indexed):
    record = services.meetings.get(indexed["thematic"])
    content = record.content
    content.opening = "Triển khai trồng cây xanh dọc đường làng"
    services.meetings.save(record.id, content)
    assert [h.id for h in services.search.search("cay xanh")] == [record.id]

    services.meetings.delete(record.id)
    assert services.search.search("cay xanh") == []
    assert all(h.meeting_id != record.id for h in services.search.search("bao lu"))
    services.undo_last()  # undelete: indexed again
    assert [h.id for h in services.search.search("cay xanh")] == [record.id]

    son = services.members.get(indexed["Hoàng Văn Sơn"])
    data = son.as_input()
    data.full_name = "Hoàng Văn Sướng"
    services.members.update(son.id, data)
    assert [h.title for h in services.search.search("suong") if h.kind == "member"] == ["Hoàng Văn Sướng"]
    assert not [h for h in services.search.search("hoang van son") if h.kind == "member"]


def test_autosaved_text_is_not_searchable_until_saved(services, indexed):
    record = services.meetings.get(indexed["thematic"])
    content = record.content
    content.opening = "Nội dung đang gõ dở về đê điều"
    services.meetings.save_draft(record.id, content)
    assert services.search.search("de dieu") == []
    services.meetings.save(record.id)
    assert [h.id for h in services.search.search("de dieu")] == [record.id]


def test_rebuild_gives_the_same_results(services, indexed):
    before = [(h.kind, h.id) for h in services.search.search("dang vien")]
    assert before
    count = services.search.rebuild_index()
    assert count == 6 + 2 + 1  # members, meetings, the resolution
    assert [(h.kind, h.id) for h in services.search.search("dang vien")] == before


def test_kinds_filter(services, indexed):
    hits = services.search.search("duc", kinds=("member",))
    assert {h.kind for h in hits} == {"member"}


def test_records_holding_the_exact_phrase_come_before_newer_ones_with_the_words_apart(services):
    ids = add_members(services)
    older = services.meetings.create("thuong_ky", D(2025, 3, 5))
    fill(services, older.id, ids, text="Chi bộ tổ chức kiểm điểm đảng viên giữa nhiệm kỳ")
    newer = services.meetings.create("thuong_ky", D(2025, 10, 5))
    fill(services, newer.id, ids, text="Đảng viên góp ý; chi bộ kiểm tra, chấm điểm thi đua")
    hits = [h for h in services.search.search("kiem diem dang vien") if h.kind == "meeting"]
    assert [h.id for h in hits][:2] == [older.id, newer.id]
    assert "kiểm điểm đảng viên" in hits[0].marked and "[kiểm điểm đảng viên]" in hits[0].marked
