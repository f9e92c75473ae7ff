"""The picker's rows: built from the commune directory once, then read from the cache
folder; a damaged cache is rebuilt, an unwritable one is done without."""

from fieldkit.communes import CommuneDirectory, picker_rows


def test_rows_are_cached_and_read_back_the_same(monkeypatch, tmp_path):
    monkeypatch.setenv("FIELDKIT_CACHE_DIR", str(tmp_path / "cache"))
    provinces, built = picker_rows.load(["00070"])
    assert len(provinces) == 34 and len(built) == 3321
    assert built[0].commune.code == "00070" and built[0].recent and not built[1].recent
    assert built[0].key.startswith("phuong hoan kiem thanh pho ha noi")
    assert built[0].commune == CommuneDirectory().get("00070")  # the directory's Commune, every field
    assert provinces[0] == CommuneDirectory().province("01")
    cached = list((tmp_path / "cache").glob("commune-picker-*.json"))
    assert len(cached) == 1

    monkeypatch.setattr(picker_rows, "_build", lambda: (_ for _ in ()).throw(AssertionError("rebuilt")))
    provinces_again, read = picker_rows.load(["00070"])
    assert read == built and provinces_again == provinces


def test_a_damaged_cache_is_rebuilt(monkeypatch, tmp_path):
    monkeypatch.setenv("FIELDKIT_CACHE_DIR", str(tmp_path))
    picker_rows.load([])
    path = next(tmp_path.glob("commune-picker-*.json"))
    path.write_text('{"rows": [', encoding="utf-8")
    _provinces, rows = picker_rows.load([])
    assert len(rows) == 3321
    assert len(picker_rows._read(path)["rows"]) == 3321


def test_an_unwritable_cache_folder_is_done_without(monkeypatch, tmp_path):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder should be")
    monkeypatch.setenv("FIELDKIT_CACHE_DIR", str(blocked))
    _provinces, rows = picker_rows.load([])
    assert len(rows) == 3321
