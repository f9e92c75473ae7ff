"""Accent folding and the English names of units: Vietnamese text as people type it."""

from fieldkit.communes import fold_diacritics, search_key
from fieldkit.communes.source import commune_code, english_name, province_code


def test_fold_diacritics():
    assert fold_diacritics("Phường Hoàn Kiếm").lower() == "phuong hoan kiem"
    assert fold_diacritics("Phường Hoàn Kiếm") == "Phuong Hoan Kiem"
    assert fold_diacritics("Đắk Lắk, Điện Biên, đặc khu") == "Dak Lak, Dien Bien, dac khu"
    assert fold_diacritics("ƯỚC MƠ ở Thừa Thiên") == "UOC MO o Thua Thien"
    # already decomposed input folds the same
    assert fold_diacritics("Hoa\u0300n Kie\u0302\u0301m") == "Hoan Kiem"
    assert search_key("  Phường   HOÀN Kiếm ") == "phuong hoan kiem"


def test_english_names_are_the_vietnamese_names_and_official_codes():
    """The package has no English names; a place name is shown as written in both
    languages, as the forms show it, not folded to "Ha Noi (city)"."""
    assert english_name("Xã Đông Anh") == "Xã Đông Anh"
    assert english_name("Thành phố Hà Nội") == "Thành phố Hà Nội"
    assert province_code(1) == "01" and commune_code("70") == "00070"
