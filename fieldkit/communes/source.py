"""The provinces and communes as rows of plain strings, read from the `vietnam-provinces`
package (34 provinces and 3,321 communes, wards and special zones after the July 2025
reorganisation), so updating the package updates the lists.

The rows' keys are the columns of the forms' media files (`fieldkit.forms.media`):

- `name`     the official code (province: 2 digits, commune: 5 digits)
- `label`    the Vietnamese name
- `label_en` the name in English: the Vietnamese name, as the package has no English
             names (see `english_name`)
- `province` the commune's province code
- `division` xã / phường / đặc khu
- `search`   the Vietnamese name folded for searching: "phuong hoan kiem"

Reading the package takes a few hundred milliseconds: it is imported on the first call.
"""

from __future__ import annotations

from fieldkit.communes.folding import search_key


def english_name(name: str) -> str:
    """The unit's name in the English interface. The package has Vietnamese names only;
    a name folded to ASCII with an English type ("Ha Noi (city)") is neither the official
    name nor the one on the forms, which show Vietnamese commune names in both languages.
    A place name is a proper noun: English shows it as written, "Thành phố Hà Nội"."""
    return name


def province_code(code: int | str) -> str:
    """The two-digit official province code: 1 -> "01"."""
    return f"{int(code):02d}"


def commune_code(code: int | str) -> str:
    """The five-digit official commune (ward) code: 70 -> "00070"."""
    return f"{int(code):05d}"


def province_rows() -> list[dict[str, str]]:
    """One row per province, in the package's (official code) order."""
    from vietnam_provinces import Province

    return [
        {
            "name": province_code(province.code),
            "label": province.name,
            "label_en": english_name(province.name),
        }
        for province in Province.iter_all()
    ]


def commune_rows() -> list[dict[str, str]]:
    """One row per commune, ward and special zone, in official code order."""
    from vietnam_provinces import Ward

    wards = sorted(Ward.iter_all(), key=lambda ward: int(ward.code))
    return [
        {
            "name": commune_code(ward.code),
            "label": ward.name,
            "label_en": english_name(ward.name),
            "province": province_code(ward.province_code),
            "division": ward.division_type.value,
            "search": search_key(ward.name),
        }
        for ward in wards
    ]
