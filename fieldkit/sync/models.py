"""What crosses a trust boundary in sync, as validated models (pydantic, strict).

A bundle's manifest, each line of its revision chunks and a public key file may hold
any bytes: wrong types, lone surrogates ("\\ud800" decodes to a str that cannot be
encoded back), numbers SQLite cannot store, fields missing or extra. Each is checked
against its model before any of it is used, and what is wrong comes back as a
`FieldProblem` naming the field (`acknowledges`, `signers[0].public_key`, `data.status`)
in words the messages catalogue translates, never as a traceback. The models only
check: the code goes on using the parsed JSON, so what is hashed and stored is what was
signed.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any, Final, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    Strict,
    StrictBool,
    StrictInt,
    StrictStr,
    ValidationError,
)
from pydantic_core import ErrorDetails, PydanticCustomError

from fieldkit.store.records import Status

MAX_SEQ = (1 << 63) - 1  # SQLite's INTEGER
Location = tuple[str | int, ...]  # a path into parsed JSON: keys and list indexes
# each a Literal type and its value (the type checker holds them to each other)
AlgorithmName = Literal["X25519-HKDF-SHA256/ChaCha20-Poly1305"]
ALGORITHM: Final[AlgorithmName] = "X25519-HKDF-SHA256/ChaCha20-Poly1305"
KeyFileFormat = Literal["fieldkit-public-key"]
KEY_FILE_FORMAT: Final[KeyFileFormat] = "fieldkit-public-key"

# the problems a FieldProblem names (translated in fieldkit.sync.messages)
MISSING = "is missing"
EXTRA = "is not allowed here"
NOT_UNICODE = "is not valid Unicode text (it holds a lone surrogate)"
MALFORMED = "is malformed"
OUT_OF_RANGE = "is out of range"
WRONG_LENGTH = "has the wrong length"
WRONG_TYPE = "has the wrong type"
NOT_ALLOWED_VALUE = "has a value that is not allowed"
KEY_MISMATCH = "does not match its key"
NOT_SORTED = "is not sorted without repeats"
INVALID = "is not valid"
NOT_LISTED = "names no file of the bundle"
PROBLEMS = (NOT_LISTED, MISSING, EXTRA, NOT_UNICODE, MALFORMED, OUT_OF_RANGE, WRONG_LENGTH, WRONG_TYPE,
            NOT_ALLOWED_VALUE, KEY_MISMATCH, NOT_SORTED, INVALID)

_BY_TYPE = {"missing": MISSING, "extra_forbidden": EXTRA, "not_unicode": NOT_UNICODE, "string_unicode": NOT_UNICODE,
            "string_pattern_mismatch": MALFORMED, "malformed": MALFORMED, "greater_than_equal": OUT_OF_RANGE,
            "less_than_equal": OUT_OF_RANGE, "too_short": WRONG_LENGTH, "too_long": WRONG_LENGTH,
            "string_too_long": WRONG_LENGTH, "string_too_short": WRONG_LENGTH, "literal_error": NOT_ALLOWED_VALUE,
            "enum": NOT_ALLOWED_VALUE,
            "key_mismatch": KEY_MISMATCH, "not_sorted": NOT_SORTED}


@dataclass(frozen=True)
class FieldProblem:
    """The first thing wrong: where (`field`), what (`problem`, one of PROBLEMS) and a short,
    printable rendering of the value found (`found`)."""
    field: str
    problem: str
    found: str

    def values(self) -> dict[str, str]:
        return {"field": self.field, "problem": self.problem, "found": self.found}


# -- field types -----------------------------------------------------------------------------

def _unicode(text: str) -> str:
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            raise PydanticCustomError("not_unicode", "not valid Unicode") from None
    return text


def _key_bytes(size: int) -> Callable[[str], str]:
    def check(text: str) -> str:
        try:
            raw = base64.b64decode(text.encode("ascii"), validate=True)
        except (binascii.Error, ValueError, UnicodeEncodeError):
            raise PydanticCustomError("malformed", "not base64") from None
        if len(raw) != size:
            raise PydanticCustomError("too_short" if len(raw) < size else "too_long", "wrong length", {})
        return text
    return check


_HLC = re.compile(r"[0-9]{18}\.[0-9]{6}")


def _hlc(text: str) -> str:
    if not _HLC.fullmatch(text):
        raise PydanticCustomError("malformed", "not an HLC")
    return text


Text = Annotated[StrictStr, AfterValidator(_unicode)]
Name = Annotated[StrictStr, Field(max_length=1000), AfterValidator(_unicode)]
Hex64 = Annotated[StrictStr, Field(pattern=r"^[0-9a-f]{64}$")]
Hex32 = Annotated[StrictStr, Field(pattern=r"^[0-9a-f]{32}$")]
Seq = Annotated[StrictInt, Field(ge=0, le=MAX_SEQ)]
Count = Annotated[StrictInt, Field(ge=0, le=MAX_SEQ)]
Hlc = Annotated[StrictStr, AfterValidator(_hlc)]
Key32 = Annotated[StrictStr, Field(max_length=100), AfterValidator(_key_bytes(32))]
Signature64 = Annotated[StrictStr, Field(max_length=200), AfterValidator(_key_bytes(64))]
Sealed = Annotated[StrictStr, Field(max_length=200), AfterValidator(_key_bytes(60))]  # nonce, 32-byte key, tag


class _Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", hide_input_in_errors=True)


# -- the manifest ----------------------------------------------------------------------------

class FormEntry(_Strict):
    form_id: Name
    version: Name
    sha256: Hex64
    title: dict[Name, Text]


class FileEntry(_Strict):
    path: Annotated[StrictStr, Field(max_length=200, pattern=r"^[a-z]+/[0-9a-zA-Z._-]+$")]
    sha256: Hex64
    size: Count


class Signer(_Strict):
    site_id: Hex32
    public_key: Key32


class Recipient(_Strict):
    fingerprint: Hex64
    x25519: Key32
    ephemeral: Key32
    wrapped_key: Sealed


class Encryption(_Strict):
    algorithm: AlgorithmName
    recipients: list[Recipient]


class ManifestHeader(BaseModel):
    """What is read of a manifest of any format version: enough to check its signature and
    signer, and to tell the user to update the app when the version is newer."""
    model_config = ConfigDict(strict=True, extra="allow", hide_input_in_errors=True)
    format: Literal["fieldkit-bundle"]
    format_version: Annotated[StrictInt, Field(ge=1, le=MAX_SEQ)]
    device_name: Name
    key: Hex64
    public_key: Key32


class Manifest(_Strict):
    """The manifest of format version 1 (docs/sync.md), every field (a newer version is
    refused by bundle.check_version, from what ManifestHeader reads)."""
    format: Literal["fieldkit-bundle"]
    format_version: Annotated[StrictInt, Field(ge=1, le=MAX_SEQ)]
    bundle_nonce: Hex32
    site_id: Hex32
    device_name: Name
    author: Name
    key: Hex64
    public_key: Key32
    app_version: Name
    schema_version: Count
    created: Hlc
    forms: list[FormEntry]
    content: dict[Hex32, Annotated[list[Seq], Field(min_length=2, max_length=2)]]
    count: Count
    prerequisites: dict[Hex32, Seq]
    acknowledges: dict[Hex32, Seq]
    signers: list[Signer]
    files: list[FileEntry]
    encryption: Encryption | None


# -- a revision line -------------------------------------------------------------------------

class RecordData(BaseModel):
    """The part of a revision's `data` that records, exports and re-exports read; the rest
    (answers' values, anything else) is kept as it came."""
    model_config = ConfigDict(strict=True, extra="allow", hide_input_in_errors=True)
    status: Annotated[Status, Strict(False)] = Status.DRAFT  # strict: its text, one of the Status values
    error_count: Count = 0
    commune: Name = ""
    province: Name = ""
    answers: dict[Text, Any] = {}
    attachments: dict[Text, Hex64] = {}
    instance_xml: Text | None = None


def _sorted_unique(parents: list[str]) -> list[str]:
    if parents != sorted(set(parents)):
        raise PydanticCustomError("not_sorted", "not sorted")
    return parents


class Revision(_Strict):
    """One line of a revisions chunk: a whole revision (fieldkit.store.revisions)."""
    rev_id: Hex64
    record_id: Annotated[StrictStr, Field(min_length=1, max_length=200), AfterValidator(_unicode)]
    parents: Annotated[list[Hex64], AfterValidator(_sorted_unique)]
    site_id: Hex32
    seq: Annotated[StrictInt, Field(ge=1, le=MAX_SEQ)]
    hlc: Hlc
    form_id: Name
    form_version: Name
    data: RecordData
    deleted: StrictBool
    author: Name
    sig: Signature64


# -- a public key file -----------------------------------------------------------------------

class KeyFile(_Strict):
    """What `fieldkit keys export` writes (fieldkit.sync.crypto.public_key_document)."""
    format: KeyFileFormat
    device_name: Name
    fingerprint: Hex64
    site_id: Hex32
    ed25519: Key32
    x25519: Key32
    x25519_signature: Signature64


# -- checking --------------------------------------------------------------------------------

def problem_of(model: type[BaseModel], raw: Any, *, root: str = "") -> FieldProblem | None:
    """The first thing `raw` (parsed JSON) gets wrong against `model`, or None."""
    try:
        model.model_validate(raw)
    except ValidationError as error:
        found = error.errors(include_url=False)
        first = next((problem for problem in found if _BY_TYPE.get(problem["type"]) == NOT_UNICODE), found[0])
        return _problem(first, raw, root)
    return None


def _problem(error: ErrorDetails, raw: Any, root: str) -> FieldProblem:
    location = tuple(part for part in error["loc"] if part != "[key]")
    kind = error["type"]
    problem = _BY_TYPE.get(kind) or (WRONG_TYPE if kind.endswith("_type") or kind.endswith("_parsing")
                                     else INVALID)
    if problem == NOT_UNICODE:  # pydantic shows such a key as U+FFFD, or not at all: find it
        try:
            location = unencodable_field(raw) or location
        except RecursionError:
            pass
    value = value_at(raw, location)
    return FieldProblem(field=field_name(location, root), problem=problem,
                        found="-" if kind == "missing" else shown(value))


def value_at(raw: Any, location: Location) -> Any:
    """The value at a pydantic location (dict keys as pydantic reports them)."""
    for part in location:
        if isinstance(raw, dict) and part in raw:
            raw = raw[part]
        elif isinstance(raw, list) and isinstance(part, int) and 0 <= part < len(raw):
            raw = raw[part]
        elif isinstance(raw, dict):  # a key pydantic could not show as it is (a lone surrogate)
            raw = next((value for key, value in raw.items() if not _encodable(key)), None)
        else:
            return raw
    return raw


_KEYED = {"acknowledges", "prerequisites", "content", "title", "answers", "attachments"}  # dicts by any key


def field_name(location: Location, root: str = "") -> str:
    """`signers[0].public_key`, `acknowledges['x']`: printable, whatever the keys hold."""
    text, previous = root, None
    for part in location:
        if isinstance(part, int):
            text += f"[{part}]"
        elif previous not in _KEYED and re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]{0,40}", part):
            text += f".{part}" if text else part
        else:
            text += f"[{_short(ascii(part))}]"
        previous = part
    return text or "(the whole)"


def shown(value: Any) -> str:
    """A value as a message can show it: JSON-like, ASCII only (no terminal escapes), short."""
    if isinstance(value, dict):
        return "{...}" if value else "{}"
    if isinstance(value, list):
        return "[...]" if value else "[]"
    if value is None or isinstance(value, bool):
        return {None: "null", True: "true", False: "false"}[value]
    if isinstance(value, int) and value.bit_length() > 64:
        return f"<a number of {len(str(abs(value))) if value.bit_length() < 10000 else 'many'} digits>"
    return _short(ascii(value))


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit - 3] + "..."


def _encodable(text: Any) -> bool:
    try:
        str(text).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def unencodable_field(value: Any, location: Location = ()) -> Location | None:
    """Where in parsed JSON a text (value or key) cannot be encoded as UTF-8, or None."""
    if isinstance(value, str):
        return None if _encodable(value) else location
    if isinstance(value, dict):
        for key, item in value.items():
            if not _encodable(key):
                return (*location, key)
            found = unencodable_field(item, (*location, key))
            if found is not None:
                return found
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found = unencodable_field(item, (*location, index))
            if found is not None:
                return found
    return None
