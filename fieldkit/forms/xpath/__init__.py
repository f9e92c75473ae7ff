"""The ODK XPath expression engine: XPath 1.0 plus the ODK XForms functions.

    doc = parse_xml("<data><a>yes</a></data>")
    expr = compile_expression("/data/a = 'yes'")
    expr.evaluate_boolean(EvalContext(node=doc))          # True
    expr.references("/data/b")                             # {"/data/a"}
"""

from fieldkit.forms.xpath.context import STANDARD_NAMESPACES, EvalContext
from fieldkit.forms.xpath.errors import XPathError, XPathEvalError, XPathSyntaxError
from fieldkit.forms.xpath.expression import Expression, compile_expression
from fieldkit.forms.xpath.nodes import Attribute, Comment, Document, Element, Node, ProcessingInstruction, Text
from fieldkit.forms.xpath.values import DateValue, format_number
from fieldkit.forms.xpath.xmlio import parse_xml, serialize

__all__ = [
    "Attribute",
    "Comment",
    "DateValue",
    "Document",
    "Element",
    "EvalContext",
    "Expression",
    "Node",
    "ProcessingInstruction",
    "STANDARD_NAMESPACES",
    "Text",
    "XPathError",
    "XPathEvalError",
    "XPathSyntaxError",
    "compile_expression",
    "format_number",
    "parse_xml",
    "serialize",
]
