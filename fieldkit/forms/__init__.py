"""Forms: loading XLSForms and XForms, the ODK expression engine, filling sessions.

Qt-free: the GUI, the CLI, the merge and the reports all share this package.
"""

from fieldkit.forms.errors import FormError
from fieldkit.forms.model import Form


def load_form(source, file_type=None) -> Form:
    """Load an XLSForm (.xlsx, .xls, .csv, .md) or an ODK XForm (.xml).

    Raises FormError, and nothing else, when the form is broken.
    """
    from fieldkit.forms.load import load_form as _load

    form = _load(source, file_type=file_type)
    form.compiled  # compile every expression now, so a broken one is reported at load
    return form


__all__ = ["Form", "FormError", "load_form"]
