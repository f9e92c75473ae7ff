"""Laptops making a random shared history, for the sync property tests: `OPERATIONS` draws
create, edit, delete, resolve, sync and copy steps; `World` plays them over its devices and
keeps every bundle made along the way.

Import as `from tests.helpers.sync_world import OPERATIONS, World`.
"""

import shutil
from pathlib import Path

from hypothesis import strategies as st

from tests.helpers.sync_devices import Device

OPERATIONS = st.lists(st.tuples(st.sampled_from(["create"] + ["edit"] * 5 + ["delete", "resolve"] + ["sync"] * 3
                                                + ["copy"]),
                                st.integers(0, 4), st.integers(0, 3), st.sampled_from(["a", "b"]),
                                st.integers(0, 3)), min_size=10, max_size=18)


class World:
    def __init__(self, root: Path, count: int):
        self.root = root
        self.devices = [Device(root, f"laptop-{number}") for number in range(count)]
        for device in self.devices:
            device.trusts(*self.devices)
        self.records: list[str] = []
        self.bundles: list[Path] = []

    def bundle_of(self, device: Device) -> Path:
        path = self.root / f"{len(self.bundles):03d}-{device.name}.fkb"
        device.export(path, full=True)
        self.bundles.append(path)
        return path

    def copy(self, index: int) -> None:
        """The laptop's data folder copied: a second laptop with its key and history."""
        device = self.devices[index]
        device.close()
        name = f"{device.name}-copy{len(self.devices)}"
        shutil.copytree(self.root / device.name, self.root / name)
        self.devices[index] = Device(self.root, device.name)
        self.devices.append(Device(self.root, name))

    def apply(self, kind: str, who: int, which: int, field: str, value: int) -> None:
        device = self.devices[who % len(self.devices)]
        if kind == "copy":
            if len(self.devices) < 6:
                self.copy(who % len(self.devices))
            return
        if kind == "sync":
            source = self.devices[(who + 1 + which % (len(self.devices) - 1)) % len(self.devices)]
            if source is not device:
                device.import_(self.bundle_of(source))
            return
        known = [record for record in self.records if device.store.record(record) is not None]
        if not known or (kind == "create" and len(self.records) < 3):  # few records: edits meet
            self.records.append(device.save({"/data/a": str(value), "/data/b": str(value)}).record_id)
            return
        record_id = known[which % len(known)]
        record = device.store.record(record_id)
        if kind == "edit" and not record.deleted:
            device.edit(record_id, **{field: f"{device.name}-{value}"})
        elif kind == "delete" and not record.deleted:
            device.delete(record_id)
        elif kind == "resolve" and record.conflicts:
            device.service.resolve(record_id, answers={f"/data/{field}": f"resolved-{value}"} if value % 2 else None)

    def close(self) -> None:
        for device in self.devices:
            device.close()
