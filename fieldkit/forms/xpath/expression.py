"""Compiled expressions: compile once, evaluate many times."""

from __future__ import annotations

from functools import lru_cache

from fieldkit.forms.xpath.compiler import compile_node
from fieldkit.forms.xpath.context import EvalContext
from fieldkit.forms.xpath.errors import XPathError, XPathEvalError, XPathSyntaxError
from fieldkit.forms.xpath.parser import Expr, parse
from fieldkit.forms.xpath.values import NodeSet, XPathValue, to_boolean, to_number, to_string


class Expression:
    """A compiled XPath expression. Immutable and safe to share."""

    __slots__ = ("source", "tree", "_run")

    def __init__(self, source: str, tree: Expr) -> None:
        self.source = source
        self.tree = tree
        self._run = compile_node(tree)

    def __repr__(self) -> str:
        return f"Expression({self.source!r})"

    def evaluate(self, ctx: EvalContext) -> XPathValue:
        """The raw result: str, float, bool, or list of nodes in document order."""
        try:
            return self._run(ctx, ctx.node, ctx.position, ctx.size)
        except XPathError:
            raise
        except RecursionError:
            raise XPathEvalError(f"expression too deeply nested: {self.source!r}") from None
        except Exception as exc:  # a custom function or an arithmetic corner
            raise XPathEvalError(f"cannot evaluate {self.source!r}: {exc}") from exc

    def evaluate_string(self, ctx: EvalContext) -> str:
        return to_string(self.evaluate(ctx))

    def evaluate_number(self, ctx: EvalContext) -> float:
        return float(to_number(self.evaluate(ctx), ctx.tz))

    def evaluate_boolean(self, ctx: EvalContext) -> bool:
        return to_boolean(self.evaluate(ctx))

    def evaluate_nodes(self, ctx: EvalContext) -> NodeSet:
        value = self.evaluate(ctx)
        if type(value) is not list:
            raise XPathEvalError(f"{self.source!r} does not select nodes")
        return value

    def references(self, context_path: str) -> set[str] | None:
        """Absolute instance paths this expression reads, or None when unknowable."""
        from fieldkit.forms.xpath.references import find_references

        return find_references(self.tree, context_path)

    def reference_floors(self, context_path: str) -> dict[str, int] | None:
        """Each path `references` gives, with the fewest steps from the root its reading
        passed through (see `find_reference_floors`)."""
        from fieldkit.forms.xpath.references import find_reference_floors

        return find_reference_floors(self.tree, context_path)


@lru_cache(maxsize=4096)
def compile_expression(source: str) -> Expression:
    """Parse and compile; raises XPathSyntaxError naming the position of the problem."""
    if not isinstance(source, str):
        raise XPathSyntaxError(f"expression must be a string, not {type(source).__name__}")
    try:
        tree = parse(source)
        return Expression(source, tree)
    except XPathSyntaxError as exc:
        if exc.source:
            raise
        raise XPathSyntaxError(exc.problem, source, exc.position) from None
    except RecursionError:
        raise XPathSyntaxError("expression too deeply nested", source) from None
