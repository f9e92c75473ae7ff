"""A trusted peer's statements dated oddly (year 1, before 1970, a lone surrogate, years
ahead, the same millisecond) neither lower what it holds after a genuine later statement
nor hide the highest it ever acknowledged (restore detection); nothing raises."""

import pytest

from fieldkit.store import Store, sites
from fieldkit.store.acknowledgements import acknowledged, record_acknowledgement

NOW_RECEIPT = "2026-01-05T08:00:00+07:00"


@pytest.fixture
def store(tmp_path):
    with Store.open(data_dir=tmp_path, device_name="laptop") as store:
        yield store


def after(store, *statements):
    for vector, created in statements:
        store.writer.call(lambda c, vector=vector, created=created: record_acknowledgement(
            c, peer="coordinator", vector=vector, stated=created))
    with store.read() as connection:
        return acknowledged(connection, peer="coordinator"), sites.highest_acknowledged(connection, "s1")


@pytest.mark.parametrize("odd", ["0001-01-01T00:00:00+14:00", "1969-12-31T23:59:59+00:00", "\ud800",
                                 "000001767574800000.000000\udfff", "9999-12-31T23:59:59-23:59"])
def test_an_oddly_dated_statement_saying_less_after_a_genuine_one_lowers_nothing(store, odd):
    assert after(store, ({"s1": 7}, NOW_RECEIPT), ({"s1": 2}, odd)) == ({"s1": 7}, 7)


@pytest.mark.parametrize("odd", ["0001-01-01T00:00:00+14:00", "\ud800"])
def test_a_genuine_statement_saying_less_after_an_oddly_dated_one_is_believed(store, odd):
    # a restored coordinator's receipt: what it lost is sent again
    assert after(store, ({"s1": 9}, odd), ({"s1": 3}, NOW_RECEIPT)) == ({"s1": 3}, 9)


def test_two_statements_of_one_millisecond_keep_the_more_and_the_highest(store):
    assert after(store, ({"s1": 5}, NOW_RECEIPT), ({"s1": 4, "s2": 1}, "2026-01-05T01:00:00.000400+00:00")) == \
        ({"s1": 5, "s2": 1}, 5)
