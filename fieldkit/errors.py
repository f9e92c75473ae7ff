"""The root of the domain's errors: what went wrong, said to a person in their language.

An error is a `kind` (what sort of fault, for code that must tell them apart: a full
disk, a damaged file, a refused answer), a message template (the English text, also its
key in the catalogues of fieldkit.i18n) and the values it names. `text(lang)` says it in
a language, as the window does; `str()` says it in `message_language()`, the command
line's. Each area has its subclass (StoreError, BundleError, ReportError, AnswerRefused...)
with its own attributes; none formats its message itself.
"""

from __future__ import annotations

from fieldkit.i18n import message_language, translate


class FieldkitError(Exception):
    """A fault or a refusal a person must see. Values named in `message_values` are
    messages themselves (catalogue keys) and are translated too."""

    kind: str = "error"
    message_values: tuple[str, ...] = ()

    def __init__(self, message: str, *, lang: str | None = None, **values: object) -> None:
        self.message = message  # the English template, the catalogue key
        self.values = {name: str(value) for name, value in values.items()}
        super().__init__(self.text(lang or message_language()))

    def text(self, lang: str) -> str:
        return translate(self.message, lang, **self.shown_values(lang))

    def shown_values(self, lang: str) -> dict[str, str]:
        """The values as the message in `lang` shows them."""
        return {name: translate(value, lang) if name in self.message_values else value
                for name, value in self.values.items()}
