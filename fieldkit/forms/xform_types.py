"""The plain, XLSForm-style type of a question, derived from its XForm.

The XForm has no "question type": a control element, a bind type, an appearance and
a mediatype together say what XLSForm's `type` column said. `question_type` reverses
that, the same whether the form was written as XLSForm or XForm:

| control                | bind type / other                       | type              |
| ---------------------- | --------------------------------------- | ----------------- |
| select1                |                                         | select_one        |
| select                 |                                         | select_multiple   |
| odk:rank               |                                         | rank              |
| range                  |                                         | range             |
| trigger                |                                         | acknowledge       |
| upload                 | mediatype image/* audio/* video/* osm/* | image audio video osm |
| upload                 | any other mediatype (application/*)     | file              |
| output                 |                                         | note              |
| input                  | string, readonly="true()", no calculate | note              |
| input                  | string (or no bind)                     | text              |
| input                  | int / decimal                           | integer / decimal |
| input                  | date, time, dateTime                    | date, time, dateTime |
| input                  | geopoint, geotrace, geoshape, barcode   | the same          |
| input                  | anything else                           | the bind type     |
| none (no body control) | calculate, or set by a value-changed setvalue | calculate   |
| none (no body control) | anything else: hidden, preloads (start, end, today, deviceid,   | hidden            |
|                        | uid...), start-geopoint, audit                                 |                   |

The variants of XLSForm types that are only an appearance (select_one_from_file,
likert, signature, ...) keep the base type; `Question.appearance` says the rest.
Metadata keeps "hidden" because the session shows no "calculate" or "hidden" item;
what a preload fills is in its Bind (`preload`, `preload_params`).
"""

from __future__ import annotations

from fieldkit.forms.model import Bind

_BY_CONTROL = {
    "select1": "select_one",
    "select": "select_multiple",
    "rank": "rank",
    "range": "range",
    "trigger": "acknowledge",
    "output": "note",
}
_BY_BIND_TYPE = {"string": "text", "int": "integer"}
_BY_MEDIATYPE = {"image": "image", "audio": "audio", "video": "video", "osm": "osm"}


def question_type(
    kind: str,
    bind: Bind | None,
    mediatype: str | None = None,
    *,
    set_on_change: bool = False,
) -> str:
    """The XLSForm-style type (table above). `set_on_change`: for nodes without a
    control, whether an xforms-value-changed setvalue writes them (XLSForm's
    `calculate` with a `trigger`)."""
    if kind in _BY_CONTROL:
        return _BY_CONTROL[kind]
    if kind == "upload":
        return _BY_MEDIATYPE.get((mediatype or "").split("/")[0].strip(), "file")
    if kind == "none":
        computed = bind is not None and bool(bind.calculate)
        return "calculate" if computed or set_on_change else "hidden"
    bind_type = bind.type if bind is not None else "string"
    if bind_type == "string" and bind is not None and _is_note(bind):
        return "note"
    return _BY_BIND_TYPE.get(bind_type, bind_type)


def _is_note(bind: Bind) -> bool:
    readonly = (bind.readonly or "").replace(" ", "")
    return readonly in ("true()", "true") and not bind.calculate
