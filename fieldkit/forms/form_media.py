"""The media files a form references, found and attached to the Form.

References: external secondary instances (`jr://file-csv/x.csv`, `jr://file/x.xml`),
itext media (`jr://images/a.png`, `jr://audio/...`, `jr://video/...`, `jr://file/...`)
and the CSV files `pulldata('x', ...)` and the `search('x')` appearance read (`x.csv`).
Each is looked up through the caller's `lookup` (the loader: beside the form file)
and then `fieldkit.forms.media.builtin_media` (the generated commune lists). A file
found nowhere goes to `Form.media_missing`: not an error, its itemset is empty.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping

from fieldkit.forms.external_instance import instance_xml
from fieldkit.forms.model import Form

MediaLookup = Callable[[str], "bytes | None"]

_MEDIA_URI = re.compile(r"^jr://(?:images|audio|video|file|file-csv)/(.+)$")
_CSV_CALL = re.compile(r"""\b(?:pulldata|search)\(\s*(['"])([^'"]+)\1""")


def media_name(uri: str | None) -> str | None:
    """`jr://images/a.png` -> `a.png`; None for what is no media file (jr://instance/...)."""
    match = _MEDIA_URI.match((uri or "").strip())
    return match.group(1) if match else None


def referenced_names(form: Form) -> list[str]:
    """Every media file name the form references, in first-seen order."""
    names: dict[str, None] = {}
    for instance in form.secondary_instances.values():
        if instance_file := media_name(instance.src):
            names[instance_file] = None
    for texts in form.itext.values():
        for forms in texts.values():
            for form_name, value in forms.items():
                if form_name and (text_file := media_name(value)):
                    names[text_file] = None
    for expression in _expressions(form):
        for match in _CSV_CALL.finditer(expression):
            name = match.group(2)
            names[name if name.endswith(".csv") else f"{name}.csv"] = None
    return list(names)


def _expressions(form: Form) -> Iterator[str]:
    """Bind expressions, setvalue values and appearances: where pulldata/search occur."""
    for bind in form.binds.values():
        yield from (bind.calculate or "", bind.constraint or "", bind.relevant or "")
        yield from (bind.readonly or "", bind.required or "")
    for action in form.setvalues:
        yield action.value or ""
    for item in form.walk():
        yield item.appearance or ""


def _builtin(name: str) -> bytes | None:
    try:
        from fieldkit.forms.media import builtin_media
    except ImportError:  # the module may not be there (yet): no built-in media then
        return None
    return builtin_media(name)


def _as_lookup(media: Mapping[str, bytes] | MediaLookup | None) -> MediaLookup:
    if media is None:
        return lambda name: None
    if isinstance(media, Mapping):
        return media.get
    return media


def attach_media(form: Form, media: Mapping[str, bytes] | MediaLookup | None) -> None:
    """Fill `form.media`, `form.media_missing` and external instances' `xml`."""
    lookup = _as_lookup(media)
    for name in referenced_names(form):
        data = lookup(name)
        if data is None:
            data = _builtin(name)
        if data is None:
            form.media_missing.append(name)
        else:
            form.media[name] = data
    for instance in form.secondary_instances.values():
        file_name = media_name(instance.src)
        if file_name is not None and file_name in form.media:
            instance.xml = instance_xml(file_name, form.media[file_name], source=form.source)
