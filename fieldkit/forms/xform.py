"""ODK XForm -> Form: the one place a form model is built (XLSForms come through here
too, converted by pyxform first).

The parts, each in its module:
- head and model (this module): title, id, version, itext languages, binds, the
  primary and secondary instances, setvalue actions of the model;
- body (`xform_body`): groups, repeats, controls, labels, hints, choices, itemsets;
- types (`xform_types.question_type`): the XLSForm-style type of each question;
- nodes without a control (`xform_tree`): calculations and metadata, placed in the
  tree as `Question(kind="none")` in instance order, so `Form.walk()` sees every
  instance leaf;
- media (`form_media`): referenced files found and external instances converted.

Texts keep `<output value="..."/>` as markup (see `xform_text`). A broken XForm
raises FormError naming the element and its line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from lxml import etree

from fieldkit.forms.errors import FormError
from fieldkit.forms.form_media import attach_media
from fieldkit.forms.model import Bind, Form, Group, SecondaryInstance
from fieldkit.forms.xform_body import BodyContext, in_instance, parse_action, parse_body, resolve_path
from fieldkit.forms.xform_text import JR, XF, Itext, fail, is_xf, local, message_texts, parse_itext, serialize
from fieldkit.forms.xform_tree import add_unbound, instance_paths, step_name
from fieldkit.forms.xform_types import question_type

__all__ = ["parse_xform", "question_type"]

_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
# Bind attributes with a Bind field of their own (the others go to Bind.attributes).
_BIND_FIELDS = {
    "type": "type",
    "relevant": "relevant",
    "required": "required",
    "readonly": "readonly",
    "constraint": "constraint",
    "calculate": "calculate",
    f"{{{JR}}}preload": "preload",
    f"{{{JR}}}preloadParams": "preload_params",
}
_BIND_MESSAGES = {f"{{{JR}}}constraintMsg": "constraint_msg", f"{{{JR}}}requiredMsg": "required_msg"}


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
    """
    html, text = _parse(xml, source)
    head, model, body = _parts(html, source)
    itext, languages, default = parse_itext(model, source)
    data, secondary = _instances(model, source)
    root_path = "/" + step_name(data)
    paths = instance_paths(data)
    binds, bind_ids = _binds(model, root_path, paths, itext, source)
    context = BodyContext(itext=itext, binds=binds, bind_ids=bind_ids, paths=paths, source=source)
    for element in model:
        context.setvalues.extend(parse_action(element, root_path, None, context))
    root = Group(path=root_path, name=step_name(data), children=parse_body(body, root_path, context))
    add_unbound(root, data, binds, context.setvalues)
    form = Form(
        id=_form_id(data, source),
        version=data.get("version"),
        title=_title(head),
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
    )
    attach_media(form, media)
    return form


def _parse(xml: str | bytes, source: str | None):
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


def _parts(html, source: str | None):
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


def _title(head) -> str:
    title = next((child for child in head if local(child) == "title"), None)
    return (title.text or "").strip() if title is not None else ""


def _form_id(data, source: str | None) -> str:
    form_id = (data.get("id") or "").strip()
    if not form_id:
        raise fail("the primary instance's root element has no id attribute (the form id)", data, source=source)
    return form_id


def _instances(model, source: str | None):
    """(root element of the primary instance, secondary instances by id)."""
    instances = [child for child in model if is_xf(child, "instance")]
    if not instances:
        raise fail("the model has no <instance>", model, source=source)
    data = next((child for child in instances[0] if isinstance(child.tag, str)), None)
    if data is None:
        raise fail("the primary instance is empty", instances[0], source=source)
    secondary: dict[str, SecondaryInstance] = {}
    for element in instances[1:]:
        instance_id = (element.get("id") or "").strip()
        if not instance_id:
            raise fail("a secondary instance has no id", element, "src", source=source)
        if instance_id in secondary:
            raise fail("two instances have the same id", element, "id", source=source)
        inline = next((child for child in element if isinstance(child.tag, str)), None)
        secondary[instance_id] = SecondaryInstance(
            id=instance_id,
            src=element.get("src"),
            xml=serialize(inline) if inline is not None else None,
        )
    return data, secondary


def _binds(model, root_path: str, paths: set[str], itext: Itext, source: str | None):
    """(Bind by nodeset path, nodeset by bind id). Several binds of one node merge."""
    merged: dict[str, dict] = {}
    bind_ids: dict[str, str] = {}
    for element in model.iter(f"{{{XF}}}bind", "bind"):
        nodeset = (element.get("nodeset") or element.get("ref") or "").strip()
        if not nodeset:
            raise fail("a bind has no nodeset", element, source=source)
        path = resolve_path(nodeset, root_path)
        if not in_instance(path, paths):
            raise fail(f"the bind is for {path}, which is not in the primary instance", element, "nodeset", source=source)
        if element.get("id"):
            bind_ids[element.get("id").strip()] = path
        fields = merged.setdefault(path, {"nodeset": path, "attributes": {}})
        _read_bind(element, fields, itext)
    return {path: Bind(**fields) for path, fields in merged.items()}, bind_ids


def _read_bind(element, fields: dict, itext: Itext) -> None:
    for name, value in element.attrib.items():
        if name in ("nodeset", "ref"):
            continue
        if name in _BIND_FIELDS:
            fields[_BIND_FIELDS[name]] = _bind_type(value) if name == "type" else value
        elif name in _BIND_MESSAGES:
            fields[_BIND_MESSAGES[name]] = message_texts(value, itext)
        else:
            fields["attributes"][name] = value


def _bind_type(value: str) -> str:
    """`xsd:int` -> `int`, `odk:rank` -> `rank`: the data type without its prefix."""
    return value.strip().rsplit(":", 1)[-1] or "string"


