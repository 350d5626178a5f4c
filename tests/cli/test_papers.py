"""`cellsec print` for the cell's other paperwork (cellsec/cli/papers.py) on a copy of the demo cell:
each paper says what it must (the member, the meeting's date, the number given from the register), and
bad input ends with a Vietnamese message and an error code, writing nothing."""

import datetime as dt
import zipfile

import pytest
from pypdf import PdfReader

from cellsec.cli import main
from tests.conftest import copy_demo


@pytest.fixture
def demo(demo_template, data_dir):
    """The demo's data folder, with the ids the commands are given: meetings by date, members by name."""
    from cellsec.services.facade import Services
    from cellsec.services.members.records import MemberQuery

    copy_demo(demo_template, data_dir)
    svc = Services.open(data_dir)
    try:
        meetings = {m.held_on: m.id for m in svc.meetings.list(2026)}
        members = {m.full_name: m.id for m in svc.members.rows(svc.members.query_ids(MemberQuery())).values()}
    finally:
        svc.close()
    return data_dir, meetings, members


def run(data_dir, capsys, *args):
    code = main(["--data-dir", str(data_dir), "print", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def pdf_text(path) -> str:
    return " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(str(path)).pages)


def printed(data_dir, capsys, path, *args) -> str:
    """The text of the PDF `cellsec print ARGS -o PATH` wrote."""
    code, _, err = run(data_dir, capsys, *args, "-o", str(path))
    assert code == 0, err
    return pdf_text(path)


def test_invitation_takes_the_next_number_and_a_reprint_keeps_it(demo, capsys, tmp_path):
    data_dir, meetings, _ = demo
    meeting = meetings[dt.date(2026, 3, 5)][:13]
    code, out, err = run(data_dir, capsys, "invitation", "--meeting", meeting, "-o", str(tmp_path / "gm"))
    assert code == 0, err
    assert out.splitlines() == ["Số văn bản: Số 01-GM/CB", str(tmp_path / "gm.pdf")]
    text = pdf_text(tmp_path / "gm.pdf")
    assert "GIẤY MỜI" in text and "Số 01-GM/CB" in text and "ngày 05 tháng 3 năm 2026" in text
    # Printed again (here as Word), the invitation keeps its own number; another meeting's gets the next.
    code, out, _ = run(data_dir, capsys, "invitation", "--meeting", meeting, "-o", str(tmp_path / "gm.docx"))
    assert code == 0 and "Số 01-GM/CB" in out
    with zipfile.ZipFile(tmp_path / "gm.docx") as docx:
        assert "GIẤY MỜI" in docx.read("word/document.xml").decode()
    code, out, _ = run(data_dir, capsys, "invitation", "--meeting", meetings[dt.date(2026, 4, 5)], "-o",
                       str(tmp_path / "gm2"), "--docx")
    assert code == 0 and out.splitlines() == ["Số văn bản: Số 02-GM/CB", str(tmp_path / "gm2.docx")]


def test_signin_sheet_lists_the_members_with_the_meeting_date(demo, capsys, tmp_path):
    data_dir, meetings, _ = demo
    code, _, err = run(data_dir, capsys, "signin", "--meeting", meetings[dt.date(2026, 3, 5)], "-o",
                       str(tmp_path / "ky"))
    assert code == 0, err
    text = pdf_text(tmp_path / "ky.pdf")
    assert "DANH SÁCH ĐẢNG VIÊN DỰ SINH HOẠT" in text and "ngày 05 tháng 3 năm 2026" in text
    assert "Nguyễn Văn Hùng" in text and "Ký tên" in text


def test_monthly_report_and_thematic_plan_carry_the_number_and_date_given(demo, capsys, tmp_path):
    data_dir, _, _ = demo
    code, out, err = run(data_dir, capsys, "monthly-report", "--month", "10/2026", "--date", "02/11/2026",
                         "--number", "1", "-o", str(tmp_path / "bc.pdf"))
    assert code == 0, err
    text = pdf_text(tmp_path / "bc.pdf")
    assert "Số 01-BC/CB" in text and "ngày 02 tháng 11 năm 2026" in text and "tháng 10 năm 2026" in text
    code, out, err = run(data_dir, capsys, "thematic-plan", "--year", "2026", "--date", "15/01/2026",
                         "-o", str(tmp_path / "kh"))
    assert code == 0, err
    text = pdf_text(tmp_path / "kh.pdf")
    assert "Số 01-KH/CB" in text and "ngày 15 tháng 01 năm 2026" in text and "chuyên đề năm 2026" in text
    # The monthly report's number is taken: another report cannot have it.
    code, _, err = run(data_dir, capsys, "monthly-report", "--month", "09/2026", "--number", "1", "-o",
                       str(tmp_path / "bc9"))
    assert code == 2 and "Số 01-BC/CB năm 2026 đã cấp cho \"Báo cáo tháng 10/2026\"" in err
    assert not (tmp_path / "bc9.pdf").exists()


def test_commitment_form_and_its_result(demo, capsys, tmp_path):
    data_dir, _, _ = demo
    text = printed(data_dir, capsys, tmp_path / "ck.pdf", "commitment", "--member", "vo thi hang", "--year", "2026")
    assert "BẢN ĐĂNG KÝ CAM KẾT" in text and "Võ Thị Hằng" in text and "Năm 2026" in text
    text = printed(data_dir, capsys, tmp_path / "kq.pdf", "commitment", "--member", "Nguyễn Văn Hùng", "--year", "2025",
                   "--result")
    assert "KẾT QUẢ THỰC HIỆN CAM KẾT" in text and "Nguyễn Văn Hùng" in text
    code, _, err = run(data_dir, capsys, "commitment", "--member", "Nguyễn Văn Hùng", "--year", "2019", "-o",
                       str(tmp_path / "none"))
    assert code == 2 and "chưa có bản đăng ký cam kết năm 2019" in err


def test_lifecycle_papers_follow_the_members_standing(demo, capsys, tmp_path):
    data_dir, _, members = demo
    code, out, err = run(data_dir, capsys, "lifecycle", "--member", members["Hoàng Văn Sơn"], "--number", "5",
                         "--allow-gap", "-o", str(tmp_path / "cn"))
    assert code == 0, err
    text = pdf_text(tmp_path / "cn.pdf")
    assert "Số 05-NQ/CB" in text and "công nhận đảng viên chính thức" in text and "Hoàng Văn Sơn" in text
    code, _, err = run(data_dir, capsys, "lifecycle", "--member", "Đặng Văn Quý", "-o", str(tmp_path / "mien"))
    assert code == 0, err
    assert "miễn sinh hoạt" in pdf_text(tmp_path / "mien.pdf")
    # Removed from the list (recorded from the command line too), the member's paper is the removal.
    assert main(["--data-dir", str(data_dir), "members", "status", members["Đậu Văn Lực"], "removed", "--from",
                 "20/11/2026", "--reason", "Bỏ sinh hoạt đảng 3 tháng", "--decision", "Quyết định số 12-QĐ/ĐU"]) == 0
    capsys.readouterr()
    code, _, err = run(data_dir, capsys, "lifecycle", "--member", "Đậu Văn Lực", "--kind", "removed", "-o",
                       str(tmp_path / "xoa"))
    assert code == 0, err
    assert "xóa tên" in pdf_text(tmp_path / "xoa.pdf").lower()


def test_a_lifecycle_paper_that_does_not_apply_is_refused(demo, capsys, tmp_path):
    data_dir, _, _ = demo
    code, out, err = run(data_dir, capsys, "lifecycle", "--member", "Đặng Văn Quý", "--kind", "official", "-o",
                         str(tmp_path / "x"))
    assert code == 2 and out == ""
    assert err.strip() == ("Không lập nghị quyết đề nghị công nhận đảng viên chính thức cho đồng chí Đặng Văn Quý: "
                           "tình trạng hiện nay của đồng chí cần nghị quyết miễn sinh hoạt.")
    code, _, err = run(data_dir, capsys, "lifecycle", "--member", "Nguyễn Văn Hùng", "-o", str(tmp_path / "x"))
    assert code == 2 and "Đồng chí Nguyễn Văn Hùng không có văn bản nào để in" in err
    assert not (tmp_path / "x.pdf").exists()
    # Nothing was numbered for the refused papers.
    assert main(["--data-dir", str(data_dir), "numbers", "list", "--type", "NQ"]) == 0
    assert "Đặng Văn Quý" not in capsys.readouterr().out


def test_transfer_paper_with_its_return_slip(demo, capsys, tmp_path):
    data_dir, _, _ = demo
    code, _, err = run(data_dir, capsys, "transfer", "--member", "Cao Văn Dũng", "-o", str(tmp_path / "gt"))
    assert code == 0, err
    reader = PdfReader(str(tmp_path / "gt.pdf"))
    text = pdf_text(tmp_path / "gt.pdf")
    assert len(reader.pages) == 2 and "GIẤY GIỚI THIỆU SINH HOẠT ĐẢNG" in text and "Cao Văn Dũng" in text
    code, _, err = run(data_dir, capsys, "transfer", "--member", "Nguyễn Văn Hùng", "-o", str(tmp_path / "x"))
    assert code == 2 and "không ở tình trạng chuyển sinh hoạt đi" in err


def test_dues_ledger_and_remittance_slip(demo, capsys, tmp_path):
    data_dir, _, _ = demo
    text = printed(data_dir, capsys, tmp_path / "so.pdf", "dues-ledger", "--member", "Nguyễn Văn Hùng", "--year",
                   "2026", "--date", "22/11/2026")
    assert "SỔ THEO DÕI ĐÓNG ĐẢNG PHÍ" in text and "Nguyễn Văn Hùng" in text and "ngày 22 tháng 11 năm 2026" in text
    text = printed(data_dir, capsys, tmp_path / "nop.pdf", "dues-slip", "--month", "2026-10", "--date", "22/11/2026")
    assert "GIẤY NỘP ĐẢNG PHÍ" in text and "Tháng 10/2026" in text and "Đảng ủy xã Hưng Nguyên" in text


def test_attention_list_names_the_member_and_the_facts(demo, capsys, tmp_path):
    data_dir, _, _ = demo
    code, _, err = run(data_dir, capsys, "attention", "--date", "22/11/2026", "-o", str(tmp_path / "qt.pdf"))
    assert code == 0, err
    text = pdf_text(tmp_path / "qt.pdf")
    assert "DANH SÁCH ĐẢNG VIÊN CẦN QUAN TÂM" in text and "Đậu Văn Lực" in text and "22/11/2026" in text


def test_unknown_member_or_meeting_is_named_in_the_message(demo, capsys, tmp_path):
    data_dir, _, _ = demo
    code, out, err = run(data_dir, capsys, "transfer", "--member", "Không Có Ai", "-o", str(tmp_path / "x"))
    assert (code, out) == (2, "") and err.strip() == "Không có đảng viên nào có mã hoặc họ tên \"Không Có Ai\"."
    code, _, err = run(data_dir, capsys, "dues-ledger", "--member", "01a2", "--year", "2026", "-o", str(tmp_path / "x"))
    assert code == 2 and "trùng với nhiều đảng viên" in err
    code, _, err = run(data_dir, capsys, "signin", "--meeting", "khong-co", "-o", str(tmp_path / "x"))
    assert code == 2 and "Không có buổi sinh hoạt nào có mã bắt đầu bằng \"khong-co\"" in err
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.parametrize("args, message", [
    (["attention", "--date", "31/02/2026"], "Ngày \"31/02/2026\" không hợp lệ"),
    (["dues-slip", "--month", "13/2026"], "Tháng \"13/2026\" không hợp lệ"),
    (["monthly-report", "--month", "tháng mười"], "không hợp lệ"),
])
def test_a_date_or_month_in_the_wrong_form_is_refused(demo, capsys, tmp_path, args, message):
    data_dir, _, _ = demo
    with pytest.raises(SystemExit) as exit_:
        run(data_dir, capsys, *args, "-o", str(tmp_path / "x"))
    err = capsys.readouterr().err
    assert exit_.value.code == 2 and message in err and "Traceback" not in err


def test_an_output_that_cannot_be_written_is_said_in_vietnamese(demo, capsys, tmp_path):
    data_dir, _, _ = demo
    (tmp_path / "tep").write_text("không phải thư mục")
    code, out, err = run(data_dir, capsys, "dues-slip", "--month", "2026-10", "-o", str(tmp_path / "tep" / "nop.pdf"))
    assert (code, out) == (2, "")
    assert err.startswith(f"Không đọc hoặc ghi được tệp {tmp_path / 'tep' / 'nop.pdf'} (") and "Traceback" not in err
