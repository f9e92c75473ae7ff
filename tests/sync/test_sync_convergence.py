"""The merged state does not depend on import order (DESIGN.md §6): a property test.

Two to five laptops create, edit, delete and resolve records, and now and then import
each other's bundles (so their histories share ancestors and their edits can conflict).
Every bundle made along the way then reaches fresh coordinators in different orders:
each ends with the same state_digest and the same conflicts.

A laptop may also be copied (its whole data folder: one key, one history) and both copies
go on working: they number different revisions alike (equivocation, issue 10). Nothing is
refused for it, and every order still ends in the same state, evidence and pending.
"""

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from tests.helpers.sync_devices import Device, records_equal_rebuild
from tests.helpers.sync_world import OPERATIONS, World


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
