"""Forms: loading XLSForms and XForms, the ODK expression engine, filling sessions.

Qt-free: the GUI, the CLI, the merge and the reports all share this package.
"""

import os

from fieldkit.forms.errors import FormError
from fieldkit.forms.model import Form


def load_form(source: str | os.PathLike[str] | bytes, file_type: str | None = None) -> Form:
    """Load an XLSForm (.xlsx, .xls, .csv, .md) or an ODK XForm (.xml).

    Raises FormError, and nothing else, when the form is broken. Expressions are
    compiled on first use (`form.compiled`, `form.new_session()`), which raises
    FormError naming the field and the expression; `fieldkit form check` does both.
    """
    from fieldkit.forms.load import load_form as _load

    return _load(source, file_type=file_type)


__all__ = ["Form", "FormError", "load_form"]
