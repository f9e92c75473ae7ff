"""A small XLSForm (markdown tables) in two versions, for the form release tests:
`from tests.helpers.mini_forms import V1, V2, mini_form`."""

import textwrap


def mini_form(version: str, *, extra: str = "") -> str:
    return textwrap.dedent(f"""
        | survey |
        | | type    | name        | label       |
        | | integer | total_staff | Total staff |
        | | text    | note        | Note        |
        {extra}
        | settings |
        | | form_id     | version   | form_title  |
        | | mini_survey | {version} | Mini survey |
        """).strip() + "\n"


V1 = mini_form("1")
V2 = mini_form("2", extra="| | text    | phone       | Phone       |")
