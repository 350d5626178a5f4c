from cellsec.sync.protocol.ownership import CELL_OWNED, COMMITTEE_OWNED, LOCAL_ONLY, owner


def test_every_type_has_one_writer():
    assert not CELL_OWNED & COMMITTEE_OWNED
    assert not (CELL_OWNED | COMMITTEE_OWNED) & LOCAL_ONLY
    assert owner("members") == "cell"
    assert owner("classification_decisions") == "committee"
    assert owner("minutes_autosaves") is None and owner("unknown_table") is None


def test_every_synced_laptop_table_is_classified():
    from cellsec.store.base import Base, Synced
    import cellsec.store.models  # noqa: F401  (registers the tables)

    synced = {m.class_.__tablename__ for m in Base.registry.mappers if issubclass(m.class_, Synced)}
    assert synced <= CELL_OWNED | LOCAL_ONLY, synced - CELL_OWNED - LOCAL_ONLY
