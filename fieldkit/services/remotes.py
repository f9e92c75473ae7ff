"""The drop boxes this device syncs with (the `remotes` table), their passwords in the
system keyring, and the transport each opens.

STUB (issue 14, being built): signatures are the contract the CLI and the window use.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fieldkit.services.coordinator import CoordinatorService
    from fieldkit.sync.dropbox.transport import Transport


@dataclass(frozen=True)
class Remote:
    name: str
    url: str  # a folder path, or an http(s) URL
    user: str | None = None
    pin: str | None = None  # SHA-256 of the server's certificate, 64 hex digits

    @property
    def kind(self) -> str:
        """"folder" or "webdav"."""
        raise NotImplementedError


def add_remote(service: CoordinatorService, *, name: str, url: str, user: str | None = None,
               password: str | None = None, pin: str | None = None) -> Remote:
    """Add (or replace) a drop box; the password goes to the keyring, never to a file."""
    raise NotImplementedError


def list_remotes(service: CoordinatorService) -> list[Remote]:
    raise NotImplementedError


def remove_remote(service: CoordinatorService, *, name: str) -> None:
    """Forget a drop box: its row, its bookkeeping and its keyring password."""
    raise NotImplementedError


def open_transport(service: CoordinatorService, remote: Remote) -> Transport:
    """The Transport for `remote`, its password read from the keyring."""
    raise NotImplementedError
