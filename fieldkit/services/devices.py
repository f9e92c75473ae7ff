"""This device's name, for the window and the command line: what it is, whether someone
chose it (the window asks at first start until then), renaming it. Functions of a
service's store, so the survey and the coordinator services share them."""

from __future__ import annotations

from typing import Protocol

from fieldkit.services.types import ThisDevice
from fieldkit.store import Store
from fieldkit.store.identity import NAME_LIMIT, clean_device_name, saved_device_name
from fieldkit.store.naming import rename_device

__all__ = ["NAME_LIMIT", "clean_device_name", "rename", "this_device"]


class HasStore(Protocol):
    store: Store


def this_device(service: HasStore) -> ThisDevice:
    identity = service.store.identity
    return ThisDevice(name=identity.device_name, fingerprint=identity.fingerprint,
                      named=saved_device_name(service.store.data_dir) is not None)


def rename(service: HasStore, name: str) -> str:
    """Name this device; its next bundles carry the name (no signature or trust changes).
    ValueError when nothing readable is left of `name`; the name kept."""
    return rename_device(service.store, name)
