"""`fieldkit serve`: share this coordinator's drop box with the laptops in the same room
(a LAN or a phone hotspot, no internet needed), and import what they send.

serve [--port N] [--quota MB] [--bind ADDRESS] [--no-announce] · serve --list
Exit status: 0 stopped with Ctrl+C (or --list done); 2 a mistake (the port is taken).

The drop box is <data_dir>/lan-dropbox/. After uploads arrive (once they pause for a
moment), the coordinator runs one sync pass against that folder with FolderTransport,
as against any drop box: it imports the trusted laptops' bundles and writes its own
receipt there, which the laptops read to learn what was received.
"""

from __future__ import annotations

import argparse
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from fieldkit.cli.common import Commands, Refused, _, add_command, utf8_arguments
from fieldkit.text import echo

if TYPE_CHECKING:
    from fieldkit.services.coordinator import CoordinatorService
    from fieldkit.services.lan_share import LanShare

SETTLE_SECONDS = 2.0  # a laptop's push is several files: import once they stop coming
LONGEST_SETTLE = 30.0


def add_parsers(commands: Commands) -> None:
    serve = add_command(commands, "serve", _("share this computer's drop box with the laptops on this network "
                                             "(no internet needed)"), run=utf8_arguments(_run))
    serve.add_argument("--port", type=int, default=8470, help=_("the port to listen on (default: 8470)"))
    serve.add_argument("--quota", type=int, default=200, metavar="MB",
                       help=_("the most each laptop may have here that this computer has not imported yet, "
                              "in megabytes (default: 200)"))
    serve.add_argument("--bind", default="0.0.0.0", metavar="ADDRESS",
                       help=_("the address to listen on (default: every network of this computer)"))
    serve.add_argument("--no-announce", action="store_true",
                       help=_("do not announce this computer on the network (laptops then type its address)"))
    serve.add_argument("--list", action="store_true",
                       help=_("list the coordinators sharing a drop box on this network, then stop"))


def _run(arguments: argparse.Namespace) -> int:
    if arguments.list:
        return _list_coordinators()
    if not 0 <= arguments.port <= 65535 or arguments.quota < 1:
        raise Refused(_("--port must be 0 to 65535 and --quota at least 1 MB."))
    from fieldkit.services.coordinator import CoordinatorService

    with CoordinatorService.open(arguments.data_dir) as service:
        return _serve(service, arguments)


def _list_coordinators() -> int:
    from fieldkit.sync.dropbox.discovery import browse

    found = browse(seconds=3.0)
    if not found:
        _say(_("No coordinator answered on this network. Ask for the address `fieldkit serve` printed."))
    for entry in found:
        _say(_("{device} (device {site_id}): {urls}", device=entry.device, site_id=entry.site_id,
               urls=", ".join(entry.urls)))
    return 0


def _serve(service: CoordinatorService, arguments: argparse.Namespace) -> int:
    from fieldkit.services.lan_share import LAN_FOLDER, ShareRefused, start_share

    root = Path(service.store.data_dir) / LAN_FOLDER
    arrivals = ImportOnArrival(lambda: import_arrivals(service, root))
    try:
        share = start_share(service, host=arguments.bind, port=arguments.port, quota=arguments.quota << 20,
                            announce=not arguments.no_announce, on_arrival=arrivals.arrived)
    except ShareRefused as refused:
        raise Refused(_("Cannot listen on {address} port {port} ({error}). Is another `fieldkit serve` running? "
                        "Choose another port with --port.", address=arguments.bind, port=arguments.port,
                        error=refused.error.strerror or refused.error)) from None
    try:
        _print_addresses(share)
        if share.announce_error is not None:
            _say(_("Could not announce this computer on the network ({error}); laptops can still type the "
                   "address.", error=share.announce_error))
        _say(_("Press Ctrl+C to stop."))
        arrivals.run()
    except KeyboardInterrupt:
        _say(_("Stopped sharing the drop box."))
    finally:
        share.stop()
    return 0


def _print_addresses(share: LanShare) -> None:
    urls = share.urls()
    _say(_("Sharing the drop box on port {port}. Laptops add one of these addresses:", port=share.port))
    for url in urls:
        _say(f"    {url}")
    if not urls:
        _say(_("    (no network found: connect this computer to the Wi-Fi or the hotspot)"))
    _say(_("This coordinator's key fingerprint (laptops compare it): {fingerprint}", fingerprint=share.fingerprint))


def import_arrivals(service: CoordinatorService, root: Path) -> None:
    """One sync pass against the served folder: import what arrived, write the receipt."""
    from fieldkit.services import lan_share

    report = lan_share.import_arrivals(service, root)
    imported = sum(1 for entry in report.imported if entry.status == "imported")
    _say(_("Imported {count} bundles from the laptops.", count=imported))
    if report.error is not None:
        _say(str(report.error))


def _say(text: str) -> None:
    """A line printed at once: serving runs for hours, and its output is often piped."""
    echo(text)
    sys.stdout.flush()


class ImportOnArrival:
    """Runs `import_pass` once now, then after each burst of arrivals (waiting, not polling)."""

    def __init__(self, import_pass: Callable[[], None], *, settle: float = SETTLE_SECONDS) -> None:
        self._import_pass, self._settle = import_pass, settle
        self._arrived = threading.Event()
        self.stopping = threading.Event()

    def arrived(self) -> None:
        self._arrived.set()

    def stop(self) -> None:
        self.stopping.set()
        self._arrived.set()

    def run(self) -> None:
        self._import_pass()
        while not self.stopping.is_set():
            self._arrived.wait()
            self._settled()
            if not self.stopping.is_set():
                self._import_pass()

    def _settled(self) -> None:
        """Returns once no file arrived for `settle` seconds (or after LONGEST_SETTLE)."""
        waited = 0.0
        self._arrived.clear()
        while waited < LONGEST_SETTLE and self._arrived.wait(timeout=self._settle):
            self._arrived.clear()
            waited += self._settle
