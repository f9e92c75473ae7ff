"""Finding a commune as people type it: without accents, in any case, by code."""


import pytest

from fieldkit.communes import CommuneDirectory


@pytest.fixture(scope="module")
def directory():
    directory = CommuneDirectory()
    directory.warm_up()
    return directory


def names(communes):
    return [commune.name for commune in communes]


def test_the_directory_holds_every_commune_and_province(directory):
    assert len(directory) == 3321
    assert len(directory.provinces()) == 34
    assert directory.province("01").name == "Thành phố Hà Nội"


def test_typing_without_accents_finds_the_commune(directory):
    assert names(directory.search("hoan kiem"))[0] == "Phường Hoàn Kiếm"
    assert names(directory.search("HOÀN KIẾM"))[0] == "Phường Hoàn Kiếm"
    assert names(directory.search("Phuong Hoan Kiem")) == ["Phường Hoàn Kiếm"]


def test_a_code_finds_the_commune_with_or_without_leading_zeros(directory):
    assert directory.search("00070")[0].code == "00070"
    assert directory.search("70")[0].code == "00070"
    assert directory.get("70").name == "Phường Hoàn Kiếm"
    assert directory.get("99999") is None


def test_names_starting_with_the_text_come_before_names_containing_it(directory):
    found = directory.search("dong hoa", limit=200)
    first_substring = next(index for index, commune in enumerate(found) if "đông hòa" not in commune.name.lower()
                           and "đông hoa" not in commune.name.lower())
    assert all(commune.name.split(" ", 1)[1].lower().startswith(("đông hòa", "đông hoa"))
               for commune in found[:first_substring])


def test_the_province_narrows_the_search(directory):
    found = directory.search("dong hoa", province="79")
    assert {commune.province_code for commune in found} == {"79"}
    assert names(found)[0] == "Phường Đông Hòa"


def test_name_and_province_together_narrow_a_common_name(directory):
    assert directory.search("dong hoa ho chi minh")[0].province_name == "Thành phố Hồ Chí Minh"


def test_recently_picked_communes_come_first(directory):
    recent = ["00004", "00070"]
    with_recent = CommuneDirectory(recent_codes=lambda: recent)
    assert names(with_recent.search("phuong", limit=2)) == ["Phường Ba Đình", "Phường Hoàn Kiếm"]
    assert names(with_recent.recent()) == ["Phường Ba Đình", "Phường Hoàn Kiếm"]
    assert names(with_recent.search("", limit=3))[:2] == ["Phường Ba Đình", "Phường Hoàn Kiếm"]
