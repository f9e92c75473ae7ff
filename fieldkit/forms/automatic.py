"""The answers a device fills by itself, not a person: jr:preload fields (start, end,
today, deviceid...) and the instance's `meta` group (instanceID, instanceName).

Two laptops that each finalize an edit of one submission both change its `end`
timestamp; that alone must not make their conflict hard (fieldkit.sync.merge), or every
conflict between finalized edits would be.
"""

from __future__ import annotations

from lxml import etree

from fieldkit.forms.xform_text import JR, XF, XmlElement, local


def automatic_paths(xform: str) -> frozenset[str]:
    """Instance paths (without repeat positions) of the fields a device fills by itself;
    none for an XForm that does not parse (every changed field then counts)."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(xform.encode("utf-8"), parser=parser)
    except (etree.XMLSyntaxError, ValueError):
        return frozenset()
    if root is None:
        return frozenset()
    paths = {bind.get("nodeset", "").strip() for bind in root.iter(f"{{{XF}}}bind") if bind.get(f"{{{JR}}}preload")}
    primary = next((instance for instance in root.iter(f"{{{XF}}}instance") if not instance.get("id")), None)
    data = next(iter(primary.iterchildren(etree.Element)), None) if primary is not None else None
    if data is not None:
        for group in data.iterchildren(etree.Element):
            if local(group) == "meta":
                paths.update(_descendant_paths(group, f"/{local(data)}/meta"))
    paths.discard("")
    return frozenset(paths)


def _descendant_paths(element: XmlElement, prefix: str) -> set[str]:
    found = set()
    for child in element.iterchildren(etree.Element):
        path = f"{prefix}/{local(child)}"
        found.add(path)
        found.update(_descendant_paths(child, path))
    return found
