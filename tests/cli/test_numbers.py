"""`cellsec numbers list`: the numbers given in a year, from the register and the minutes and resolutions,
and the numbers left unused."""

from __future__ import annotations

import datetime as dt
import json

from cellsec.cli import main


def test_numbers_list(capsys, data_dir, services):
    services.numbers.take("monthly_report", 2026, 1, subject="2026-02", title="Báo cáo tháng 02/2026",
                          issued_on=dt.date(2026, 2, 28))
    services.numbers.take("monthly_report", 2026, 3, subject="2026-03", title="Báo cáo tháng 03/2026",
                          issued_on=dt.date(2026, 3, 31), allow_gap=True)
    services.numbers.take("thematic_plan", 2026, 1, subject="2026", title="Kế hoạch sinh hoạt chuyên đề năm 2026",
                          issued_on=dt.date(2026, 1, 10))
    services.close()
    assert main(["--data-dir", str(data_dir), "numbers", "list", "--year", "2026"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].split() == ["Năm", "Số", "Loại", "Ngày", "Nội", "dung"]
    assert "Số 01-BC/CB  Báo cáo tháng" in out and "28/02/2026  Báo cáo tháng 02/2026" in out
    assert "Số 01-KH/CB  Kế hoạch sinh hoạt chuyên đề" in out
    assert lines[-1] == "Năm 2026, loại BC: bỏ trống số 02."
    assert main(["--data-dir", str(data_dir), "numbers", "list", "--type", "kh", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(n["number"], n["kind"], n["issued_on"]) for n in data["numbers"]] == [
        ("Số 01-KH/CB", "thematic_plan", "2026-01-10")]
    assert data["unused"] == {}
    assert main(["--data-dir", str(data_dir), "numbers", "list", "--year", "2025"]) == 0
    assert capsys.readouterr().out == "Chưa cấp số văn bản nào năm 2025.\n"


def test_numbers_an_earlier_version_gave_are_listed_in_words(capsys, data_dir, services):
    services.ctx.set_setting("numbers_before_register", json.dumps({"year": 2026, "floors": {"BC": 3}}))
    services.close()
    assert main(["--data-dir", str(data_dir), "numbers", "list", "--year", "2026"]) == 0
    out = capsys.readouterr().out
    assert "Số 03-BC/CB  Cấp ở phiên bản trước" in out and "Các số đến số 03 cấp trước khi có sổ đăng ký số" in out
    assert "bỏ trống" not in out  # 01 and 02 are among them, not left unused


def test_printing_with_a_number_takes_it_from_the_register(capsys, demo_template, data_dir, tmp_path):
    from tests.conftest import copy_demo

    copy_demo(demo_template, data_dir)
    base = ["--data-dir", str(data_dir), "print"]
    # The demo has numbered no report yet: 02 would leave 01 unused, so it is refused unless asked for.
    assert main([*base, "scores", "--year", "2025", "-o", str(tmp_path / "a"), "--number", "2"]) == 2
    assert "bỏ trống số 01" in capsys.readouterr().err
    assert main([*base, "scores", "--year", "2025", "-o", str(tmp_path / "a"), "--number", "2", "--allow-gap"]) == 0
    assert main([*base, "scores", "--year", "2025", "-o", str(tmp_path / "b"), "--number", "2"]) == 0  # reprint
    capsys.readouterr()
    # The collective report is a report too: 02 is the scores report's.
    assert main([*base, "review-collective", "--year", "2025", "-o", str(tmp_path / "c"), "--number", "2"]) == 2
    assert "Số 02-BC/CB năm 2025 đã cấp cho \"Báo cáo chấm điểm 5 tốt năm 2025\"" in capsys.readouterr().err
    assert main(["--data-dir", str(data_dir), "numbers", "list", "--type", "BC", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(n["number"], n["title"]) for n in data["numbers"]] == [("Số 02-BC/CB", "Báo cáo chấm điểm 5 tốt năm 2025")]
    assert data["unused"] == {"2025": {"BC": [1]}}
