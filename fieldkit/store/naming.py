"""Device names: renaming this device, and adopting the name another device's bundle
carries.

A name travels in each bundle's signed manifest. A receiver shows the name of the
newest bundle it imported from a key (by the manifest's `created` clock), so a stick of
old bundles imported late does not bring back a name the laptop has since changed. The
clock of that name is kept in `settings` under NAMED_AT + fingerprint.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from typing import TYPE_CHECKING

from fieldkit.store import tables
from fieldkit.store.identity import save_device_name

if TYPE_CHECKING:
    from fieldkit.store.store import Store

NAMED_AT = "device_name_at:"


def rename_device(store: Store, name: str) -> str:
    """Name this device `name` (cleaned; ValueError if nothing is left): kept beside its
    key, in its rows of `devices`, in the audit log; its next bundles carry it. The name
    kept."""
    cleaned = save_device_name(store.data_dir, name)

    def rename(connection: sqlite3.Connection) -> None:
        # on the writer thread, which also replaces the identity when the site changes
        previous = store.identity.device_name
        store.identity = dataclasses.replace(store.identity, device_name=cleaned)
        fingerprint = store.identity.fingerprint
        connection.execute("UPDATE devices SET name = ? WHERE fingerprint = ?", (cleaned, fingerprint))
        # this device's own older bundles, imported back, do not bring the old name back
        tables.put_setting(connection, NAMED_AT + fingerprint, store.clock.now())
        if previous != cleaned:
            tables.audit(connection, author=cleaned, action="device_name",
                         detail={"name": cleaned, "previous": previous})

    store.writer.call(rename)
    return cleaned


def adopt_signed_name(connection: sqlite3.Connection, *, fingerprint: str, name: str, created: str) -> None:
    """A bundle signed by `fingerprint`, made at `created` (HLC), names its device `name`:
    its rows in `devices` take the name unless a newer bundle named it already."""
    if not name:
        return
    key = NAMED_AT + fingerprint
    named_at = tables.get_setting(connection, key)
    if named_at is not None and str(named_at) > created:
        return
    connection.execute("UPDATE devices SET name = ? WHERE fingerprint = ?", (name, fingerprint))
    tables.put_setting(connection, key, created)
