"""The store's sync bookkeeping of devices: trust, the quarantine, peers' acknowledgements."""

import hashlib

import pytest

from fieldkit.store import Store, acknowledgements, pending, sites, trust
from fieldkit.store import quarantine as quarantine_table
from fieldkit.store.trust import ClockSkew, Device, Trust

KEY = b"k" * 32
FINGERPRINT = hashlib.sha256(KEY).hexdigest()


@pytest.fixture
def store(tmp_path):
    with Store.open(data_dir=tmp_path, device_name="coordinator") as store:
        yield store


def write(store, fn):
    return store.writer.call(fn)


def read(store, fn):
    with store.read() as connection:
        return fn(connection)


def test_a_key_seen_in_a_bundle_is_known_but_not_trusted(store):
    assert read(store, lambda c: trust.device_trust(c, fingerprint=FINGERPRINT)) is Trust.UNKNOWN
    write(store, lambda c: trust.remember_key(c, fingerprint=FINGERPRINT, public_key=KEY, name="Lan"))
    assert read(store, lambda c: trust.device_trust(c, fingerprint=FINGERPRINT)) is Trust.UNKNOWN
    assert read(store, trust.site_keys)[FINGERPRINT[:32]] == KEY
    assert FINGERPRINT[:32] not in read(store, trust.trusted_sites)


def test_trusting_a_fingerprint_first_takes_the_key_and_name_from_its_first_bundle(store):
    write(store, lambda c: trust.record_trust(c, fingerprint=FINGERPRINT, trusted=True))
    assert FINGERPRINT[:32] not in read(store, trust.site_keys)
    write(store, lambda c: trust.remember_key(c, fingerprint=FINGERPRINT, public_key=KEY, name="Lan"))
    assert read(store, trust.site_keys)[FINGERPRINT[:32]] == KEY
    assert read(store, trust.device_names)[FINGERPRINT[:32]] == "Lan"
    assert read(store, lambda c: trust.device_trust(c, fingerprint=FINGERPRINT)) is Trust.TRUSTED


def test_revoking_covers_every_site_of_the_key_and_trusting_again_lifts_it(store):
    write(store, lambda c: trust.record_trust(c, fingerprint=FINGERPRINT, trusted=True, public_key=KEY, name="Lan"))
    second_site = FINGERPRINT[:20] + "0" * 12  # a later site of the same key
    write(store, lambda c: sites.remember_site(c, site_id=second_site, public_key=KEY))
    write(store, lambda c: trust.record_trust(c, fingerprint=FINGERPRINT, trusted=False))
    assert {FINGERPRINT[:32], second_site} <= read(store, trust.revoked_sites)
    assert read(store, lambda c: trust.device_trust(c, fingerprint=FINGERPRINT)) is Trust.REVOKED
    write(store, lambda c: trust.record_trust(c, fingerprint=FINGERPRINT, trusted=True))
    assert {FINGERPRINT[:32], second_site} <= read(store, trust.trusted_sites)
    assert read(store, trust.revoked_sites) == set()


def test_known_devices_are_typed_and_carry_their_clock_skew(store):
    write(store, lambda c: trust.remember_key(c, fingerprint=FINGERPRINT, public_key=KEY, name="Lan"))
    write(store, lambda c: trust.flag_clock_skew(c, site_id=FINGERPRINT[:32], hlc="h", receiver_ms=5))
    devices = read(store, trust.known_devices)
    assert [device.name for device in devices] == ["coordinator", "Lan"]  # first seen first
    own, lan = devices
    assert isinstance(lan, Device) and lan.trust is Trust.UNKNOWN and own.trust is Trust.TRUSTED
    assert isinstance(lan.clock_skew, ClockSkew) and (lan.clock_skew.hlc, lan.clock_skew.receiver_ms) == ("h", 5)
    assert list(lan.clock_skew.as_dict()) == ["hlc", "receiver_ms", "at"]
    assert own.clock_skew is None
    with pytest.raises(AttributeError):
        lan.name = "other"  # frozen


def test_revisions_wait_for_trust_per_site(store):
    revision = {"rev_id": "r1", "record_id": "x", "site_id": FINGERPRINT[:32], "seq": 1, "parents": []}
    write(store, lambda c: pending.hold_pending(c, revision=revision, bundle_id="b"))
    assert read(store, pending.awaiting_trust) == {FINGERPRINT[:32]: 1}
    write(store, lambda c: trust.record_trust(c, fingerprint=FINGERPRINT, trusted=True))
    assert read(store, pending.awaiting_trust) == {}
    assert read(store, pending.waiting_revisions) == [revision]
    write(store, lambda c: pending.remove_pending(c, rev_ids=["r1"]))
    assert read(store, pending.waiting_revisions) == []


# -- the quarantine ---------------------------------------------------------------------------

def quarantine(store, bundle_id, *, fingerprint=FINGERPRINT, size=10):
    write(store, lambda c: quarantine_table.record_quarantined(c, bundle_id=bundle_id, fingerprint=fingerprint,
                                                               device_name="Lan", file=f"/q/{bundle_id}.fkb",
                                                               size=size))


def test_quarantined_bundles_oldest_first_of_one_key_or_all(store):
    quarantine(store, "b1")
    quarantine(store, "b2", fingerprint="f" * 64)
    quarantine(store, "b1", size=99)  # kept once, as first kept
    bundles = read(store, quarantine_table.quarantined_bundles)
    assert [(bundle.bundle_id, bundle.size) for bundle in bundles] == [("b1", 10), ("b2", 10)]
    assert bundles[0].site_id == FINGERPRINT[:32] and bundles[0].file == "/q/b1.fkb"
    mine = read(store, lambda c: quarantine_table.quarantined_bundles(c, fingerprint=FINGERPRINT))
    assert [bundle.bundle_id for bundle in mine] == ["b1"]
    assert list(mine[0].as_dict()) == ["bundle_id", "fingerprint", "site_id", "device_name", "file", "size",
                                       "received"]


def test_a_quarantined_bundle_is_forgotten_by_its_id(store):
    for name in ("b1", "b2", "b3"):
        quarantine(store, name)
    write(store, lambda c: quarantine_table.forget_quarantined(c, bundle_id="b1"))
    assert [bundle.bundle_id for bundle in read(store, quarantine_table.quarantined_bundles)] == ["b2", "b3"]


# -- acknowledgements -------------------------------------------------------------------------

def test_an_acknowledgement_never_moves_back(store):
    write(store, lambda c: acknowledgements.record_acknowledgement(c, peer="p", vector={"s1": 5, "s2": 1}))
    write(store, lambda c: acknowledgements.record_acknowledgement(c, peer="p", vector={"s1": 3, "s2": 2}))
    assert read(store, lambda c: acknowledgements.acknowledged(c, peer="p")) == {"s1": 5, "s2": 2}
    assert read(store, lambda c: acknowledgements.acknowledged(c, peer="nobody")) == {}


def test_with_no_peer_named_what_every_peer_holds(store):
    assert read(store, acknowledgements.acknowledged) == {}
    write(store, lambda c: acknowledgements.record_acknowledgement(c, peer="p", vector={"s1": 5, "s2": 1}))
    write(store, lambda c: acknowledgements.record_acknowledgement(c, peer="q", vector={"s1": 3}))
    assert read(store, acknowledgements.acknowledged) == {"s1": 3, "s2": 0}
