"""A coordinator's signed receipt: made from a real store, believed only when whole, signed
by the trusted key, in its own folder and not dated in the future."""

import base64
import json
from datetime import UTC, datetime, timedelta

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldkit.store.revisions import canonical_json
from fieldkit.sync.dropbox.receipts import SIGNED_PREFIX, Receipt, ReceiptError, make_receipt, read_receipt
from tests.helpers.sync_devices import Device


@pytest.fixture
def devices(tmp_path):
    laptop, coordinator = Device(tmp_path, "Laptop 3"), Device(tmp_path, "Điều phối viên")
    coordinator.trusts(laptop)
    yield laptop, coordinator
    laptop.close()
    coordinator.close()


@pytest.fixture
def receipt(devices, tmp_path):
    """The coordinator's receipt after importing the laptop's two submissions."""
    laptop, coordinator = devices
    laptop.save({"/data/ten": "Cầu Đông"})
    laptop.save({"/data/ten": "Trạm y tế"})
    coordinator.import_(laptop.export(tmp_path / "laptop.fkb"))
    return make_receipt(coordinator.store)


def read(data: bytes, coordinator) -> Receipt:
    return read_receipt(data, site_id=coordinator.site_id, public_key=coordinator.store.identity.public_key)


def resigned(document: dict, key: Ed25519PrivateKey) -> bytes:
    body = {name: value for name, value in document.items() if name != "signature"}
    signature = key.sign(SIGNED_PREFIX + canonical_json(body))
    return canonical_json({**body, "signature": base64.b64encode(signature).decode("ascii")})


def test_a_receipt_made_by_a_store_says_what_it_holds(devices, receipt):
    laptop, coordinator = devices
    checked = read(receipt, coordinator)
    assert checked.site_id == coordinator.site_id
    assert checked.device == "Điều phối viên"
    assert checked.holds == {laptop.site_id: 2}
    assert abs(checked.created_at - datetime.now(UTC)) < timedelta(minutes=1)


def refusal(data: bytes, coordinator) -> str:
    with pytest.raises(ReceiptError) as refused:
        read(data, coordinator)
    return refused.value.text("en")


def test_a_changed_number_breaks_the_signature(devices, receipt):
    laptop, coordinator = devices
    document = json.loads(receipt)
    document["holds"][laptop.site_id] = 99
    message = refusal(canonical_json(document), coordinator)
    assert message == (f"The receipt's signature does not match the key trusted for device {coordinator.site_id}: "
                       "it was altered or forged.")


def test_a_receipt_signed_by_another_key_is_refused(devices, receipt):
    _laptop, coordinator = devices
    forged = resigned(json.loads(receipt), Ed25519PrivateKey.generate())
    assert "altered or forged" in refusal(forged, coordinator)


def test_a_receipt_in_another_devices_folder_is_refused(devices, receipt):
    laptop, coordinator = devices
    with pytest.raises(ReceiptError) as refused:
        read_receipt(receipt, site_id=laptop.site_id, public_key=laptop.store.identity.public_key)
    assert refused.value.text("en") == (f"The receipt is signed for device {coordinator.site_id}, but it lies in "
                                        f"the folder of device {laptop.site_id}.")
    assert refused.value.text("vi").startswith("Biên nhận được ký cho thiết bị")


def test_a_receipt_dated_tomorrow_and_more_is_refused(devices, receipt, tmp_path):
    _laptop, coordinator = devices
    key = _private_key_of(coordinator)
    document = json.loads(receipt)
    document["created"] = (datetime.now(UTC) + timedelta(days=1, hours=1)).isoformat(timespec="seconds")
    message = refusal(resigned(document, key), coordinator)
    assert message.startswith(f"The receipt says it was made at {document['created']}, more than a day from now")
    document["created"] = (datetime.now(UTC) + timedelta(hours=20)).isoformat(timespec="seconds")
    assert read(resigned(document, key), coordinator).created == document["created"]


@pytest.mark.parametrize(("change", "expected"), [
    (lambda document: document.update(extra=1), "The receipt's extra is not allowed here (value: 1)."),
    (lambda document: document.update(format=2), "The receipt's format has a value that is not allowed"),
    (lambda document: document.update(device="\ud800"), "The receipt's device is not valid Unicode text"),
    (lambda document: document["holds"].update({"0" * 32: 2 ** 53 + 1}),
     f"The receipt's holds['{'0' * 32}'] is out of range (value: 9007199254740993)."),
    (lambda document: document["holds"].update({"0" * 32: 1.0}), "The receipt is not UTF-8 JSON"),
    (lambda document: document["holds"].update({"ABC": 1}), "The receipt's holds"),
    (lambda document: document.update(holds={f"{site:032x}": 1 for site in range(10_001)}),
     "The receipt's holds has the wrong length"),
    (lambda document: document.update(created="yesterday"), "The receipt's created is malformed"),
    (lambda document: document.update(created="2025-01-01T10:00:00"), "The receipt's created is malformed"),
    (lambda document: document.update(created="9999-12-31T23:59:59-23:59"), "The receipt's created is malformed"),
    (lambda document: document.update(device="x" * 81), "The receipt's device has the wrong length"),
    (lambda document: document.pop("signature"), "The receipt's signature is missing"),
])
def test_each_tampering_is_refused_with_its_message(devices, receipt, change, expected):
    _laptop, coordinator = devices
    document = json.loads(receipt)
    change(document)
    data = json.dumps(document).encode("utf-8", "surrogatepass")
    assert refusal(data, coordinator).startswith(expected)


@pytest.mark.parametrize(("data", "detail"), [
    (b"\xff\xfe{}", "not UTF-8"), (b"{", "Expecting"), (b'{"a": 1, "a": 2}', "a name appears twice"),
    (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"), (b'{"format": NaN}', "NaN is not a JSON number"),
    (b'{"format": 1' + b"0" * 5000 + b"}", "Exceeds the limit"),
])
def test_bytes_that_are_not_json_are_refused(devices, data, detail):
    _laptop, coordinator = devices
    message = refusal(data, coordinator)
    assert message.startswith("The receipt is not UTF-8 JSON (")
    assert detail in message


def test_a_huge_receipt_is_refused_before_it_is_parsed(devices):
    _laptop, coordinator = devices
    assert refusal(b" " * (3 << 20), coordinator) == "The receipt is larger than 2097152 bytes."


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
                           lambda children: st.lists(children, max_size=4)
                           | st.dictionaries(st.text(max_size=40), children, max_size=6), max_leaves=20)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=300) | json_values.map(lambda value: json.dumps(value).encode("utf-8", "surrogatepass")),
       keep=st.sampled_from(["format", "site_id", "device", "created", "holds", "signature"]))
def test_bytes_an_attacker_chose_never_raise_anything_but_a_receipt_error(devices, receipt, data, keep):
    _laptop, coordinator = devices
    for attempt in (data, _with_field(receipt, keep, data)):
        try:
            read(attempt, coordinator)
        except ReceiptError:
            pass


def _with_field(receipt: bytes, name: str, data: bytes) -> bytes:
    """The real receipt with one field replaced by the attacker's value, when it is JSON."""
    try:
        value = json.loads(data)
    except ValueError:
        return data
    return json.dumps({**json.loads(receipt), name: value}).encode("utf-8", "surrogatepass")


def _private_key_of(device) -> Ed25519PrivateKey:
    pem = (device.store.path.parent / "device_key.pem").read_bytes()
    key = serialization.load_pem_private_key(pem, password=None)
    assert isinstance(key, Ed25519PrivateKey)
    return key
