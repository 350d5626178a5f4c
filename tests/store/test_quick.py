"""The quick reader answers only for a current CellSec store; anything else is left to the ordinary open."""

import pytest

from cellsec.store.db import DB_NAME
from cellsec.store.quick import NotQuick, QuickReader
from tests import dbfile


def test_no_data_file_or_an_empty_one_is_not_read_quickly(data_dir):
    with pytest.raises(NotQuick):
        QuickReader(data_dir)
    data_dir.mkdir(parents=True)
    (data_dir / DB_NAME).write_bytes(b"")
    with pytest.raises(NotQuick):
        QuickReader(data_dir)


def test_a_store_without_a_cell_is_not_read_quickly(data_dir):
    from cellsec.services.facade import Services

    Services.open(data_dir).close()
    with pytest.raises(NotQuick):
        QuickReader(data_dir)


def test_an_older_schema_or_a_foreign_file_is_not_read_quickly(services, data_dir):
    with QuickReader(data_dir) as reader:
        assert reader.cell_id == services.ctx.cell_id
    services.close()
    with dbfile.connect(data_dir / DB_NAME) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0001_registry' WHERE version_num = '0003_reviews'")
    conn.close()
    with pytest.raises(NotQuick):
        QuickReader(data_dir)
    (data_dir / DB_NAME).write_bytes(b"not a database at all" * 100)
    with pytest.raises(NotQuick):
        QuickReader(data_dir)


def test_only_real_columns_are_read(services, data_dir):
    with QuickReader(data_dir) as reader:
        assert reader.rows("members", ("id",)) == []
        with pytest.raises(NotQuick):
            reader.rows("members", ("id; DROP TABLE members",))
        with pytest.raises(NotQuick):
            reader.rows("no_such_table", ("id",))
