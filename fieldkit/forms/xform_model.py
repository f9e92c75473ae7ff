"""The XForm `<model>`: its children, the instances and the binds.

What ODK (JavaRosa) refuses is a FormError naming the element; what it only warns
about goes to the form's warnings (`Form.warnings`, printed by `fieldkit form check`)
and is ignored, as JavaRosa ignores it:

- a `<bind>` for a node that is not in the primary instance ("<bind> defined for a
  node that doesn't exist": the node was renamed and the bind not updated);
- a `<bind>` for the root `/`, and a second `<model>` (only the first one counts);
- a secondary instance whose `src` is neither `jr://file/`, `jr://file-csv/` nor
  `jr://instance/last-saved` (it stays empty).

Refused, as in JavaRosa: an element in the model that is none of `itext`, `instance`,
`bind`, `submission` or an action; two binds with one id.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from fieldkit.forms.model import Bind, SecondaryInstance, is_last_saved
from fieldkit.forms.xform_body import in_instance, resolve_path
from fieldkit.forms.xform_text import (
    JR,
    ODK,
    XF,
    Itext,
    XmlElement,
    fail,
    is_xf,
    local,
    message_texts,
    serialize,
    where,
)

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
_MODEL_CHILDREN = ("itext", "instance", "bind", "submission", "setvalue")
_ODK_ACTIONS = ("setgeopoint", "recordaudio")
_READ_SRC = ("jr://file/", "jr://file-csv/")


def check_model(head: XmlElement, model: XmlElement, warnings: list[str], source: str | None) -> None:
    """Refuse what JavaRosa refuses among the model's children; warn of extra models."""
    for extra in [child for child in head if is_xf(child, "model")][1:]:
        warnings.append(f"{where(extra)}: a second <model> is ignored (ODK reads only the first)")
    for child in model:
        name = local(child)
        if not name or name in _MODEL_CHILDREN and etree.QName(child).namespace in (XF, None):
            continue
        if name in _ODK_ACTIONS:
            if etree.QName(child).namespace != ODK:
                raise fail(f"the <{name}> action must be in the ODK namespace ({ODK}), as odk:{name}",
                           child, "ref", source=source)
            continue
        raise fail(f"<{name}> is not allowed in the <model> (ODK accepts itext, instance, bind, "
                   "submission and actions there)", child, source=source)


def parse_instances(model: XmlElement, warnings: list[str],
                    source: str | None) -> tuple[XmlElement, dict[str, SecondaryInstance]]:
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
        secondary[instance_id] = _secondary(element, instance_id, warnings)
    return data, secondary


def _secondary(element: XmlElement, instance_id: str, warnings: list[str]) -> SecondaryInstance:
    src = element.get("src")
    if src is not None and not (is_last_saved(src) or src.strip().lower().startswith(_READ_SRC)):
        warnings.append(f"{where(element, 'id', 'src')}: ODK does not read instances from {src.strip()!r}; "
                        f"instance('{instance_id}') is empty")
    # An instance with a src is read from there: inline content is not read (JavaRosa).
    inline = None if src is not None else next((child for child in element if isinstance(child.tag, str)), None)
    return SecondaryInstance(id=instance_id, src=src, xml=serialize(inline) if inline is not None else None)


@dataclass
class _BindAttributes:
    """What one node's binds say, merged: values of Bind's own fields, and the rest."""

    own: dict[str, str | dict[str, str]] = field(default_factory=dict)
    others: dict[str, str] = field(default_factory=dict)  # by Clark name


def parse_binds(model: XmlElement, root_path: str, paths: set[str], itext: Itext, warnings: list[str],
                source: str | None) -> tuple[dict[str, Bind], dict[str, str]]:
    """(Bind by nodeset path, nodeset by bind id). Several binds of one node merge."""
    merged: dict[str, _BindAttributes] = {}
    bind_ids: dict[str, str] = {}
    for element in model.iter(f"{{{XF}}}bind", "bind"):
        nodeset = (element.get("nodeset") or element.get("ref") or "").strip()
        if not nodeset:
            raise fail("a bind has no nodeset", element, source=source)
        path = resolve_path(nodeset, root_path)
        if "[" in path:
            # JavaRosa applies such a bind to the matching instances only; fieldkit
            # binds every instance of a node alike, so it would drop it silently.
            raise fail("a bind for some instances only (a [predicate] in its nodeset) is not supported: "
                       "bind the node itself and test the position in the expression", element, "nodeset",
                       source=source)
        bind_id = (element.get("id") or "").strip()
        if bind_id:
            if bind_id in bind_ids:
                raise fail(f"two binds have the id {bind_id!r}", element, "id", source=source)
            bind_ids[bind_id] = path  # a control or action using it is checked like a ref
        if _ignored(element, path, paths, warnings):
            continue
        _read_bind(element, merged.setdefault(path, _BindAttributes()), itext)
    binds = {path: Bind.model_validate({"nodeset": path, **read.own, "attributes": read.others})
             for path, read in merged.items()}
    return binds, bind_ids


def _ignored(element: XmlElement, path: str, paths: set[str], warnings: list[str]) -> bool:
    """Does JavaRosa ignore this bind (with a warning)?"""
    if path == "/":
        warnings.append(f"{where(element, 'nodeset')}: a bind for '/' is ignored (nothing can be bound there)")
        return True
    if not in_instance(path, paths):
        warnings.append(f"{where(element, 'nodeset')}: the bind is for {path}, which is not in the primary "
                        "instance (renamed?); the bind is ignored")
        return True
    return False


def _read_bind(element: XmlElement, read: _BindAttributes, itext: Itext) -> None:
    for name, value in element.attrib.items():
        if name in ("nodeset", "ref"):
            continue
        if name in _BIND_FIELDS:
            read.own[_BIND_FIELDS[name]] = _bind_type(value) if name == "type" else value
        elif name in _BIND_MESSAGES:
            read.own[_BIND_MESSAGES[name]] = message_texts(value, itext)
        else:
            read.others[name] = value


def _bind_type(value: str) -> str:
    """`xsd:int` -> `int`, `odk:rank` -> `rank`: the data type without its prefix."""
    return value.strip().rsplit(":", 1)[-1] or "string"
