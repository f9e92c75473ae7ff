"""The coordinator screens' counts and sizes read as people say them (the devices
screen showed "1 bundles" and "0.0 MB"): one bundle, kilobytes for a small file, the
decimal comma in Vietnamese."""

from fieldkit.ui.coordinator.common import count_text, size_text


def test_sizes_in_sensible_units(qapp):
    from fieldkit.ui.translators import Translators

    translators = Translators(qapp)
    try:
        translators.install("en")
        assert [size_text(size) for size in (0, 740, 40_000, 1_500_000, 256 * 2**20)] == [
            "0 bytes", "740 bytes", "39 kB", "1.4 MB", "256 MB"]
        translators.install("vi")
        assert [size_text(size) for size in (9_000, 1_500_000, 256 * 2**20)] == ["8,8 kB", "1,4 MB", "256 MB"]
    finally:
        translators.install("en")


def test_one_bundle_many_bundles():
    assert count_text(1, "{count} bundle", "{count} bundles") == "1 bundle"
    assert count_text(0, "{count} bundle", "{count} bundles") == "0 bundles"
    assert count_text(3, "{count} bundle", "{count} bundles") == "3 bundles"


def test_the_english_screens_say_one_bundle_and_one_record(page, world, tmp_path, qtbot):
    from PySide6.QtWidgets import QLabel

    from fieldkit.ui.coordinator import TAB_CONFLICTS, TAB_DEVICES

    page.coordinator.import_paths([world.copy(tmp_path / "unknown", "khoa")])  # quarantined
    for name in ("may-lan", "may-minh"):
        page.coordinator.trust(world.fingerprints[name])
    page.coordinator.import_paths([world.copy(tmp_path / "stick", "lan-2", "minh")])
    window = page.shell.window
    window.findChild(type(window.home_action), "language_en").trigger()
    page.show_tab(TAB_DEVICES)
    label = page.devices.findChild(QLabel, "quarantine_summary")
    qtbot.waitUntil(lambda: label.text().startswith("Quarantine: 1 bundle, "))
    first, second = label.text().splitlines()
    assert first.endswith(" kB of 256 MB (the oldest are removed first when it is full), from:")
    assert second.endswith(" (may-khoa): 1 bundle, " + first.split(", ")[1].split(" of ")[0])

    page.show_tab(TAB_CONFLICTS)
    qtbot.waitUntil(lambda: page.conflicts.empty_label.text() == "1 record in conflict")
