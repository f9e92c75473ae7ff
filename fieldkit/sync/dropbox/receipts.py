"""A device's signed receipt (`<site_id>/receipt.json` in a drop box): what it holds.

    {"format": 1, "site_id": ..., "device": ..., "public_key": base64, "created": "2025-03-01T18:04:05+00:00",
     "holds": {site_id: seq, ...}, "signature": base64}

`public_key` lets a device trusted by its fingerprint alone (read aloud, the usual way)
have its receipts read before any bundle of its own brought its key: the key must be
one the folder's site belongs to, and the caller checks its whole fingerprint is trusted.

`holds` is the store's content vector (fieldkit.store.holdings: per site, the seq up to
which it holds every revision, the vector bundles carry as `acknowledges`). The signature
is the device's Ed25519 key over "fieldkit-receipt:" and the canonical JSON of every other
field, so a receipt cannot pass for a bundle's manifest nor the reverse.

A receipt comes from untrusted storage: read_receipt takes any bytes and either returns a
checked Receipt or raises ReceiptError saying what is wrong; a laptop that believed a
forged receipt would stop sending what no coordinator has.
"""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StrictInt, StrictStr
from pydantic_core import PydanticCustomError

from fieldkit.errors import FieldkitError
from fieldkit.store.holdings import holdings
from fieldkit.store.identity import NAME_LIMIT, site_belongs_to, verify_signature
from fieldkit.store.revisions import canonical_json
from fieldkit.store.snapshot import snapshot
from fieldkit.sync import models

if TYPE_CHECKING:
    from fieldkit.store import Store

FORMAT = 1
MAX_SITES = 10_000
MAX_SEQ = 1 << 53  # exact in every JSON reader, JavaScript's too
MAX_BYTES = 2 << 20  # 10,000 sites of 32 hex digits and a seq are ~600 kB
FUTURE_TOLERANCE = timedelta(days=1)  # laptops' clocks are often wrong, by hours rather than days
SIGNED_PREFIX = b"fieldkit-receipt:"

NOT_JSON = "The receipt is not UTF-8 JSON ({detail})."
TOO_BIG = "The receipt is larger than {limit} bytes."
BAD_FIELD = "The receipt's {field} {problem} (value: {found})."
OTHER_SITE = "The receipt is signed for device {found}, but it lies in the folder of device {site_id}."
OTHER_KEY = "The receipt carries a key of another device than {site_id}."
BAD_SIGNATURE = "The receipt's signature does not match the key trusted for device {site_id}: it was altered or forged."
FUTURE = ("The receipt says it was made at {created}, more than a day from now: the clock of the device that made "
          "it is wrong.")
TOO_MANY_SITES = "This store holds revisions of more than {limit} devices; a receipt cannot list them all."


class ReceiptError(FieldkitError):
    """A receipt that cannot be believed (or made): what is wrong, in the person's language."""

    kind = "receipt"
    message_values = ("problem",)


def _iso_time(text: str) -> str:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise PydanticCustomError("malformed", "not an ISO time") from None
    try:
        moment.astimezone(UTC)  # year 9999 at UTC-23:59 is past what datetime can hold
    except (ValueError, OverflowError):
        raise PydanticCustomError("malformed", "out of range") from None
    if moment.tzinfo is None:
        raise PydanticCustomError("malformed", "no time zone")
    return text


SiteId = models.Hex32
Device = Annotated[models.Text, Field(min_length=1, max_length=NAME_LIMIT)]
Created = Annotated[StrictStr, Field(max_length=40), AfterValidator(_iso_time)]
HeldSeq = Annotated[StrictInt, Field(ge=0, le=MAX_SEQ)]


class Receipt(BaseModel):
    """A receipt, checked (read_receipt also checks its signature and site)."""

    model_config = ConfigDict(strict=True, extra="forbid", hide_input_in_errors=True, frozen=True)

    format: Literal[1]
    site_id: SiteId
    device: Device
    public_key: models.Key32
    created: Created
    holds: Annotated[dict[SiteId, HeldSeq], Field(max_length=MAX_SITES)]
    signature: models.Signature64

    @property
    def created_at(self) -> datetime:
        return datetime.fromisoformat(self.created)

    @property
    def key(self) -> bytes:
        return base64.b64decode(self.public_key)


def make_receipt(store: Store) -> bytes:
    """This store's receipt: its content vector, signed with its device key."""
    with snapshot(store) as connection:
        vector = holdings(connection)
    if len(vector) > MAX_SITES:
        raise ReceiptError(TOO_MANY_SITES, limit=MAX_SITES)
    identity = store.identity
    body: dict[str, Any] = {"format": FORMAT, "site_id": identity.site_id, "device": identity.device_name,
                            "public_key": base64.b64encode(identity.public_key).decode("ascii"),
                            "created": datetime.now(UTC).isoformat(timespec="seconds"),
                            "holds": dict(sorted(vector.items()))}
    signature = identity.sign(SIGNED_PREFIX + canonical_json(body))
    return canonical_json({**body, "signature": base64.b64encode(signature).decode("ascii")})


def read_receipt(data: bytes, *, site_id: str, public_key: bytes | None, now: datetime | None = None) -> Receipt:
    """The receipt in `data`, found in the folder of `site_id` whose trusted key is
    `public_key` (None: not known yet, the receipt's own key if `site_id` belongs to it;
    the caller then checks that key's fingerprint is trusted); ReceiptError for anything
    wrong in it."""
    document = _parsed(data)
    problem = models.problem_of(Receipt, document)
    if problem is not None:
        raise ReceiptError(BAD_FIELD, **problem.values())
    receipt = Receipt.model_validate(document)
    if receipt.site_id != site_id:
        raise ReceiptError(OTHER_SITE, found=receipt.site_id, site_id=site_id)
    if receipt.key != (public_key or receipt.key) or not site_belongs_to(site_id, receipt.key):
        raise ReceiptError(OTHER_KEY, site_id=site_id)
    body = {name: value for name, value in document.items() if name != "signature"}
    if not verify_signature(receipt.key, base64.b64decode(receipt.signature), SIGNED_PREFIX + canonical_json(body)):
        raise ReceiptError(BAD_SIGNATURE, site_id=site_id)
    if receipt.created_at - (now or datetime.now(UTC)) > FUTURE_TOLERANCE:
        raise ReceiptError(FUTURE, created=receipt.created)
    return receipt


def _parsed(data: bytes) -> Any:
    if len(data) > MAX_BYTES:
        raise ReceiptError(TOO_BIG, limit=MAX_BYTES)
    try:
        return json.loads(data.decode("utf-8"), object_pairs_hook=_without_repeats, parse_constant=_no_constant,
                          parse_float=_no_float)
    except (ValueError, RecursionError) as error:  # UnicodeDecodeError, JSONDecodeError too
        raise ReceiptError(NOT_JSON, detail=_reason(error)) from None


def _without_repeats(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) != len(pairs):
        raise ValueError("a name appears twice")
    return found


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not a JSON number")


def _no_float(text: str) -> None:
    raise ValueError("a fraction where whole numbers are expected")


def _reason(error: BaseException) -> str:
    if isinstance(error, RecursionError):
        return "nested too deeply"
    if isinstance(error, UnicodeDecodeError):
        return "not UTF-8"
    return str(error)[:120]
