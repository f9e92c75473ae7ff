"""A trusted laptop misbehaving against a coordinator's LAN share (`start_share` on
127.0.0.1, requests signed by the laptop's key through WebDavTransport's own exchange):
what it can park there stays within its quota."""

import secrets
from contextlib import contextmanager
from pathlib import Path

import pytest

from fieldkit.services.lan_share import start_share
from fieldkit.sync.dropbox.lan_auth import lan_signer
from fieldkit.sync.dropbox.transport import TEMPORARY_PREFIX
from fieldkit.sync.dropbox.webdav import WebDavTransport
from tests.helpers.network_world import trusting_each_other
from tests.helpers.sync_devices import Device

QUOTA = 64 << 10  # 64 KiB: sixteen files' worth of disk blocks


@pytest.fixture
def team(tmp_path):
    """A member's laptop and a coordinator that trust each other."""
    with trusting_each_other(tmp_path, laptop="Máy đoàn 2", coordinator="Điều phối") as devices:
        yield devices


@contextmanager
def hostile_client(laptop: Device, coordinator: Device):
    share = start_share(coordinator.service, host="127.0.0.1", port=0, quota=QUOTA, announce=False)
    try:
        with WebDavTransport(f"http://127.0.0.1:{share.port}/", timeout=10,
                             signer=lan_signer(laptop.store.identity)) as client:
            yield client, share.root
    finally:
        share.stop()


def status_of(client: WebDavTransport, method: str, parts: list[str], *, body: bytes | None = None) -> int:
    headers = {"Content-Length": str(len(body))} if body is not None else {}
    with client._exchange(method, client._href(parts, collection=method == "MKCOL"), headers=headers,
                          body=body) as response:
        return response.status


def test_empty_uploads_never_moved_into_place_count_against_the_quota(team, tmp_path):
    laptop, coordinator = team
    with hostile_client(laptop, coordinator) as (client, root):
        assert status_of(client, "MKCOL", [laptop.site_id]) == 201
        answers = [status_of(client, "PUT", [laptop.site_id, TEMPORARY_PREFIX + secrets.token_hex(8)], body=b"")
                   for _ in range(40)]
    assert 507 in answers, "a laptop parks as many empty files as it likes"
    assert answers.index(507) <= QUOTA // 4096
    assert len(list(Path(root, laptop.site_id).iterdir())) <= QUOTA // 4096


def test_empty_folders_count_against_the_quota(team):
    laptop, coordinator = team
    with hostile_client(laptop, coordinator) as (client, root):
        assert status_of(client, "MKCOL", [laptop.site_id]) == 201
        answers = [status_of(client, "MKCOL", [laptop.site_id, f"folder-{index}"]) for index in range(40)]
        assert status_of(client, "MKCOL", [laptop.site_id, "folder-0"]) == 405  # an existing one: as before
    assert answers.index(507) <= QUOTA // 4096 and set(answers) == {201, 507}
    assert len(list(Path(root, laptop.site_id).iterdir())) <= QUOTA // 4096


@pytest.mark.parametrize("declared", ["10", "+20", "\xb2\xb3", "-1"])
def test_an_upload_whose_content_length_lies_leaves_nothing(team, declared):
    laptop, coordinator = team
    with hostile_client(laptop, coordinator) as (client, root):
        assert status_of(client, "MKCOL", [laptop.site_id]) == 201
        temporary = [laptop.site_id, TEMPORARY_PREFIX + "cd"]
        with client._exchange("PUT", client._href(temporary), headers={"Content-Length": declared},
                              body=b"x" * 20) as response:
            assert response.status == 400
        assert list(Path(root, laptop.site_id).iterdir()) == []
        client.close()  # what it sent beyond its Content-Length is its own connection's next "request"
        assert status_of(client, "PUT", temporary, body=b"honest") == 201  # the share still answers
