"""A coordinator's `fieldkit serve` found with zeroconf: announced and browsed on the
loopback interface only (multicast on 127.0.0.1 works in the test sandbox). Another
fieldkit sharing on the same machine may answer too: the tests look for their own site."""

from fieldkit.sync.dropbox.discovery import Announcement, browse

SITE = "0123456789abcdef0123456789abcdef"


def announcement() -> Announcement:
    return Announcement(site_id=SITE, device="Điều phối viên — Đoàn 5", port=8470, addresses=["127.0.0.1"],
                        interfaces=["127.0.0.1"])


def ours(found):
    return [entry for entry in found if entry.site_id == SITE]


def test_an_announced_coordinator_is_found_with_its_site_and_address():
    with announcement():
        found = ours(browse(seconds=1.5, interfaces=["127.0.0.1"]))
    assert [(entry.device, entry.port) for entry in found] == [("Điều phối viên — Đoàn 5", 8470)]
    assert found[0].urls == ["http://127.0.0.1:8470/"]


def test_a_coordinator_that_stopped_sharing_is_no_longer_found():
    with announcement():
        pass  # closing withdraws the announcement
    assert ours(browse(seconds=1.0, interfaces=["127.0.0.1"])) == []
