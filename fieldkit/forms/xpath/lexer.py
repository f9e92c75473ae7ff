"""XPath 1.0 tokenizer, with the spec's disambiguation rules (section 3.7)."""

from __future__ import annotations

import re
from typing import NamedTuple, cast

from fieldkit.forms.xpath.errors import XPathSyntaxError


class Token(NamedTuple):
    kind: str  # number, literal, var, op, opname, nametest, func, nodetype, axis, end
    value: str
    pos: int


_NAME = r"[A-Za-z_\u00C0-\uFFFF][\w.\-\u00B7\u00C0-\uFFFF]*"
_PATTERNS = [
    ("space", r"[ \t\r\n]+"),
    ("number", r"\d+(?:\.\d*)?|\.\d+"),
    ("literal", r"\"[^\"]*\"|'[^']*'"),
    ("var", rf"\${_NAME}(?::{_NAME})?"),
    ("op", r"//|::|\.\.|!=|<=|>=|[/|+\-=<>()\[\].@,*]"),
    ("name", rf"{_NAME}(?::(?:{_NAME}|\*))?"),
]
_SCANNER = re.compile("|".join(f"(?P<{kind}>{pattern})" for kind, pattern in _PATTERNS))

_NODE_TYPES = {"comment", "text", "processing-instruction", "node"}
_OPERATOR_NAMES = {"and", "or", "mod", "div"}
_GLUED_OPERATOR = re.compile(r"(and|or|div|mod)(?=[\d.])")


def tokenize(source: str) -> list[Token]:
    tokens: list[Token] = []
    pos = 0
    length = len(source)
    while pos < length:
        match = _SCANNER.match(source, pos)
        if match is None:
            if source[pos] in "'\"":
                raise XPathSyntaxError("unterminated string literal", source, pos)
            raise XPathSyntaxError(f"unexpected character {source[pos]!r}", source, pos)
        kind = cast(str, match.lastgroup)  # every alternative of _SCANNER is a named group
        text = match.group()
        if kind == "name" and _operator_expected(tokens):
            # "1div2": an operator name glued to the number that follows it.
            glued = _GLUED_OPERATOR.match(text)
            if glued:
                tokens.append(Token("opname", glued.group(1), pos))
                pos += len(glued.group(1))
                continue
        if kind != "space":
            tokens.append(_classify(kind, text, pos, tokens, source, match.end()))
        pos = match.end()
    tokens.append(Token("end", "", length))
    return tokens


def _operator_expected(tokens: list[Token]) -> bool:
    """True when the previous token ends an operand, so '*' multiplies and 'div' divides."""
    if not tokens:
        return False
    prev = tokens[-1]
    if prev.kind == "op":
        return prev.value in (")", "]", ".", "..")
    return prev.kind != "opname"


def _next_char(source: str, end: int) -> str:
    index = end
    while index < len(source) and source[index] in " \t\r\n":
        index += 1
    return source[index : index + 2] if index < len(source) else ""


def _classify(kind: str, text: str, pos: int, tokens: list[Token], source: str, end: int) -> Token:
    if kind == "literal":
        return Token("literal", text[1:-1], pos)
    if kind == "number":
        return Token("number", text, pos)
    if kind == "var":
        return Token("var", text[1:], pos)
    if kind == "op":
        if text == "*":
            return Token("op" if _operator_expected(tokens) else "nametest", "*", pos)
        return Token("op", text, pos)
    # A name: operator name, function name, node type, axis name or name test.
    if text in _OPERATOR_NAMES and _operator_expected(tokens):
        return Token("opname", text, pos)
    following = _next_char(source, end)
    if following.startswith("("):
        return Token("nodetype" if text in _NODE_TYPES else "func", text, pos)
    if following.startswith("::"):
        return Token("axis", text, pos)
    return Token("nametest", text, pos)
