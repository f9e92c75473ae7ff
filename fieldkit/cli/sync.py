"""The sync commands of `fieldkit`: bundles, keys, trust, conflicts, status.

bundle export OUT.fkb [--full] [--encrypt-to PUBKEY_FILE ...] · bundle import FILE_OR_DIR ... [--json]
bundle verify FILE · keys show · keys name NAME · keys export FILE · trust FINGERPRINT_OR_KEY_FILE · untrust ...
conflicts [--json] · resolve RECORD_ID (--take REV_ID | --set PATH=VALUE ...) · status --json
Exit status: 0 done; 1 a bundle rejected (import, verify); 2 a mistake or a storage fault.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from fieldkit.cli.common import (
    Commands,
    Refused,
    _,
    add_command,
    assignments,
    language,
    on_coordinator,
    print_json,
    utf8_arguments,
)
from fieldkit.i18n import translate
from fieldkit.text import echo, printable

if TYPE_CHECKING:
    from fieldkit.services.coordinator import CoordinatorService
    from fieldkit.sync.importer import ImportReport


def add_parsers(commands: Commands) -> None:
    _add_bundle_parsers(commands)
    keys = add_command(commands, "keys", _("this device's keys"))
    key_commands = keys.add_subparsers(dest="keys_command", required=True)
    add_command(key_commands, "show", _("show this device's key fingerprint"), run=on_coordinator(_keys_show))
    key_name = add_command(key_commands, "name", _("name this device (shown beside its fingerprint and in its "
                                                   "bundles)"), run=on_coordinator(_keys_name))
    key_name.add_argument("name", metavar="NAME", help=_('e.g. "Laptop 3 — Đoàn 5"'))
    key_export = add_command(key_commands, "export",
                             _("write this device's public key file (for trust and encryption)"),
                             run=on_coordinator(_keys_export))
    key_export.add_argument("path", metavar="FILE")
    for name, text, handler in (("trust", "trust a device by its fingerprint or its public key file", _trust),
                                ("untrust", "revoke trust in a device", _untrust)):
        command = add_command(commands, name, _(text), run=on_coordinator(handler))
        command.add_argument("key", metavar="FINGERPRINT_OR_KEY_FILE")
    conflicts = add_command(commands, "conflicts", _("list conflicts"), run=_conflicts)
    conflicts.add_argument("--json", action="store_true", help=_("print JSON"))
    resolve = add_command(commands, "resolve", _("resolve a conflict with a new revision"),
                          run=on_coordinator(_resolve))
    resolve.add_argument("record_id", metavar="RECORD_ID")
    how = resolve.add_mutually_exclusive_group(required=True)
    how.add_argument("--take", metavar="REV_ID", help=_("take this version as it is"))
    how.add_argument("--set", action="append", metavar="PATH=VALUE", help=_("an answer to change; repeat for several"))
    status = add_command(commands, "status", _("counts and the state digest"), run=on_coordinator(_status))
    status.add_argument("--json", action="store_true", help=_("print JSON"))


def _add_bundle_parsers(commands: Commands) -> None:
    bundle = add_command(commands, "bundle", _("bundles: export, import, verify"))
    bundle_commands = bundle.add_subparsers(dest="bundle_command", required=True)
    export = add_command(bundle_commands, "export", _("write a bundle of what the coordinators have not acknowledged"),
                         run=on_coordinator(_bundle_export))
    export.add_argument("out", metavar="OUT.fkb")
    export.add_argument("--full", action="store_true", help=_("everything this device holds, not only what is new"))
    export.add_argument("--encrypt-to", action="append", default=[], metavar="PUBKEY_FILE",
                        help=_("encrypt for a coordinator's public key file (repeat for several)"))
    imports = add_command(bundle_commands, "import", _("import bundles (files or folders)"),
                          run=on_coordinator(_bundle_import))
    imports.add_argument("paths", nargs="+", metavar="FILE_OR_DIR")
    imports.add_argument("--json", action="store_true", help=_("print JSON"))
    verify = add_command(bundle_commands, "verify", _("check a bundle without importing it"),
                         run=on_coordinator(_bundle_verify))
    verify.add_argument("path", metavar="FILE")
    verify.add_argument("--json", action="store_true", help=_("print JSON"))


# An import report's status in words (its Vietnamese in fieldkit.sync.messages).
STATUS_WORDS = {"already_present": "already present"}


def _print_report(report: ImportReport) -> None:
    from fieldkit.services.coordinator import RELAYED

    path = _(RELAYED) if report.path == RELAYED else report.path
    echo(_("{path}: {status}: {new} new, {present} already present, {pending} pending, {conflicts} conflicts opened",
           path=path, status=_(STATUS_WORDS.get(report.status, report.status)), new=report.new, present=report.present,
           pending=report.pending, conflicts=report.conflicts_opened))
    for site_id, count in sorted(report.awaiting_trust.items()):
        echo(_("  held until device {site_id} is trusted: {count} revisions", site_id=site_id, count=count))
    for entry in report.tampering:
        echo(_("  device {site_id} made two revisions numbered {seq}: kept {kept}, the other ({other}) is kept "
               "as evidence", site_id=entry["site_id"], seq=entry["seq"], kept=entry["kept"], other=entry["other"]))
    if report.reason:
        echo(_("  reason: {reason}", reason=report.reason))
    for site_id, ranges in sorted(report.gaps.items()):
        for first, last in ranges:
            echo(_("  gap: device {site_id} revisions {first}-{last} have not arrived", site_id=site_id,
                   first=first, last=last))
    for site_id in report.clock_skew:
        echo(_("  clock of device {site_id} is far ahead: not adopted", site_id=site_id))


def _print_reports(reports: list[ImportReport], *, as_json: bool) -> int:
    if as_json:
        print_json([report.as_dict() for report in reports])
    else:
        for report in reports:
            _print_report(report)
    return 1 if any(report.rejected for report in reports) else 0


def _not_a_key(path: str, error: Exception) -> Refused:
    return Refused(_("{path} is not a fingerprint nor a readable public key file: {error}", path=path, error=error))


def _bundle_export(service: CoordinatorService, arguments: argparse.Namespace) -> int:
    try:
        manifest = service.export(arguments.out, full=arguments.full, encrypt_to=arguments.encrypt_to)
    except (OSError, ValueError, KeyError) as error:
        raise _not_a_key(", ".join(arguments.encrypt_to), error) from None
    echo(_("Bundle written: {path} ({count} revisions, id {bundle_id})", path=arguments.out,
           count=manifest["count"], bundle_id=manifest["bundle_id"]))
    return 0


def _bundle_import(service: CoordinatorService, arguments: argparse.Namespace) -> int:
    return _print_reports(service.import_paths(arguments.paths), as_json=arguments.json)


def _bundle_verify(service: CoordinatorService, arguments: argparse.Namespace) -> int:
    return _print_reports([service.verify(arguments.path)], as_json=arguments.json)


def _keys_show(service: CoordinatorService, arguments: argparse.Namespace) -> int:
    from fieldkit.services.coordinator import readable_fingerprint

    device = service.this_device()
    # the fingerprint's own lines stay: translate, not _, which would show them as \n
    echo(translate("This device: {name}\nKey fingerprint:\n{fingerprint}", language(),
                   name=printable(device.name), fingerprint=readable_fingerprint(device.fingerprint)))
    if not device.named:  # on stderr: scripts read the fingerprint's lines last on stdout
        echo(_('(named after the host: give it a name of its own with fieldkit keys name "Laptop 3 — Đoàn 5")'),
             file=sys.stderr)
    return 0


def _keys_name(service: CoordinatorService, arguments: argparse.Namespace) -> int:
    try:
        name = service.rename_device(arguments.name)
    except ValueError:
        raise Refused(_("A device name needs at least one letter or digit.")) from None
    echo(_("This device is now named {name}. Its next bundles carry the name; its key and fingerprint "
           "stay the same.", name=printable(name)))
    return 0


def _keys_export(service: CoordinatorService, arguments: argparse.Namespace) -> int:
    service.export_public_key(arguments.path)
    echo(_("Public key written to {path}", path=arguments.path))
    return 0


def _trust(service: CoordinatorService, arguments: argparse.Namespace) -> int:
    try:
        fingerprint, reports = service.trust(arguments.key)
    except (OSError, ValueError, KeyError) as error:
        raise _not_a_key(arguments.key, error) from None
    echo(_("Trusted: {fingerprint}", fingerprint=fingerprint))
    for report in reports:
        _print_report(report)
    return 0


def _untrust(service: CoordinatorService, arguments: argparse.Namespace) -> int:
    try:
        fingerprint = service.untrust(arguments.key)
    except (OSError, ValueError, KeyError) as error:
        raise _not_a_key(arguments.key, error) from None
    echo(_("Revoked: {fingerprint}", fingerprint=fingerprint))
    return 0


@utf8_arguments
def _conflicts(arguments: argparse.Namespace) -> int:
    """The conflicts, labelled from their forms (the survey service knows them)."""
    from fieldkit.services import SurveyService
    from fieldkit.services.conflicts import labelled_conflicts
    from fieldkit.services.coordinator import CoordinatorService

    with SurveyService.open(arguments.data_dir) as survey, CoordinatorService.sharing_store_of(survey) as service:
        if arguments.json:
            print_json(service.conflicts())
            return 0
        conflicts = labelled_conflicts(service, survey, language())
    if not conflicts:
        echo(_("No conflicts."))
    for conflict in conflicts:
        _print_conflict(conflict)
        _print_differing_answers(conflict)
    return 0


def _print_conflict(conflict: dict[str, Any]) -> None:
    echo(_("{record_id}: {kind} conflict, {heads} versions, shown: {winner}", record_id=conflict["record_id"],
           kind=_(conflict["kind"]), heads=len(conflict["heads"]), winner=conflict["winner"]))
    if conflict["fields"]:
        echo(_("  fields changed on both sides: {fields}", fields=", ".join(conflict["fields"])))
    if conflict["delete"]:
        echo(_("  deleted on one side"))
    for head in conflict["heads"]:
        echo(_("  {rev_id}  {device}  {author}  {hlc}", **{key: head[key] for key in
                                                            ("rev_id", "device", "author", "hlc")}))


def _print_differing_answers(conflict: dict[str, Any]) -> None:
    """Each answer the versions disagree on: the question's label, then each version's answer."""
    from fieldkit.services.conflicts import differing_answers

    for answer in differing_answers(conflict):
        if answer.label == answer.path:  # the form is not at hand, or the question has no label
            echo(_("  {path}:", path=answer.path))
        else:
            echo(_("  {label} ({path}):", label=answer.label, path=answer.path))
        for rev_id, value in answer.values.items():
            echo(_("    {rev_id}: {value}", rev_id=rev_id, value=value or _("(no answer)")))


def _resolve(service: CoordinatorService, arguments: argparse.Namespace) -> int:
    answers = assignments(arguments.set) if arguments.set else None
    try:
        revision = service.resolve(arguments.record_id, take=arguments.take, answers=answers)
    except (KeyError, ValueError) as error:
        raise Refused(str(error).strip("'\"")) from None
    echo(_("record {record_id}: resolved by revision", record_id=arguments.record_id))
    echo(revision.rev_id)
    return 0


def _status(service: CoordinatorService, arguments: argparse.Namespace) -> int:
    print_json(service.status())
    return 0
