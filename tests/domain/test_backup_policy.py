import datetime as dt

from cellsec.domain.backup_policy import backup_due, backups_to_keep

NOW = dt.datetime(2026, 11, 22, 15, 0)


def test_backup_due_only_after_changes_and_30_minutes():
    assert backup_due(None, NOW, changed_since=True)
    assert not backup_due(None, NOW, changed_since=False)
    assert not backup_due(NOW - dt.timedelta(minutes=29), NOW, changed_since=True)
    assert backup_due(NOW - dt.timedelta(minutes=30), NOW, changed_since=True)


def test_keeps_today_and_yesterday_entirely():
    recent = [NOW - dt.timedelta(minutes=30 * i) for i in range(60)]  # back to yesterday morning
    assert backups_to_keep(recent, NOW) == set(recent)


def test_thins_older_backups_to_daily_weekly_monthly():
    # Four backups a day for two years.
    taken = [NOW - dt.timedelta(hours=6 * i) for i in range(4 * 730)]
    keep = backups_to_keep(taken, NOW)
    old = [t for t in keep if (NOW.date() - t.date()).days > 1]
    days = {t.date() for t in old}
    assert len(old) == len(days)  # at most one per older day
    assert len(old) == 12 + 10 + 9
    newest_old = max(old)
    assert newest_old.date() == NOW.date() - dt.timedelta(days=2)
    assert newest_old == max(t for t in taken if t.date() == newest_old.date())  # the newest of its day
    assert min(old) > NOW - dt.timedelta(days=400)
