"""Errors raised by the expression engine."""


class XPathError(Exception):
    """Any problem compiling or evaluating an XPath expression."""


class XPathSyntaxError(XPathError):
    """The expression text is not valid XPath; the message names the position."""

    def __init__(self, message: str, source: str = "", position: int | None = None):
        self.problem = message
        self.source = source
        self.position = position
        where = f" at position {position + 1}" if position is not None else ""
        text = f"{message}{where}"
        if source:
            text += f" in {source!r}"
        super().__init__(text)


class XPathEvalError(XPathError):
    """The expression is valid but cannot be evaluated in this context."""
