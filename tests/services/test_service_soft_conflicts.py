"""Two laptops that each finalize a different correction of one submission: a soft
conflict (the `end` timestamp both finalizes set does not make it hard), and the review's
proposed result keeps both corrections (DESIGN.md §6: taking both is the default)."""

from fieldkit.demo.laptops import Laptop
from fieldkit.demo.people import Device
from fieldkit.selftest.answers import ANSWERS, COMMUNE_CODE, FORM_ID
from fieldkit.services.conflicts import field_rows, resolution


def test_two_finalized_corrections_of_different_answers_resolve_keeping_both(tmp_path):
    one, two, coordinator = (Laptop(tmp_path / name, Device(name, (person,))) for name, person in (
        ("Laptop 1", "Nguyễn Văn An"), ("Laptop 2", "Trần Thị Bình"), ("Điều phối", "Lê Văn Minh")))
    try:
        record = one.fill(FORM_ID, COMMUNE_CODE, ANSWERS, from_visit=False)
        two.trust(one.export_public_key(tmp_path / "one.json"))
        two.import_bundles([one.export(tmp_path / "one-first.fkb")])
        one.correct(record, {"/data/it_staff": "2"})
        two.correct(record, {"/data/training_needs": "digitisation"})
        for laptop, name in ((one, "one"), (two, "two")):
            coordinator.trust(laptop.export_public_key(tmp_path / f"{name}-key.json"))
        coordinator.import_bundles([one.export(tmp_path / "one.fkb"), two.export(tmp_path / "two.fkb")])

        [conflict] = coordinator.coordinator.conflicts()
        assert (conflict["kind"], conflict["fields"]) == ("soft", [])
        left, right = conflict["heads"]
        assert [head["status"] for head in (left, right)] == ["finalized", "finalized"]
        rows = {row.path: row for row in field_rows(conflict, left, right)}
        assert rows["/data/end"].different  # both finalized: shown, but no decision to make
        proposed = resolution(list(rows.values()), left, right)
        revision = coordinator.coordinator.resolve(record, **proposed)
        assert (revision.answers["/data/it_staff"], revision.answers["/data/training_needs"]) == ("2", "digitisation")
        assert coordinator.coordinator.conflicts() == []
    finally:
        for laptop in (one, two, coordinator):
            laptop.close()
