"""`ReportError`: a summary that cannot be built, said in the reader's language."""

from __future__ import annotations

from fieldkit.errors import FieldkitError

UNKNOWN_COMMUNE = "There is no commune with code {code}."
UNKNOWN_PROVINCE = "There is no province with code {code}."
NO_COMMUNE_DATA = "{commune} has no submissions yet: fill or import its forms first."
NO_PROVINCE_DATA = "No commune of {province} has submissions yet."
NO_DATA = "There are no submissions yet: fill or import the communes' forms first."
NO_SUBMISSIONS = "The form {form} has no submissions yet."
UNKNOWN_FORM = "There is no form {form_id!r} in this data folder."


class ReportError(FieldkitError):
    """`text(lang)` gives the message in a language; `str()` in the language asked for
    when the summary was requested (`lang`)."""

    kind = "report"
