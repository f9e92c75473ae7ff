"""Recursive-descent parser: XPath 1.0 text to a small syntax tree."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NoReturn, TypeAlias

from fieldkit.forms.xpath.errors import XPathSyntaxError
from fieldkit.forms.xpath.lexer import Token, tokenize

AXES = {
    "ancestor", "ancestor-or-self", "attribute", "child", "descendant", "descendant-or-self",
    "following", "following-sibling", "namespace", "parent", "preceding", "preceding-sibling", "self",
}


@dataclass(frozen=True)
class Literal:
    value: str | float


@dataclass(frozen=True)
class VarRef:
    name: str


@dataclass(frozen=True)
class Call:
    name: str
    args: tuple[Expr, ...]
    pos: int = 0


@dataclass(frozen=True)
class Negate:
    operand: Expr


@dataclass(frozen=True)
class Binary:
    op: str
    left: Expr
    right: Expr


@dataclass(frozen=True)
class NodeTest:
    kind: str  # "name", "node", "text", "comment", "pi"
    prefix: str | None = None
    local: str = "*"  # "*" = any name; PI target for kind "pi" ("" = any)


@dataclass(frozen=True)
class Step:
    axis: str
    test: NodeTest
    predicates: tuple[Expr, ...] = ()


@dataclass(frozen=True)
class Path:
    """A location path, optionally starting from a filter expression (`base`)."""

    absolute: bool
    steps: tuple[Step, ...]
    base: Expr | None = None


@dataclass(frozen=True)
class Filter:
    base: Expr
    predicates: tuple[Expr, ...] = field(default=())


# A parsed expression: the root of its syntax tree.
Expr: TypeAlias = "Literal | VarRef | Call | Negate | Binary | Path | Filter"


_DESCENDANT_OR_SELF = Step("descendant-or-self", NodeTest("node"))
_EQUALITY = ("=", "!=")
_RELATIONAL = ("<", "<=", ">", ">=")


class Parser:
    def __init__(self, source: str) -> None:
        self.source = source
        self.tokens = tokenize(source)
        self.index = 0

    # -- token helpers -------------------------------------------------------
    @property
    def token(self) -> Token:
        return self.tokens[self.index]

    def advance(self) -> Token:
        token = self.tokens[self.index]
        self.index += 1
        return token

    def at(self, kind: str, *values: str) -> bool:
        token = self.token
        return token.kind == kind and (not values or token.value in values)

    def expect(self, kind: str, value: str, what: str) -> Token:
        if not self.at(kind, value):
            self.fail(f"expected {what}")
        return self.advance()

    def fail(self, message: str) -> NoReturn:
        token = self.token
        found = "end of expression" if token.kind == "end" else repr(token.value)
        raise XPathSyntaxError(f"{message}, found {found}", self.source, token.pos)

    # -- grammar ------------------------------------------------------------
    def parse(self) -> Expr:
        if self.at("end"):
            self.fail("empty expression")
        expr = self.parse_or()
        if not self.at("end"):
            self.fail("unexpected token")
        return expr

    def _binary_level(self, operators: tuple[str, ...], operand: Callable[[], Expr], kind: str = "op") -> Expr:
        left = operand()
        while self.token.kind in (kind, "opname") and self.token.value in operators:
            op = self.advance().value
            left = Binary(op, left, operand())
        return left

    def parse_or(self) -> Expr:
        return self._binary_level(("or",), self.parse_and)

    def parse_and(self) -> Expr:
        return self._binary_level(("and",), self.parse_equality)

    def parse_equality(self) -> Expr:
        return self._binary_level(_EQUALITY, self.parse_relational)

    def parse_relational(self) -> Expr:
        return self._binary_level(_RELATIONAL, self.parse_additive)

    def parse_additive(self) -> Expr:
        return self._binary_level(("+", "-"), self.parse_multiplicative)

    def parse_multiplicative(self) -> Expr:
        return self._binary_level(("*", "div", "mod"), self.parse_unary)

    def parse_unary(self) -> Expr:
        if self.at("op", "-"):
            self.advance()
            return Negate(self.parse_unary())
        return self._binary_level(("|",), self.parse_path)

    def parse_path(self) -> Expr:
        token = self.token
        if token.kind in ("literal", "number", "var", "func") or self.at("op", "("):
            base = self.parse_filter()
            if self.at("op", "/", "//"):
                return Path(False, tuple(self.parse_relative_steps(continuation=True)), base)
            return base
        if self.at("op", "/"):
            self.advance()
            if self._starts_step():
                return Path(True, tuple(self.parse_relative_steps()))
            return Path(True, ())
        if self.at("op", "//"):
            self.advance()
            return Path(True, (_DESCENDANT_OR_SELF, *self.parse_relative_steps()))
        if self._starts_step():
            return Path(False, tuple(self.parse_relative_steps()))
        self.fail("expected an expression")

    def _starts_step(self) -> bool:
        token = self.token
        if token.kind in ("nametest", "nodetype", "axis"):
            return True
        return token.kind == "op" and token.value in (".", "..", "@")

    def parse_relative_steps(self, continuation: bool = False) -> list[Step]:
        steps = []
        if not continuation:
            steps.append(self.parse_step())
        while self.at("op", "/", "//"):
            if self.advance().value == "//":
                steps.append(_DESCENDANT_OR_SELF)
            steps.append(self.parse_step())
        return steps

    def parse_filter(self) -> Expr:
        token = self.advance()
        base: Expr
        if token.kind == "literal":
            base = Literal(token.value)
        elif token.kind == "number":
            base = Literal(float(token.value))
        elif token.kind == "var":
            base = VarRef(token.value)
        elif token.kind == "func":
            base = self.parse_call(token)
        else:  # "("
            base = self.parse_or()
            self.expect("op", ")", "')'")
        predicates = self.parse_predicates()
        return Filter(base, predicates) if predicates else base

    def parse_call(self, name: Token) -> Call:
        self.expect("op", "(", "'('")
        args: list[Expr] = []
        if not self.at("op", ")"):
            args.append(self.parse_or())
            while self.at("op", ","):
                self.advance()
                args.append(self.parse_or())
        self.expect("op", ")", f"',' or ')' in the arguments of {name.value}()")
        return Call(name.value, tuple(args), name.pos)

    def parse_predicates(self) -> tuple[Expr, ...]:
        predicates = []
        while self.at("op", "["):
            self.advance()
            predicates.append(self.parse_or())
            self.expect("op", "]", "']'")
        return tuple(predicates)

    def parse_step(self) -> Step:
        if self.at("op", "."):
            self.advance()
            return Step("self", NodeTest("node"))
        if self.at("op", ".."):
            self.advance()
            return Step("parent", NodeTest("node"))
        axis = "child"
        if self.at("op", "@"):
            self.advance()
            axis = "attribute"
        elif self.at("axis"):
            axis = self.advance().value
            if axis not in AXES:
                self.index -= 1
                self.fail(f"unknown axis {axis!r}")
            self.expect("op", "::", "'::'")
        test = self.parse_node_test()
        return Step(axis, test, self.parse_predicates())

    def parse_node_test(self) -> NodeTest:
        token = self.token
        if token.kind == "nametest":
            self.advance()
            prefix, _, local = token.value.rpartition(":")
            return NodeTest("name", prefix or None, local)
        if token.kind == "nodetype":
            self.advance()
            self.expect("op", "(", "'('")
            target = ""
            if token.value == "processing-instruction" and self.at("literal"):
                target = self.advance().value
            self.expect("op", ")", "')'")
            kind = {"processing-instruction": "pi"}.get(token.value, token.value)
            return NodeTest(kind, None, target)
        self.fail("expected a node test")


def parse(source: str) -> Expr:
    return Parser(source).parse()
