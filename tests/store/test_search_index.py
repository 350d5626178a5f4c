import datetime as dt

from alembic import command

from cellsec.services.facade import Services
from cellsec.store.base import utcnow
from cellsec.store import keys
from cellsec.store.db import DB_NAME, make_engine
from cellsec.store.migrate import alembic_config
from cellsec.store.models.core import Cell
from cellsec.store.models.members import Member


def test_members_registered_before_the_search_index_existed_are_indexed_by_the_migration(data_dir):
    data_dir.mkdir(parents=True)
    engine = make_engine(data_dir / DB_NAME, keys.load())
    with engine.begin() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001_registry")
    now = utcnow()
    with engine.begin() as conn:  # Core inserts: no ORM hooks, as an older CellSec wrote them
        conn.execute(Cell.__table__.insert().values(id="c1", cell_id="c1", name="Chi bộ Thôn 3", created_at=now,
                                                    updated_at=now))
        conn.execute(Member.__table__.insert().values(id="m1", cell_id="c1", full_name="Nguyễn Văn Đức",
                                                      name_folded="nguyen van duc", created_at=now, updated_at=now,
                                                      admitted_on=dt.date(2000, 1, 1)))
    engine.dispose()

    svc = Services.open(data_dir)  # runs the remaining migrations, 0002_meetings among them
    try:
        hits = svc.search.search("duc")
        assert [(h.kind, h.id, h.title) for h in hits] == [("member", "m1", "Nguyễn Văn Đức")]
    finally:
        svc.close()
