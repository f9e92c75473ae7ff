"""A small XLSForm (markdown tables) in two versions, for the form release tests:
`from tests.helpers.mini_forms import V1, V2, mini_form`."""

import textwrap


def mini_form(version: str, *, extra: str = "", public_key: str = "") -> str:
    """`public_key`: the settings column with which ODK Collect encrypts submissions."""
    key_column = " public_key |" if public_key else ""
    key_value = f" {public_key} |" if public_key else ""
    return textwrap.dedent(f"""
        | survey |
        | | type    | name        | label       |
        | | integer | total_staff | Total staff |
        | | text    | note        | Note        |
        {extra}
        | settings |
        | | form_id     | version   | form_title  |{key_column}
        | | mini_survey | {version} | Mini survey |{key_value}
        """).strip() + "\n"


V1 = mini_form("1")
V2 = mini_form("2", extra="| | text    | phone       | Phone       |")
# A real RSA public key's opening: fieldkit only notes that the form has one.
RSA_PUBLIC_KEY = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA1"
