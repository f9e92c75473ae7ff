"""The form-filling view: one page per section of a form, a widget per question.

`FormView(target)` shows the FormSession of `target` (a services `Submission`, or any
object with `.session`, `set`, `add_repeat`, `remove_repeat` and optionally `attach`)
and writes every answer through the target, so the services autosave each change.
"""

from fieldkit.ui.form_view.view import FormView

__all__ = ["FormView"]
