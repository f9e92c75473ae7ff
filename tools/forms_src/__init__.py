"""The shipped XLSForms as readable Python tables, one module per form.

`tools/build_forms.py` writes them to forms/*.xlsx. Edit these tables, never the .xlsx.
"""

from tools.forms_src import commune_infrastructure, commune_staffing, visit_minutes

# file name in forms/ -> module with SETTINGS, SURVEY, CHOICES
FORMS = {
    "commune_infrastructure.xlsx": commune_infrastructure,
    "commune_staffing.xlsx": commune_staffing,
    "visit_minutes.xlsx": visit_minutes,
}
