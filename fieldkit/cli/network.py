"""The network sync commands of `fieldkit`: the drop boxes, and syncing with them.

remote add NAME URL [--user U] [--pin SHA256] [--password-stdin] · remote list [--json] · remote remove NAME
sync [--remote NAME ...] [--watch] [--json]
Exit status of sync: 0 every drop box's pass completed; 1 one failed; 2 a mistake (no drop box configured).
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from fieldkit.cli.common import Commands, Refused, _, add_command, on_coordinator, print_json
from fieldkit.errors import FieldkitError
from fieldkit.text import echo

if TYPE_CHECKING:
    from fieldkit.services.coordinator import CoordinatorService
    from fieldkit.services.network_sync import SyncReport
    from fieldkit.services.remotes import Remote
    from fieldkit.sync.dropbox.backoff import Backoff

WATCH_SLEEP: Callable[[float], None] = time.sleep  # what --watch waits with (a test puts its own)


def add_parsers(commands: Commands) -> None:
    remote = add_command(commands, "remote", _("the drop boxes this device syncs with"))
    remote_commands = remote.add_subparsers(dest="remote_command", required=True)
    add = add_command(remote_commands, "add", _("add a drop box (or change one): a WebDAV address or a folder"),
                      run=on_coordinator(_remote_add))
    add.add_argument("name", metavar="NAME", help=_("a short name: letters without accents, digits, - and _"))
    add.add_argument("url", metavar="URL", help=_("https://server/folder of a WebDAV server, or a folder's full path"))
    add.add_argument("--user", help=_("the user name on the server (the password goes to the system keyring)"))
    add.add_argument("--pin", metavar="SHA256",
                     help=_("the SHA-256 fingerprint of the server's own certificate (https:// only)"))
    add.add_argument("--password-stdin", action="store_true",
                     help=_("read the password from standard input instead of asking for it"))
    listing = add_command(remote_commands, "list", _("list the drop boxes (never their passwords)"),
                          run=on_coordinator(_remote_list))
    listing.add_argument("--json", action="store_true", help=_("print JSON"))
    remove = add_command(remote_commands, "remove", _("forget a drop box, what was noted of it and its password"),
                         run=on_coordinator(_remote_remove))
    remove.add_argument("name", metavar="NAME")
    sync = add_command(commands, "sync", _("sync with the drop boxes: send what is new, receive and import, read "
                                           "receipts"), run=on_coordinator(_sync))
    sync.add_argument("--remote", action="append", default=[], metavar="NAME",
                      help=_("only this drop box; repeat for several (default: every one)"))
    sync.add_argument("--watch", action="store_true",
                      help=_("keep syncing: again every few minutes, later after a failure; Ctrl+C stops"))
    sync.add_argument("--json", action="store_true", help=_("print JSON"))


# -- remote ------------------------------------------------------------------------------

def _remote_add(service: CoordinatorService, arguments: argparse.Namespace) -> int:
    from fieldkit.services import remotes

    # checked before a password is asked for, so that a typo costs no typing
    remotes.checked_remote(name=arguments.name, url=arguments.url, user=arguments.user, pin=arguments.pin)
    password = _typed_password(arguments)
    remote = remotes.add_remote(service, name=arguments.name, url=arguments.url, user=arguments.user,
                                password=password, pin=arguments.pin)
    echo(_("Drop box {name} added: {url}", name=remote.name, url=remote.url))
    if remote.user is not None:
        echo(_("  user {user}; password: {password}", user=remote.user,
               password=_password_state(remotes.has_password(service, remote.name))))
    if remote.pin is not None:
        echo(_("  certificate pinned: SHA-256 {pin}", pin=remote.pin))
    return 0


def _typed_password(arguments: argparse.Namespace) -> str | None:
    """The password from standard input, or asked for on a terminal; None: none given."""
    if arguments.password_stdin:
        if arguments.user is None:
            raise Refused(_("--password-stdin needs --user: whose password is it?"))
        return sys.stdin.readline().rstrip("\r\n") or None  # an empty line: no password, asked at each sync
    if arguments.user is None or not sys.stdin.isatty():
        return None
    typed = getpass.getpass(_("Password of {user} (empty: ask at each sync): ", user=arguments.user))
    return typed or None


def _password_state(stored: bool | None) -> str:
    if stored is None:
        return _("no system keyring (asked at each sync)")
    return _("kept in the system keyring") if stored else _("not kept (asked at each sync)")


def _remote_list(service: CoordinatorService, arguments: argparse.Namespace) -> int:
    from fieldkit.services import remotes

    found = remotes.list_remotes(service)
    stored = {remote.name: remotes.has_password(service, remote.name) if remote.user else False
              for remote in found}
    if arguments.json:
        print_json([{"name": remote.name, "kind": remote.kind, "url": remote.url, "user": remote.user,
                     "pin": remote.pin, "password_stored": stored[remote.name]} for remote in found])
        return 0
    if not found:
        echo(_("No drop box yet. Add one with: fieldkit remote add NAME URL"))
    for remote in found:
        echo(f"{remote.name}  {_('folder') if remote.kind == 'folder' else 'WebDAV'}  {remote.url}")
        if remote.user is not None:
            echo(_("  user {user}; password: {password}", user=remote.user,
                   password=_password_state(stored[remote.name])))
        if remote.pin is not None:
            echo(_("  certificate pinned: SHA-256 {pin}", pin=remote.pin))
    return 0


def _remote_remove(service: CoordinatorService, arguments: argparse.Namespace) -> int:
    from fieldkit.services import remotes

    remotes.remove_remote(service, name=arguments.name)
    echo(_("Drop box {name} forgotten, with its password and what was noted of it; nothing in it was deleted.",
           name=arguments.name))
    return 0


# -- sync --------------------------------------------------------------------------------

def _sync(service: CoordinatorService, arguments: argparse.Namespace) -> int:
    from fieldkit.sync.dropbox.backoff import Backoff

    chosen = _chosen_remotes(service, arguments.remote)
    passwords: dict[str, str | None] = {}

    def one_pass() -> int:
        reports = [_sync_remote(service, remote, passwords) for remote in chosen]
        _print_sync(reports, as_json=arguments.json)
        return 0 if all(report.complete for report in reports) else 1

    if not arguments.watch:
        return one_pass()
    return watch(one_pass, backoff=Backoff(), sleep=WATCH_SLEEP, quiet=arguments.json)


def _chosen_remotes(service: CoordinatorService, names: list[str]) -> list[Remote]:
    from fieldkit.services import remotes

    configured = remotes.list_remotes(service)
    if not configured:
        raise Refused(_("No drop box is configured. Add one with: fieldkit remote add NAME URL "
                        "(a WebDAV address such as https://server/folder, or a folder's full path)"))
    return [remotes.find_remote(service, name) for name in dict.fromkeys(names)] if names else configured


def _sync_remote(service: CoordinatorService, remote: Remote, passwords: dict[str, str | None]) -> SyncReport:
    """One pass with `remote`; a drop box that cannot be opened is a failed pass, not a stop."""
    from fieldkit.services import network_sync, remotes
    from fieldkit.sync.dropbox.transport import DropBoxError

    try:
        if remote.name not in passwords:
            passwords[remote.name] = _asked_password(service, remote)
        transport = remotes.open_transport(service, remote, password=passwords[remote.name])
    except DropBoxError as error:  # an address the transport refuses (the table was edited by hand)
        return network_sync.SyncReport(remote=remote.name, error=error)
    except FieldkitError as error:  # the keyring could not give the password
        return network_sync.SyncReport(remote=remote.name, error=DropBoxError(
            error.message, reason="unauthorized", **error.values))
    with contextlib.closing(transport):
        return network_sync.sync_once(service, transport, remote=remote.name)


def _asked_password(service: CoordinatorService, remote: Remote) -> str | None:
    """A password typed now, for a user whose password the keyring does not hold (on a terminal)."""
    from fieldkit.services import remotes

    if remote.user is None or remotes.has_password(service, remote.name) or not sys.stdin.isatty():
        return None
    return getpass.getpass(_("Password of {user} for the drop box {name}: ", user=remote.user,
                             name=remote.name)) or None


def _print_sync(reports: list[SyncReport], *, as_json: bool) -> None:
    if as_json:
        print_json([_report_json(report) for report in reports])
        return
    for report in reports:
        _print_one(report)


def _print_one(report: SyncReport) -> None:
    from fieldkit.cli.sync import _print_report

    new = sum(imported.new for imported in report.imported)
    echo(_("{remote}: sent {bundles} bundles ({revisions} revisions); received {received} bundles ({new} new "
           "revisions); receipts read: {receipts}", remote=report.remote, bundles=report.sent_bundles,
           revisions=report.sent_revisions, received=len(report.imported), new=new, receipts=len(report.receipts)))
    for receipt in report.receipts:
        echo(_("  received by {device} (as of {created})", device=receipt.device, created=receipt.created))
    for site_id, why in sorted(report.bad_receipts.items()):
        echo(_("  the receipt of device {site_id} was skipped: {why}", site_id=site_id, why=why))
    for imported in report.imported:
        if imported.rejected or imported.status == "quarantined":
            _print_report(imported)
    if report.error is not None:
        echo(_("{remote}: sync failed: {error}", remote=report.remote, error=report.error), file=sys.stderr)


def _report_json(report: SyncReport) -> dict[str, object]:
    error = report.error
    return {"remote": report.remote, "complete": report.complete, "sent_bundles": report.sent_bundles,
            "sent_revisions": report.sent_revisions, "imported": [imported.as_dict() for imported in report.imported],
            "receipts": [{"site_id": receipt.site_id, "device": receipt.device, "created": receipt.created}
                         for receipt in report.receipts],
            "bad_receipts": report.bad_receipts,
            "error": None if error is None else {"reason": error.reason, "message": str(error)}}


def watch(one_pass: Callable[[], int], *, backoff: Backoff, sleep: Callable[[float], None],
          quiet: bool = False) -> int:
    """Run `one_pass` again and again, waiting as `backoff` says; Ctrl+C ends it with the
    last pass's exit status (1 if none finished)."""
    status = 1
    try:
        while True:
            status = one_pass()
            delay = backoff.next_delay(success=status == 0)
            if not quiet:
                echo(_("Next sync in {minutes} min (Ctrl+C stops).", minutes=_minutes(delay)))
            sleep(delay)
    except KeyboardInterrupt:
        if not quiet:
            echo(_("Stopped."))
        return status


def _minutes(seconds: float) -> str:
    return f"{seconds / 60:.1f}".rstrip("0").rstrip(".")
