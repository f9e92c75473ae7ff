"""Who may do what on a coordinator's `fieldkit serve`, and what may be stored there.

A device may read every folder once its key is trusted (and not revoked) by the
coordinator; it may write only the folders of its own sites, and what it moves into
place must be what fieldkit writes there: a bundle signed by that same key and named by
its digest, or that device's signed receipt. Anything else is refused (UploadRefused),
so a trusted laptop that misbehaves still cannot park arbitrary files on the
coordinator's disk, nor pass one device's bundle off as another's.

A device's quota counts only what the coordinator has not taken in yet (`taken_in`):
nothing is ever removed from a drop box (other coordinators may read it), so counting
every file would refuse a photographing member for the rest of a campaign.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from fieldkit.store.identity import fingerprint_of, site_belongs_to

if TYPE_CHECKING:
    from fieldkit.store import Store

# the remote name under which the coordinator's own sync passes over its share keep their
# bookkeeping (fieldkit.services.lan_share): its `dropbox_seen` rows are what it took in
LAN_REMOTE = "lan-dropbox"


class UploadRefused(Exception):
    """An upload that is not what its name says (the reason goes back in the 403)."""


# (the uploaded file, the path it is moved to, the uploader's public key) -> None, or UploadRefused
UploadCheck = Callable[[Path, list[str], bytes], None]
# a device's folder (site id) -> {path under the drop box's root: size} of the files there
# the coordinator already imported or refused
TakenIn = Callable[[str], Mapping[str, int]]


def nothing_taken_in(site_id: str) -> Mapping[str, int]:
    """Every file counts against the quota (a gate that knows no import)."""
    return {}


def checked_upload(source: Path, parts: list[str], public_key: bytes) -> None:
    """`source` may become `parts` only if it is a bundle of this key named by its digest,
    or this device's own receipt, signed by this key."""
    if len(parts) == 2 and parts[1] == "receipt.json":
        _check_receipt(source, site_id=parts[0], public_key=public_key)
    elif len(parts) == 3 and parts[1] == "bundles" and parts[2].endswith(".fkb"):
        _check_bundle(source, name=parts[2], public_key=public_key)
    else:
        raise UploadRefused(f"{'/'.join(parts)} is not a bundle nor a receipt")


def _check_receipt(source: Path, *, site_id: str, public_key: bytes) -> None:
    from fieldkit.sync.dropbox.receipts import MAX_BYTES, ReceiptError, read_receipt

    with source.open("rb") as reading:
        data = reading.read(MAX_BYTES + 1)
    try:
        read_receipt(data, site_id=site_id, public_key=public_key)
    except ReceiptError as error:
        raise UploadRefused(error.text("en")) from None


def _check_bundle(source: Path, *, name: str, public_key: bytes) -> None:
    from fieldkit.sync import bundle as bundles
    from fieldkit.sync.errors import BundleError

    try:
        with bundles.open_bundle(source) as opened:
            bundles.check_version(opened)
            bundles.check_hashes(opened)
            if opened.fingerprint != fingerprint_of(public_key):
                raise UploadRefused("the bundle is signed by another device")
            if name != f"{opened.bundle_id}.fkb":
                raise UploadRefused(f"a bundle must be named {opened.bundle_id}.fkb")
    except BundleError as error:
        raise UploadRefused(error.text("en")) from None


@dataclass(frozen=True)
class Gate:
    """The server's rules: `trusted(fingerprint)` whether a device's key is trusted and not
    revoked; `owns(site_id, key)` whether the key may write that folder; `check_upload`
    what may be moved into place; `taken_in(site_id)` the files of that folder the
    coordinator already took in, which its quota leaves out (one call per upload)."""

    trusted: Callable[[str], bool]
    owns: Callable[[str, bytes], bool] = site_belongs_to
    check_upload: UploadCheck = field(default=checked_upload)
    taken_in: TakenIn = field(default=nothing_taken_in)


def store_gate(store: Store) -> Gate:
    """The rules of the coordinator whose store this is: its trust table, read afresh for
    every request (a device revoked in the window is refused at once), and what its
    passes over its share (LAN_REMOTE) imported or refused, read afresh for every upload."""
    from fieldkit.store import dropbox_state, trust

    def trusted(fingerprint: str) -> bool:
        with store.read() as connection:
            return trust.device_trust(connection, fingerprint=fingerprint) == trust.Trust.TRUSTED

    def taken_in(site_id: str) -> Mapping[str, int]:
        with store.read() as connection:
            return dropbox_state.seen_sizes_in_folder(connection, remote=LAN_REMOTE, folder=site_id)

    return Gate(trusted=trusted, taken_in=taken_in)
