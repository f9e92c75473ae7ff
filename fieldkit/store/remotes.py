"""The drop boxes this device syncs with (the `remotes` table, schema v3) and forgetting
one with everything this device noted about it. Passwords are never here: the system
keyring holds them (fieldkit.services.remotes)."""

from __future__ import annotations

import sqlite3

from fieldkit.store import tables

# what a drop box's bookkeeping is kept in, each keyed by the remote's name
BOOKKEEPING_TABLES = ("dropbox_seen", "dropbox_pushed", "receipts")


def save_remote(connection: sqlite3.Connection, *, name: str, url: str, user: str | None,
                pin: str | None) -> None:
    """Add the drop box `name`, or replace its address, user and pin. Its bookkeeping stays:
    bundles are named by their content, so what was seen is seen at any address; a pass
    counts only the bundles it lists and the receipts it reads there."""
    connection.execute(
        "INSERT INTO remotes (name, url, user, pin, added) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (name) DO UPDATE SET url = excluded.url, user = excluded.user, pin = excluded.pin",
        (name, url, user, pin, tables.utc_now()))


def remote_rows(connection: sqlite3.Connection) -> list[dict[str, str | None]]:
    """Every drop box as {name, url, user, pin, added}, by name."""
    cursor = connection.execute("SELECT name, url, user, pin, added FROM remotes ORDER BY name")
    columns = [column[0] for column in cursor.description]
    return [dict(zip(columns, row, strict=True)) for row in cursor]


def delete_remote(connection: sqlite3.Connection, *, name: str) -> bool:
    """Forget the drop box `name` and its bookkeeping; False when there was none."""
    for table in BOOKKEEPING_TABLES:
        connection.execute(f"DELETE FROM {table} WHERE remote = ?", (name,))  # noqa: S608 (names above)
    return connection.execute("DELETE FROM remotes WHERE name = ?", (name,)).rowcount > 0
