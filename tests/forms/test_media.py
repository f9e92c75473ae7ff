"""Built-in form media: provinces.csv and communes.csv generated from vietnam-provinces."""

import csv
import io

import pytest

from fieldkit.communes import search_key
from fieldkit.forms.media import builtin_media, builtin_media_names, write_builtin_media


def rows(name: str) -> list[dict[str, str]]:
    data = builtin_media(name)
    assert data is not None
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))


@pytest.fixture(scope="module")
def provinces():
    return rows("provinces.csv")


@pytest.fixture(scope="module")
def communes():
    return rows("communes.csv")


def test_34_provinces_with_two_digit_codes_and_both_labels(provinces):
    assert len(provinces) == 34
    assert len({row["name"] for row in provinces}) == 34
    assert all(len(row["name"]) == 2 and row["name"].isdigit() for row in provinces)
    hanoi = next(row for row in provinces if row["name"] == "01")
    assert hanoi == {"name": "01", "label": "Thành phố Hà Nội", "label_en": "Thành phố Hà Nội"}
    cao_bang = next(row for row in provinces if row["name"] == "04")
    assert cao_bang["label_en"] == cao_bang["label"] == "Cao Bằng"


def test_3321_communes_each_in_an_existing_province(provinces, communes):
    assert len(communes) == 3321
    assert len({row["name"] for row in communes}) == 3321
    codes = {row["name"] for row in provinces}
    assert all(row["province"] in codes for row in communes)
    assert {row["province"] for row in communes} == codes
    assert {row["division"] for row in communes} == {"xã", "phường", "đặc khu"}
    assert all(len(row["name"]) == 5 and row["name"].isdigit() for row in communes)


def test_commune_row_has_labels_division_and_accent_free_search(communes):
    hoan_kiem = next(row for row in communes if row["label"] == "Phường Hoàn Kiếm")
    assert hoan_kiem == {
        "name": "00070",
        "label": "Phường Hoàn Kiếm",
        "label_en": "Phường Hoàn Kiếm",
        "province": "01",
        "division": "phường",
        "search": "phuong hoan kiem",
    }
    found = [row["label"] for row in communes if "hoan kiem" in row["search"]]
    assert found == ["Phường Hoàn Kiếm"]
    assert all(row["search"] == search_key(row["label"]) for row in communes)
    assert all(row["search"].isascii() for row in communes)
    ea_hleo = next(row for row in communes if row["label"] == "Xã Ea H’leo")
    assert ea_hleo["search"] == "xa ea h'leo"


def test_special_zones_and_communes_in_english(communes):
    by_label = {row["label"]: row for row in communes}
    assert by_label["Đặc khu Phú Quốc"]["label_en"] == "Đặc khu Phú Quốc"
    assert by_label["Đặc khu Phú Quốc"]["division"] == "đặc khu"


def test_csv_is_plain_utf8_with_odk_safe_headers():
    for name in builtin_media_names():
        data = builtin_media(name)
        assert not data.startswith(b"\xef\xbb\xbf")
        header = data.decode("utf-8").splitlines()[0].split(",")
        assert header[:2] == ["name", "label"]  # what select_one_from_file reads
        # JavaRosa makes each header an XML element name, and sniffs ';' as delimiter
        assert all(column.replace("_", "").isalnum() and column.isascii() for column in header)


def test_builtin_media_names_and_unknown(tmp_path):
    assert builtin_media("jr://file-csv/communes.csv") == builtin_media("communes.csv")
    assert builtin_media("itemsets.csv") is None
    assert builtin_media("communes.csv") is builtin_media("communes.csv")  # cached
    written = write_builtin_media(tmp_path / "media")
    assert sorted(path.name for path in written) == ["communes.csv", "provinces.csv"]
    for path in written:
        assert path.read_bytes() == builtin_media(path.name)
    assert not list((tmp_path / "media").glob("*.partial"))
