"""XForm helpers shared by the model and body parsers: namespaces, where an element
is (for messages), texts with `<output/>` markup, and itext look-ups.

A text is plain text (XML entities decoded) in which each `<output value="EXPR"/>`
(or `<output ref="PATH"/>`) of the XForm is written back as `<output value="EXPR"/>`,
with `&`, `<` and `"` in EXPR escaped as XML entities: `fieldkit.forms.texts.render`
finds them with a regular expression and unescapes the expression.
"""

from __future__ import annotations

import re
from typing import TypeAlias
from xml.sax.saxutils import quoteattr

from lxml import etree

from fieldkit.forms.errors import FormError

# An element of the XForm as lxml reads it. lxml ships no type information (its stubs
# are no dependency), so to mypy this is Any: what an element offers is lxml's API.
XmlElement: TypeAlias = etree._Element

XF = "http://www.w3.org/2002/xforms"
H = "http://www.w3.org/1999/xhtml"
JR = "http://openrosa.org/javarosa"
ODK = "http://www.opendatakit.org/xforms"
EV = "http://www.w3.org/2001/xml-events"

_ITEXT_REF = re.compile(r"""^\s*jr:itext\(\s*(['"])(.*)\1\s*\)\s*$""")

# itext value forms that name a media file rather than hold a text.
MEDIA_FORMS = ("image", "big-image", "audio", "video")

_QUOTE = {'"': "&quot;"}

Itext = dict[str, dict[str, dict[str, str]]]  # lang -> text id -> form -> text


def local(element: XmlElement) -> str:
    """The element's name without namespace ("" for comments and processing instructions)."""
    if not isinstance(element.tag, str):
        return ""
    name: str = etree.QName(element).localname
    return name


def is_xf(element: XmlElement, name: str) -> bool:
    """Is this `<name>` in the XForms namespace (or in none, as hand-written forms do)?"""
    return local(element) == name and etree.QName(element).namespace in (XF, None)


def where(element: XmlElement, *attributes: str) -> str:
    """`<bind nodeset='/data/x'> (line 40)`: an element as a message can point at it."""
    shown = []
    for name in attributes:
        value = element.get(name)
        if value is not None:
            shown.append(f"{name}={value.strip()!r}")
    inside = " ".join([local(element) or "?", *shown])
    line = f" (line {element.sourceline})" if element.sourceline else ""
    return f"<{inside}>{line}"


def fail(message: str, element: XmlElement, *attributes: str, source: str | None = None) -> FormError:
    return FormError(message, location=where(element, *attributes), source=source)


def itext_id(ref: str | None) -> str | None:
    """`jr:itext('x')` -> `x`; anything else -> None."""
    if not ref:
        return None
    match = _ITEXT_REF.match(ref)
    return match.group(2) if match else None


def inner_text(element: XmlElement) -> str:
    """The element's content as a text, `<output/>` kept as markup (see module doc).

    Whitespace at both ends is dropped: it is the XForm's indentation (pretty-printed
    and compact XForms of one form differ only there), never part of the text.
    """
    return _content(element).strip()


def _content(element: XmlElement) -> str:
    parts = [element.text or ""]
    for child in element:
        if local(child) == "output":
            expression = child.get("value") or child.get("ref") or ""
            # Escaping `"` too keeps the value double-quoted, as texts.render expects.
            parts.append(f"<output value={quoteattr(expression, _QUOTE)}/>")
        elif isinstance(child.tag, str):
            # Other markup (rare: HTML spans in hand-written forms) keeps only its text.
            parts.append(_content(child))
        parts.append(child.tail or "")
    return "".join(parts)


def parse_itext(model: XmlElement, source: str | None) -> tuple[Itext, list[str], str | None]:
    """(texts, languages in order, default language) from the model's `<itext>`.

    As in JavaRosa, a `default` attribute marks the default language whatever its
    value (`default=""`, pyxform's `default="true()"`); without one the first
    translation is the default. A translation without a language, the same language
    twice, or two defaults are refused, as ODK refuses them.
    """
    texts: Itext = {}
    default = None
    for itext in (child for child in model if is_xf(child, "itext")):
        for translation in (child for child in itext if is_xf(child, "translation")):
            lang = _translation_lang(translation, texts, source)
            if _is_default(translation.get("default")):
                if default is not None:
                    raise fail(f"two translations are marked as the default ({default!r} and {lang!r})",
                               translation, "lang", source=source)
                default = lang
            found = texts.setdefault(lang, {})
            for text in (child for child in translation if is_xf(child, "text")):
                found[text.get("id", "")] = _text_forms(text)
    languages = list(texts)
    if default is None and languages:
        default = languages[0]  # ODK's rule: without a flag the first translation is the default
    return texts, languages, default


def _translation_lang(translation: XmlElement, texts: Itext, source: str | None) -> str:
    lang: str | None = translation.get("lang")
    if lang is None or not lang.strip():
        raise fail("an itext translation has no lang attribute (the language's name)", translation, source=source)
    if lang in texts:
        raise fail(f"the language {lang!r} has two <translation>s", translation, "lang", source=source)
    return lang


def _is_default(value: str | None) -> bool:
    return value is not None and value.strip() not in ("false()", "false", "0")


def _text_forms(text: XmlElement) -> dict[str, str]:
    forms: dict[str, str] = {}
    for value in (child for child in text if is_xf(child, "value")):
        form = value.get("form") or ""
        if form == "long" and "" not in forms:
            form = ""  # "long" is the plain text where no plain value exists
        forms[form] = inner_text(value)
    return forms


def resolve_texts(itext: Itext, text_id: str, form: str = "") -> dict[str, str]:
    """The per-language texts of one itext id and form (languages without it left out)."""
    found = {}
    for lang, texts in itext.items():
        value = texts.get(text_id, {}).get(form)
        if value is not None:
            found[lang] = value
    return found


def resolve_media(itext: Itext, text_id: str) -> dict[str, dict[str, str]]:
    """lang -> media form -> uri, for the media forms of one itext id."""
    found: dict[str, dict[str, str]] = {}
    for lang, texts in itext.items():
        forms = texts.get(text_id, {})
        media = {form: forms[form] for form in MEDIA_FORMS if forms.get(form)}
        if media:
            found[lang] = media
    return found


def message_texts(value: str | None, itext: Itext) -> dict[str, str]:
    """A bind message (jr:constraintMsg, jr:requiredMsg): itext ref or a plain text."""
    if not value:
        return {}
    text_id = itext_id(value)
    if text_id is None:
        return {"": value}
    return resolve_texts(itext, text_id)


def element_texts(element: XmlElement, itext: Itext) -> tuple[dict[str, str], str | None]:
    """A `<label>`/`<hint>`: (texts by language, itext id or None)."""
    text_id = itext_id(element.get("ref"))
    if text_id is not None:
        return resolve_texts(itext, text_id), text_id
    text = inner_text(element)
    return ({"": text} if text else {}), None


def clean_copy(element: XmlElement) -> XmlElement:
    """A copy of an instance element with the XForms namespace dropped.

    Instance data is written in the XForm's default (XForms) namespace, but a
    submission and the expression engine see its names as un-namespaced: `<data>`,
    not `<xf:data>`. Other namespaces (jr:template, orx:meta) are kept. Whitespace
    between elements (pretty-printing) goes; a leaf's text, its value, stays.
    """
    copy = etree.fromstring(etree.tostring(element, with_tail=False))
    for node in copy.iter():
        if not isinstance(node.tag, str):
            continue
        if etree.QName(node).namespace == XF:
            node.tag = etree.QName(node).localname
        if len(node) and not (node.text or "").strip():
            node.text = None  # indentation between elements, not a value
        if not (node.tail or "").strip():
            node.tail = None
    etree.cleanup_namespaces(copy)
    return copy


def serialize(element: XmlElement) -> str:
    text: str = etree.tostring(clean_copy(element), encoding="unicode")
    return text
