"""A WebDAV folder listing (a PROPFIND multistatus, RFC 4918 §9.1) read as untrusted
input: no entities, no DTD, no network, a bounded size; only the folder's direct
children whose names are names fieldkit writes are kept, every other entry left out."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from lxml import etree

from fieldkit.sync.dropbox.transport import TEMPORARY_PREFIX, DropBoxError, checked_path

LISTING_LIMIT = 64 * 1024 * 1024  # a folder of a hundred thousand bundles is well under it
_DAV = "{DAV:}"
_LARGEST_SIZE = 2**62

PROPFIND_BODY = (b'<?xml version="1.0" encoding="utf-8"?>'
                 b'<d:propfind xmlns:d="DAV:"><d:prop><d:resourcetype/><d:getcontentlength/></d:prop></d:propfind>')


@dataclass(frozen=True, slots=True)
class Listed:
    name: str
    collection: bool
    size: int


def listed_children(answer: bytes, *, folder_href: str, origin: tuple[str, str]) -> list[Listed]:
    """The entries of the multistatus `answer` that are direct children of `folder_href`."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                             dtd_validation=False)
    try:
        root = etree.fromstring(answer, parser)
    except (etree.XMLSyntaxError, ValueError):
        raise DropBoxError(UNREADABLE_LISTING, reason="server", status=207) from None
    folder = unquote(folder_href)
    children: dict[str, Listed] = {}
    for response in root.iter(f"{_DAV}response"):
        child = _child(response, folder=folder, origin=origin)
        if child is not None:
            children[child.name] = child
    return list(children.values())


def _child(response: etree._Element, *, folder: str, origin: tuple[str, str]) -> Listed | None:
    name = _name(response.findtext(f"{_DAV}href") or "", folder=folder, origin=origin)
    if name is None:
        return None
    collection = response.find(f".//{_DAV}prop/{_DAV}resourcetype/{_DAV}collection") is not None
    if collection:
        return Listed(name=name, collection=True, size=0)
    size_text = (response.findtext(f".//{_DAV}prop/{_DAV}getcontentlength") or "").strip()
    if not size_text.isascii() or not size_text.isdigit() or int(size_text) > _LARGEST_SIZE:
        return None
    return Listed(name=name, collection=False, size=int(size_text))


def _name(href: str, *, folder: str, origin: tuple[str, str]) -> str | None:
    """The child's plain name, or None when the href is elsewhere, deeper, or not a name."""
    parts = urlsplit(href.strip())
    if parts.netloc and (parts.scheme.lower(), parts.netloc.lower()) != origin:
        return None
    try:
        path = unquote(parts.path, errors="strict")
        path.encode("utf-8")  # a lone surrogate cannot be a file name fieldkit wrote
    except UnicodeError:
        return None
    if not path.startswith(folder):
        return None
    name = path[len(folder):].rstrip("/")
    if not name or "/" in name or name.startswith(TEMPORARY_PREFIX):
        return None
    try:
        checked_path(name)
    except DropBoxError:
        return None
    return name


UNREADABLE_LISTING = "The drop box sent a folder listing that is not WebDAV (HTTP {status}); it was not used."
