"""Forms for the ODK-behaviour tests: XLSForms built with pyxform, XForms by hand."""

import textwrap

from fieldkit.forms import load_form
from fieldkit.forms.xform import parse_xform

NAMESPACES = (
    'xmlns="http://www.w3.org/2002/xforms" xmlns:h="http://www.w3.org/1999/xhtml" '
    'xmlns:jr="http://openrosa.org/javarosa" xmlns:orx="http://openrosa.org/xforms" '
    'xmlns:odk="http://www.opendatakit.org/xforms" xmlns:ev="http://www.w3.org/2001/xml-events"'
)


def xform(instance: str, binds: str = "", body: str = "", head: str = "") -> str:
    """An XForm whose primary instance is `instance` (its root must carry id="...")."""
    return (
        f"<h:html {NAMESPACES}><h:head><h:title>test</h:title><model>"
        f"<instance>{instance}</instance>{head}{binds}</model></h:head>"
        f"<h:body>{body}</h:body></h:html>"
    )


def form_from_xform(instance: str, binds: str = "", body: str = "", head: str = ""):
    return parse_xform(xform(instance, binds, body, head), source="test.xml")


def form_from_md(tmp_path, text: str, name: str = "form.md"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text).strip() + "\n", encoding="utf-8")
    return load_form(path)


# Households in a repeat whose count comes from a calculation, children in a nested
# repeat whose count is the relative path pyxform writes (` ../child_repeat_count `),
# sums over the repeats and a calculation of twelve nested if()s: the shape of a public
# child-vaccination form that once took 7 minutes to open.
VACCINATION = """
| survey |
| | type           | name               | label                | calculation | repeat_count | relevant | required | constraint |
| | integer        | n_households       | How many households? |             |              |          | yes      | . <= 50    |
| | calculate      | hh_count           |                      | ${n_households} |          |          |          |            |
| | begin repeat   | household          | Household            |             | ${hh_count}  |          |          |            |
| | text           | head               | Head of household    |             |              |          | yes      |            |
| | integer        | num_children       | Children under 5     |             |              |          | yes      |            |
| | calculate      | child_repeat_count |                      | ${num_children} |          |          |          |            |
| | begin repeat   | child              | Child                |             | ${child_repeat_count} |  |          |            |
| | text           | child_name         | Name                 |             |              |          | yes      |            |
| | integer        | age_months         | Age in months        |             |              |          | yes      | . < 60     |
| | select_one yn  | vaccinated         | Vaccinated?          |             |              |          | yes      |            |
| | text           | why_not            | Why not?             |             |              | ${vaccinated} = 'no' | yes |     |
| | calculate      | dose_group         |                      | if(${age_months} < 2, 'a', if(${age_months} < 4, 'b', if(${age_months} < 6, 'c', if(${age_months} < 9, 'd', if(${age_months} < 12, 'e', if(${age_months} < 15, 'f', if(${age_months} < 18, 'g', if(${age_months} < 24, 'h', if(${age_months} < 30, 'i', if(${age_months} < 36, 'j', if(${age_months} < 48, 'k', if(${age_months} < 60, 'l', 'm')))))))))))) | | | | |
| | end repeat     |                    |                      |             |              |          |          |            |
| | calculate      | hh_vaccinated      |                      | count(../child[vaccinated = 'yes']) | |   |          |            |
| | calculate      | hh_age_sum         |                      | sum(../child/age_months) |  |          |          |            |
| | end repeat     |                    |                      |             |              |          |          |            |
| | calculate      | total_children     |                      | sum(${num_children}) |     |          |          |            |
| | calculate      | total_vaccinated   |                      | sum(${hh_vaccinated}) |    |          |          |            |
| | note           | summary            | ${total_vaccinated} of ${total_children} vaccinated | | | |  |            |
| choices |
| | list_name | name | label |
| | yn        | yes  | Yes   |
| | yn        | no   | No    |
| settings |
| | form_id |
| | vaccination |
"""
