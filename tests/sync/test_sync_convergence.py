"""The merged state does not depend on import order (DESIGN.md §6): a property test.

Two to five laptops create, edit, delete and resolve records, and now and then import
each other's bundles (so their histories share ancestors and their edits can conflict).
Every bundle made along the way then reaches fresh coordinators in different orders:
each ends with the same state_digest and the same conflicts.

A laptop may also be copied (its whole data folder: one key, one history) and both copies
go on working: they number different revisions alike (equivocation, issue 10). Nothing is
refused for it, and every order still ends in the same state, evidence and pending.
"""

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sync.sync_helpers import Device, records_equal_rebuild

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


def coordinator_after(root: Path, name: str, world: World, order: list[Path]):
    coordinator = Device(root, name)
    try:
        coordinator.trusts(*world.devices)
        reports = coordinator.import_(*order)
        assert not any(report.rejected for report in reports), [report.reason_en for report in reports]
        status = coordinator.status()
        copied = len({device.fingerprint for device in world.devices}) < len(world.devices)
        assert copied or status["pending"] == 0  # a copy's revision built on one it withdrew can wait (for nothing)
        assert records_equal_rebuild(coordinator.store.path)
        evidence = tuple((item["site_id"], item["seq"], item["kept"], tuple(item["others"]))
                         for item in status["equivocations"])
        return coordinator.digest(), tuple(coordinator.conflict_summary()), status["pending"], evidence
    finally:
        coordinator.close()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(count=st.integers(2, 5), operations=OPERATIONS, data=st.data())
def test_every_import_order_converges_to_the_same_state_and_conflicts(count, operations, data):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        world = World(root, count)
        try:
            for position, (kind, who, which, field, value) in enumerate(operations):
                world.apply(kind, who + position, which, field, value)  # turns pass between laptops
            for device in world.devices:
                world.bundle_of(device)
            orders = [list(world.bundles), list(reversed(world.bundles)),
                      data.draw(st.permutations(world.bundles), label="import order")]
            results = {coordinator_after(root, f"coordinator-{index}", world, order)
                       for index, order in enumerate(orders)}
        finally:
            world.close()
        assert len({result[0] for result in results}) == 1
        assert len(results) == 1, results
        event(f"conflicts: {len(next(iter(results))[1])}")
        event(f"equivocations: {min(len(next(iter(results))[3]), 3)}")
