"""ODK XForm -> Form: the one place a form model is built (XLSForms come through here
too, converted by pyxform first).

The parts, each in its module:
- head (this module): title, id, version;
- model (`xform_model`): its children, the primary and secondary instances, binds;
  itext languages (`xform_text`); actions and their events (`xform_actions`);
- body (`xform_body`): groups, repeats, controls, labels, hints, choices, itemsets;
- types (`xform_types.question_type`): the XLSForm-style type of each question;
- nodes without a control (`xform_tree`): calculations and metadata, placed in the
  tree as `Question(kind="none")` in instance order, so `Form.walk()` sees every
  instance leaf;
- media (`form_media`): referenced files found and external instances converted.

Texts keep `<output value="..."/>` as markup (see `xform_text`). A broken XForm
raises FormError naming the element and its line; what ODK loads with a warning
loads, the warning in `Form.warnings` (see `xform_model`, `xform_checks`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from lxml import etree

from fieldkit.forms.errors import FormError
from fieldkit.forms.form_media import attach_media
from fieldkit.forms.model import Form, Group
from fieldkit.forms.xform_body import BodyContext, parse_action, parse_body
from fieldkit.forms.xform_checks import check_choice_names
from fieldkit.forms.xform_model import check_model, parse_binds, parse_instances
from fieldkit.forms.xform_text import XmlElement, fail, is_xf, local, parse_itext, serialize
from fieldkit.forms.xform_tree import add_unbound, instance_paths, step_name
from fieldkit.forms.xform_types import question_type

__all__ = ["parse_xform", "question_type"]

_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def parse_xform(
    xml: str | bytes,
    *,
    source: str | None = None,
    media: Mapping[str, bytes] | Callable[[str], bytes | None] | None = None,
) -> Form:
    """Build the Form of an ODK XForm.

    `source` names the form in error messages. `media` gives the referenced media
    files by name (a mapping, or a function returning bytes or None); files it
    lacks are looked up among the built-in media, then listed in `media_missing`.
    What ODK only warns about is in `Form.warnings`.
    """
    html, text = _parse(xml, source)
    head, model, body = _parts(html, source)
    warnings: list[str] = []
    check_model(head, model, warnings, source)
    itext, languages, default = parse_itext(model, source)
    data, secondary = parse_instances(model, warnings, source)
    root_path = "/" + step_name(data)
    paths = instance_paths(data)
    binds, bind_ids = parse_binds(model, root_path, paths, itext, warnings, source)
    context = BodyContext(itext=itext, binds=binds, bind_ids=bind_ids, paths=paths, source=source,
                          instance=data, warnings=warnings)
    for element in model:
        context.setvalues.extend(parse_action(element, root_path, None, context, in_model=True))
    root = Group(path=root_path, name=step_name(data), children=parse_body(body, root_path, context))
    add_unbound(root, data, binds, context.setvalues)
    form = Form(
        id=_form_id(data, source),
        version=data.get("version"),
        title=_title(head),
        asks_encryption=_asks_encryption(model),
        languages=languages,
        default_language=default,
        root=root,
        binds=binds,
        instance_xml=serialize(data),
        secondary_instances=secondary,
        itext=itext,
        setvalues=context.setvalues,
        xform=text,
        source=source,
        warnings=warnings,
    )
    check_choice_names(form)
    attach_media(form, media)
    return form


def _parse(xml: str | bytes, source: str | None) -> tuple[XmlElement, str]:
    """(root element, source text). lxml is told not to fetch or expand anything."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        if isinstance(xml, str):
            # A decoded text's encoding declaration means nothing (and lxml refuses it).
            root = etree.fromstring(_DECLARATION.sub("", xml, count=1), parser)
            return root, xml
        root = etree.fromstring(xml, parser)
    except etree.XMLSyntaxError as error:
        raise FormError(
            f"the XForm is not well-formed XML: {error.msg}", location=f"line {error.lineno}", source=source
        ) from None
    if root is None:
        raise FormError("the XForm is empty", source=source)
    encoding = (root.getroottree().docinfo.encoding or "utf-8").lower()
    if encoding in ("utf-8", "utf8"):
        encoding = "utf-8-sig"  # lxml reads past a byte order mark; the text should too
    return root, xml.decode(encoding, errors="replace")


def _parts(html: XmlElement, source: str | None) -> tuple[XmlElement, XmlElement, XmlElement | None]:
    if local(html) != "html":
        raise fail("this is not an XForm: its root element should be <h:html>", html, source=source)
    head = next((child for child in html if local(child) == "head"), None)
    if head is None:
        raise fail("the XForm has no <h:head>", html, source=source)
    model = next((child for child in head if is_xf(child, "model")), None)
    if model is None:
        raise fail("the XForm has no <model> in its <h:head>", head, source=source)
    body = next((child for child in html if local(child) == "body"), None)
    return head, model, body


def _title(head: XmlElement) -> str:
    title = next((child for child in head if local(child) == "title"), None)
    return (title.text or "").strip() if title is not None else ""


def _asks_encryption(model: XmlElement) -> bool:
    submission = next((child for child in model if local(child) == "submission"), None)
    return submission is not None and bool((submission.get("base64RsaPublicKey") or "").strip())


def _form_id(data: XmlElement, source: str | None) -> str:
    form_id = (data.get("id") or "").strip()
    if not form_id:
        raise fail("the primary instance's root element has no id attribute (the form id)", data, source=source)
    return form_id
