"""The drop boxes this device syncs with (the `remotes` table), their passwords in the
system keyring, and the transport each opens.

A password is never written to a file: it goes to the keyring (service "fieldkit",
user "<this device's key fingerprint>/<remote name>", so two data folders on one laptop
keep apart). Where no keyring works (a headless Linux without Secret Service), adding a
password is refused with what to install; a drop box without a password still works.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict

from fieldkit.errors import FieldkitError
from fieldkit.services import remote_messages as messages
from fieldkit.store import Store
from fieldkit.store import remotes as stored

if TYPE_CHECKING:
    from fieldkit.sync.dropbox.transport import Transport

KEYRING_SERVICE = "fieldkit"
_NAME = re.compile(r"[A-Za-z0-9_-]{1,64}")
_WEB = ("http://", "https://")


class HasStore(Protocol):
    store: Store


class RemoteRefused(FieldkitError):
    """A drop box that cannot be added or used as given; the message says what to change."""

    kind = "remote"


@dataclass(frozen=True)
class Remote:
    name: str
    url: str  # a folder path, or an http(s) URL
    user: str | None = None
    pin: str | None = None  # SHA-256 of the server's certificate, 64 hex digits

    @property
    def kind(self) -> str:
        """"folder" or "webdav"."""
        return "webdav" if self.url.lower().startswith(_WEB) else "folder"


class _StoredRemote(BaseModel):
    """A row of `remotes` as read back (the database file is the user's to edit)."""

    model_config = ConfigDict(extra="ignore", strict=True)
    name: str
    url: str
    user: str | None = None
    pin: str | None = None


def add_remote(service: HasStore, *, name: str, url: str, user: str | None = None,
               password: str | None = None, pin: str | None = None) -> Remote:
    """Add (or replace) a drop box; the password goes to the keyring, never to a file.
    RemoteRefused, saying what to change, for a name, address, user or pin that cannot be used."""
    remote = checked_remote(name=name, url=url, user=user, pin=pin)
    if password is not None and remote.user is not None:
        _keep_password(service, remote.name, password)  # first: a refused password adds nothing
    service.store.writer.call(lambda connection: stored.save_remote(
        connection, name=remote.name, url=remote.url, user=remote.user, pin=remote.pin))
    if remote.user is None:
        _forget_password(service, remote.name, quiet=True)
    return remote


def list_remotes(service: HasStore) -> list[Remote]:
    with service.store.read() as connection:
        rows = stored.remote_rows(connection)
    return [Remote(**_StoredRemote.model_validate(row).model_dump()) for row in rows]


def find_remote(service: HasStore, name: str) -> Remote:
    """The drop box `name`; RemoteRefused when there is none."""
    for remote in list_remotes(service):
        if remote.name == name:
            return remote
    raise RemoteRefused(messages.UNKNOWN_REMOTE, name=name)


def remove_remote(service: HasStore, *, name: str) -> None:
    """Forget a drop box: its row, its bookkeeping and its keyring password."""
    if not service.store.writer.call(lambda connection: stored.delete_remote(connection, name=name)):
        raise RemoteRefused(messages.UNKNOWN_REMOTE, name=name)
    _forget_password(service, name, quiet=True)


def open_transport(service: HasStore, remote: Remote, *, password: str | None = None) -> Transport:
    """The Transport for `remote`, its password read from the keyring (or `password`, one
    typed for this pass). RemoteRefused when a stored password cannot be read."""
    if remote.kind == "folder":
        from fieldkit.sync.dropbox.folder import FolderTransport

        return FolderTransport(Path(remote.url))
    from fieldkit.sync.dropbox.lan_auth import lan_signer
    from fieldkit.sync.dropbox.webdav import WebDavTransport

    if password is None and remote.user is not None:
        password = stored_password(service, remote.name)
    # a coordinator's `fieldkit serve` asks for the device's signature, other servers do not
    signer = lan_signer(service.store.identity) if remote.user is None else None
    return WebDavTransport(remote.url, user=remote.user, password=password, pinned_sha256=remote.pin, signer=signer)


# -- what a person typed ----------------------------------------------------------------

def checked_remote(*, name: str, url: str, user: str | None, pin: str | None) -> Remote:
    """The drop box as it will be stored, or RemoteRefused saying what is wrong."""
    if _NAME.fullmatch(name) is None:
        raise RemoteRefused(messages.BAD_NAME, name=name)
    if user is not None and (not user or ":" in user or not user.isprintable()):
        raise RemoteRefused(messages.BAD_USER, user=user)
    if url.lower().startswith(_WEB):
        return Remote(name=name, url=_checked_web_address(url, pin=pin, user=user), user=user,
                      pin=None if pin is None else _checked_pin(pin))
    if "://" in url:
        raise RemoteRefused(messages.NOT_AN_ADDRESS, url=url)
    folder = _checked_folder(url)
    if user is not None or pin is not None:
        raise RemoteRefused(messages.FOLDER_WITH_LOGIN, path=folder)
    return Remote(name=name, url=folder)


def _checked_web_address(url: str, *, pin: str | None, user: str | None) -> str:
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (a port that is not a number raises here)
    except ValueError:
        raise RemoteRefused(messages.NOT_AN_ADDRESS, url=url) from None
    if parts.username is not None or parts.password is not None:
        raise RemoteRefused(messages.CREDENTIALS_IN_URL, url=_without_credentials(url))
    if not parts.hostname:
        raise RemoteRefused(messages.NO_HOST, url=url)
    if pin is not None and parts.scheme.lower() != "https":
        raise RemoteRefused(messages.PIN_WITHOUT_HTTPS, url=url)
    if user is not None and parts.scheme.lower() != "https" and not _loopback(parts.hostname):
        raise RemoteRefused(messages.PASSWORD_OVER_HTTP, url=url)
    return url


def _loopback(host: str) -> bool:
    """A server on this very machine: its password never crosses a network."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _without_credentials(url: str) -> str:
    """The address as a message may show it: a password typed in it is never repeated."""
    scheme, _, rest = url.partition("://")
    return f"{scheme}://…@{rest.rpartition('@')[2]}"


def _checked_pin(pin: str) -> str:
    digits = pin.replace(":", "").replace(" ", "").lower()
    if re.fullmatch(r"[0-9a-f]{64}", digits) is None:
        raise RemoteRefused(messages.BAD_PIN, pin=pin)
    return digits


def _checked_folder(text: str) -> str:
    path = Path(text).expanduser()
    if not text or not path.is_absolute():
        raise RemoteRefused(messages.RELATIVE_FOLDER, path=text)
    if not path.exists():
        raise RemoteRefused(messages.MISSING_FOLDER, path=path)
    if not path.is_dir():
        raise RemoteRefused(messages.NOT_A_FOLDER, path=path)
    return str(path)


# -- the keyring ------------------------------------------------------------------------

def keyring_user(service: HasStore, name: str) -> str:
    """Whose password it is, in the keyring: this data folder's key, and the drop box."""
    return f"{service.store.identity.fingerprint}/{name}"


def stored_password(service: HasStore, name: str) -> str | None:
    """The drop box's password in the keyring, None when none was kept."""
    import keyring

    with _keyring_errors():
        return keyring.get_password(KEYRING_SERVICE, keyring_user(service, name))


def has_password(service: HasStore, name: str) -> bool | None:
    """Whether the keyring holds the drop box's password; None when no keyring can tell."""
    try:
        return stored_password(service, name) is not None
    except RemoteRefused:
        return None


def _keep_password(service: HasStore, name: str, password: str) -> None:
    import keyring

    user = keyring_user(service, name)
    with _keyring_errors():
        keyring.set_password(KEYRING_SERVICE, user, password)
        kept = keyring.get_password(KEYRING_SERVICE, user)
    if kept != password:  # the "null" backend accepts a password and keeps nothing
        raise RemoteRefused(messages.NO_KEYRING, detail=_backend_name())


def _forget_password(service: HasStore, name: str, *, quiet: bool) -> None:
    import keyring
    from keyring.errors import PasswordDeleteError

    try:
        with _keyring_errors():
            keyring.delete_password(KEYRING_SERVICE, keyring_user(service, name))
    except PasswordDeleteError:
        pass  # there was none
    except RemoteRefused:
        if not quiet:
            raise


@contextmanager
def _keyring_errors() -> Iterator[None]:
    """The keyring's failures as what the person must do."""
    from keyring.errors import KeyringError, KeyringLocked, NoKeyringError, PasswordDeleteError

    try:
        yield
    except NoKeyringError:
        raise RemoteRefused(messages.NO_KEYRING, detail=_backend_name()) from None
    except KeyringLocked:
        raise RemoteRefused(messages.KEYRING_LOCKED) from None
    except PasswordDeleteError:
        raise
    except KeyringError as error:
        raise RemoteRefused(messages.KEYRING_FAILED, detail=error or type(error).__name__) from None


def _backend_name() -> str:
    import keyring

    backend = keyring.get_keyring()
    return f"{type(backend).__module__}.{type(backend).__name__}"
