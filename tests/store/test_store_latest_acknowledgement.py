"""A peer holds what its latest statement says (by the statement's own time), even less
than before; the most any statement ever acknowledged is kept for restore detection; a
database from before (schema v3) keeps its acknowledgements when it upgrades."""

import itertools

import pytest

from fieldkit.store import Store, migrations, sites
from fieldkit.store.acknowledgements import acknowledged, record_acknowledgement, statement_time
from tests.helpers.store_crash import sqlite_rows

MONDAY = "000001764547200000.000000"  # 2025-12-01T00:00:00Z as a manifest's `created` HLC
MONDAY_RECEIPT = "2025-12-01T07:00:00+07:00"  # the same moment, as a receipt's `created` in Hà Nội
TUESDAY = "000001764633600000.000002"
WEDNESDAY_RECEIPT = "2025-12-03T00:00:00+00:00"
NOW_RECEIPT = "2026-01-05T08:00:00+07:00"


@pytest.fixture
def store(tmp_path):
    with Store.open(data_dir=tmp_path, device_name="laptop") as store:
        yield store


def state(store, *statements):
    """What the coordinator holds once `statements` (vector, created) arrived in this order."""
    for vector, created in statements:
        store.writer.call(lambda c, vector=vector, created=created: record_acknowledgement(
            c, peer="coordinator", vector=vector, stated=created))
    with store.read() as connection:
        return acknowledged(connection, peer="coordinator"), sites.highest_acknowledged(connection, "s1")


def test_a_manifest_hlc_and_a_receipt_time_compare_by_their_wall_clock():
    assert statement_time(MONDAY_RECEIPT) == MONDAY
    assert statement_time(MONDAY) < statement_time(TUESDAY) < statement_time(WEDNESDAY_RECEIPT)
    assert statement_time("yesterday") == statement_time("2025-12-01T00:00:00") == ""  # no zone: no time


def test_a_later_statement_saying_less_replaces_what_the_peer_holds(store):
    held, highest = state(store, ({"s1": 9, "s2": 4}, MONDAY), ({"s1": 3}, TUESDAY))
    assert held == {"s1": 3, "s2": 0}  # restored from a backup that knew nothing of s2
    assert highest == 9  # still proof that s1 numbers up to 9 were issued


@pytest.mark.parametrize("order", list(itertools.permutations(range(3))))
def test_what_a_peer_holds_does_not_depend_on_the_order_statements_arrive_in(store, order):
    statements = [({"s1": 9, "s2": 4}, MONDAY),  # before the restore
                  ({"s1": 3, "s3": 1}, TUESDAY),  # the restored coordinator's bundle
                  ({"s1": 5, "s3": 1}, WEDNESDAY_RECEIPT)]  # its receipt, after a pass
    held, highest = state(store, *(statements[index] for index in order))
    assert {site: seq for site, seq in held.items() if seq} == {"s1": 5, "s3": 1}
    assert highest == 9


def test_a_stale_statement_imported_late_changes_nothing_but_the_highest(store):
    held, highest = state(store, ({"s1": 3}, TUESDAY), ({"s1": 12}, MONDAY))
    assert (held, highest) == ({"s1": 3}, 12)


def test_two_statements_of_the_same_moment_give_the_most_of_each(store):
    held, _highest = state(store, ({"s1": 3, "s2": 7}, MONDAY), ({"s1": 5, "s2": 1}, MONDAY_RECEIPT))
    assert held == {"s1": 5, "s2": 7}


def test_a_statement_from_a_clock_years_ahead_does_not_outrank_later_ones(store):
    year_2099 = "000004070908800000.000000"
    held, _highest = state(store, ({"s1": 9}, year_2099), ({"s1": 3}, TUESDAY))
    assert held == {"s1": 3}


def test_a_statement_without_a_time_only_raises(store):
    held, _highest = state(store, ({"s1": 5}, TUESDAY), ({"s1": 2, "s2": 1}, None), ({"s1": 6}, None))
    assert held == {"s1": 6, "s2": 1}


def test_a_v3_database_upgrades_keeping_its_acknowledgements(tmp_path, monkeypatch):
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:3])
    with Store.open(data_dir=tmp_path, device_name="laptop") as old:  # the laptop before this version
        old.writer.call(lambda c: c.execute("INSERT INTO peer_acks (peer, site_id, seq, updated) "
                                            "VALUES ('coordinator', 's1', 9, '2025-11-30T00:00:00+00:00')"))
    monkeypatch.undo()

    with Store.open(data_dir=tmp_path, device_name="laptop") as store:
        assert store.schema_version == 4
        assert state(store) == ({"s1": 9}, 9)
        # its first dated statement is the latest one known, whatever its time
        assert state(store, ({"s1": 3}, MONDAY)) == ({"s1": 3}, 9)
    assert sqlite_rows(tmp_path / "fieldkit.before-v4.sqlite3", "SELECT seq FROM peer_acks") == [(9,)]


# A trusted peer's statements dated oddly (year 1, before 1970, a lone surrogate, years
# ahead, the same millisecond) neither lower what it holds after a genuine later statement
# nor hide the highest it ever acknowledged; nothing raises.

@pytest.mark.parametrize("odd", ["0001-01-01T00:00:00+14:00", "1969-12-31T23:59:59+00:00", "\ud800",
                                 "000001767574800000.000000\udfff", "9999-12-31T23:59:59-23:59"])
def test_an_oddly_dated_statement_saying_less_after_a_genuine_one_lowers_nothing(store, odd):
    assert state(store, ({"s1": 7}, NOW_RECEIPT), ({"s1": 2}, odd)) == ({"s1": 7}, 7)


@pytest.mark.parametrize("odd", ["0001-01-01T00:00:00+14:00", "\ud800"])
def test_a_genuine_statement_saying_less_after_an_oddly_dated_one_is_believed(store, odd):
    # a restored coordinator's receipt: what it lost is sent again
    assert state(store, ({"s1": 9}, odd), ({"s1": 3}, NOW_RECEIPT)) == ({"s1": 3}, 9)


def test_two_statements_of_one_millisecond_keep_the_more_and_the_highest(store):
    assert state(store, ({"s1": 5}, NOW_RECEIPT), ({"s1": 4, "s2": 1}, "2026-01-05T01:00:00.000400+00:00")) == \
        ({"s1": 5, "s2": 1}, 5)
