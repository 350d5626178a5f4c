import datetime as dt
import uuid

from cellsec.server.store import admin, enrollment
from cellsec.server.store.models import Device, EnrollmentCode
from cellsec.sync.protocol.keys import KeyPair


def attempt(store, code, client="10.0.0.9", device_id=None, now=None):
    request = enrollment.EnrollRequest(code, device_id or str(uuid.uuid4()), KeyPair.generate().public, "Máy phó")
    with store.transaction() as s:
        return enrollment.enroll(s, store.keys, request, client, now=now)


def test_code_enrolls_once_and_answers_cell_and_server_keys(store, make_cell):
    cell_id, code = make_cell("Chi bộ Tài vụ")
    answer, error = attempt(store, code.lower().replace("-", ""))  # typed without the dash, lower case
    assert error is None
    assert answer["cell_id"] == cell_id and answer["cell_name"] == "Chi bộ Tài vụ"
    assert answer["server_keys"] == store.keys.public.to_dict()
    answer, error = attempt(store, code)
    assert answer is None and error.code == "code_used" and error.status == 403
    with store.transaction() as s:
        assert s.query(Device).count() == 1
        assert s.query(EnrollmentCode).one().code_hash != code  # only the hash is stored


def test_expired_code_is_refused(store, make_cell):
    _, code = make_cell()
    later = dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=8)
    answer, error = attempt(store, code, now=later)
    assert error.code == "code_expired" and "hết hạn" in str(error)


def test_second_laptop_joins_the_same_cell_with_a_new_code(store, make_cell):
    cell_id, code = make_cell()
    attempt(store, code)
    with store.transaction() as s:
        second_code = admin.new_enrollment_code(s, cell_id)
    answer, error = attempt(store, second_code)
    assert error is None and answer["cell_id"] == cell_id


def test_device_id_taken_is_refused_without_using_the_code(store, make_cell):
    cell_id, code = make_cell()
    device = str(uuid.uuid4())
    attempt(store, code, device_id=device)
    with store.transaction() as s:
        code2 = admin.new_enrollment_code(s, cell_id)
    _, error = attempt(store, code2, device_id=device)
    assert error.code == "device_taken"
    assert attempt(store, code2)[1] is None


def test_wrong_codes_are_rate_limited_per_client(store, make_cell):
    _, code = make_cell()
    for _ in range(enrollment.MAX_FAILURES):
        _, error = attempt(store, "AAAAA-AAAAA", client="203.0.113.5")
        assert error.code == "code_wrong"
    _, error = attempt(store, code, client="203.0.113.5")  # even the right code waits
    assert error.code == "rate_limited" and error.status == 429 and "phút" in str(error)
    assert attempt(store, code, client="198.51.100.7")[1] is None  # another office is not blocked
    later = dt.datetime.now(dt.timezone.utc) + enrollment.WINDOW + dt.timedelta(seconds=1)
    _, error = attempt(store, "AAAAA-AAAAA", client="203.0.113.5", now=later)
    assert error.code == "code_wrong"
