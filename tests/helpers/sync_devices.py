"""Devices for sync tests: each a data folder of its own, with its own keys and SQLite file.

Import as `from tests.helpers.sync_devices import Device, ...`.
Run as a module it is the child of the SIGKILL test:
`python -m tests.helpers.sync_devices import-loop DATA_DIR BUNDLE...` imports the bundles
over and over, printing "chunk" after each committed chunk.
"""

from __future__ import annotations

import sys
import uuid
from pathlib import Path

from fieldkit.services.coordinator import CoordinatorService  # noqa: E402
from fieldkit.store.acknowledgements import record_acknowledgement  # noqa: E402
from fieldkit.store.values import Revision  # noqa: E402
from fieldkit.sync import status as sync_status  # noqa: E402

FORM = "ha_tang"


class Device:
    """A laptop or a coordinator: a CoordinatorService over its own data folder."""

    def __init__(self, root: Path, name: str):
        self.name = name
        self.service = CoordinatorService.open(root / name, device_name=name)
        self.store = self.service.store

    @property
    def fingerprint(self) -> str:
        return self.store.identity.fingerprint

    @property
    def site_id(self) -> str:
        return self.store.identity.site_id

    def close(self) -> None:
        self.service.close()

    # -- making revisions --------------------------------------------------------------------

    def save(self, answers: dict, *, record_id: str | None = None, parents: list[str] | None = None,
             commune: str = "00070", deleted: bool = False) -> Revision:
        """A revision of a record: on its current heads unless `parents` says otherwise."""
        record_id = record_id or str(uuid.uuid4())
        if parents is None:
            record = self.store.record(record_id)
            parents = list(record.heads) if record else []
            if record and len(parents) > 1:
                parents = [record.winner_rev]  # an edit made on the screen's record, not a resolution
        data = {"status": "draft", "answers": answers, "commune": commune, "province": "01", "attachments": {}}
        return self.store.commit_revision(record_id=record_id, parents=parents, form_id=FORM, form_version="1",
                                          data=data, author=self.name, action="save", deleted=deleted).result()

    def edit(self, record_id: str, **changes) -> Revision:
        winner = self.store.revision(self.store.record(record_id).winner_rev)
        answers = {**winner.answers, **{f"/data/{name}": value for name, value in changes.items()}}
        return self.save(answers, record_id=record_id, parents=[winner.rev_id])

    def delete(self, record_id: str) -> Revision:
        return self.service.delete(record_id, author=self.name)

    # -- bundles -----------------------------------------------------------------------------

    def export(self, path: Path, **options) -> Path:
        self.service.export(path, **options)
        return path

    def import_(self, *paths: Path):
        return self.service.import_paths(list(paths))

    def trusts(self, *others: Device) -> None:
        for other in others:
            if other is not self:
                self.service.trust(other.fingerprint)

    def acknowledged_by_receiver(self, vector: dict[str, int], peer: str = "coordinator") -> None:
        """What a receiver's acknowledgement (arriving in one of its bundles) records."""
        self.store.writer.call(lambda connection: record_acknowledgement(connection, peer=peer, vector=vector))

    # -- looking -----------------------------------------------------------------------------

    def status(self) -> dict:
        return self.service.status()

    def digest(self) -> str:
        return self.status()["state_digest"]

    def rev_ids(self) -> set[str]:
        with self.store.read() as connection:
            return {row[0] for row in connection.execute("SELECT rev_id FROM revisions")}

    def conflict_summary(self) -> list[tuple]:
        return [(conflict["record_id"], conflict["kind"], tuple(conflict["fields"]), conflict["winner"],
                 tuple(head["rev_id"] for head in conflict["heads"])) for conflict in self.service.conflicts()]


def records_equal_rebuild(path: Path) -> bool:
    """`records` is what rebuild_records() makes of the revisions (checked on a copy)."""
    import contextlib
    import shutil
    import sqlite3
    import tempfile

    from fieldkit.store.revisions import rebuild_records

    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "copy.sqlite3"
        with contextlib.closing(sqlite3.connect(path)) as source, contextlib.closing(sqlite3.connect(copy)) as target:
            source.backup(target)
        with contextlib.closing(sqlite3.connect(copy, isolation_level=None)) as connection:
            before = connection.execute("SELECT * FROM records ORDER BY record_id").fetchall()
            connection.execute("BEGIN")
            rebuild_records(connection)
            after = connection.execute("SELECT * FROM records ORDER BY record_id").fetchall()
            connection.execute("COMMIT")
        shutil.rmtree(folder, ignore_errors=True)
    # `created` may differ only if... it may not: compare whole rows
    return before == after


def import_loop(data_dir: Path, bundles: list[Path]) -> None:
    """The child of the SIGKILL test: import the bundles again and again, one line per chunk."""
    from fieldkit.store import Store
    from fieldkit.sync.importer import import_bundle

    store = Store.open(data_dir=data_dir)
    while True:
        for bundle in bundles:
            import_bundle(store, bundle, progress=lambda step, done, total: step == "import" and print(
                "chunk", flush=True))


def state_of(path: Path) -> set[str]:
    import contextlib
    import sqlite3

    with contextlib.closing(sqlite3.connect(path)) as connection:
        return {row[0] for row in connection.execute("SELECT rev_id FROM revisions")}


def digest_of(path: Path) -> str:
    import contextlib
    import sqlite3

    with contextlib.closing(sqlite3.connect(path)) as connection:
        return sync_status.state_digest(connection)


if __name__ == "__main__":
    if sys.argv[1] == "import-loop":
        import_loop(Path(sys.argv[2]), [Path(argument) for argument in sys.argv[3:]])
