"""The sync commands of `fieldkit` (parsers and runs); fieldkit/cli.py wires them in.

bundle export OUT.fkb [--full] [--encrypt-to PUBKEY_FILE ...] · bundle import FILE_OR_DIR ... [--json]
bundle verify FILE · keys show · keys export FILE · trust FINGERPRINT_OR_KEY_FILE · untrust ...
conflicts [--json] · resolve RECORD_ID (--take REV_ID | --set PATH=VALUE ...) · status --json
Exit status: 0 done; 1 a bundle rejected (import, verify); 2 a mistake or a storage fault.
"""

from __future__ import annotations

import os
import sys

from fieldkit.i18n import language_code, translate
from fieldkit.text import echo, json_text, printable, printable_values

COMMANDS = ("bundle", "keys", "trust", "untrust", "conflicts", "resolve", "status")


def _lang() -> str:
    return language_code(os.environ.get("FIELDKIT_LANG") or "vi")


def _(message: str, **values) -> str:
    """A message in the CLI's language, its values made printable (fieldkit/text.py)."""
    return translate(message, _lang(), **printable_values(values))


def add_parsers(commands) -> None:
    import fieldkit.sync  # noqa: F401 - the Vietnamese catalogue for the help texts

    bundle = commands.add_parser("bundle", help=_("bundles: export, import, verify"))
    bundle_commands = bundle.add_subparsers(dest="bundle_command", required=True)
    export = bundle_commands.add_parser("export", help=_("write a bundle of what the coordinators have not acknowledged"))
    export.add_argument("out", metavar="OUT.fkb")
    export.add_argument("--full", action="store_true", help=_("everything this device holds, not only what is new"))
    export.add_argument("--encrypt-to", action="append", default=[], metavar="PUBKEY_FILE",
                        help=_("encrypt for a coordinator's public key file (repeat for several)"))
    imports = bundle_commands.add_parser("import", help=_("import bundles (files or folders)"))
    imports.add_argument("paths", nargs="+", metavar="FILE_OR_DIR")
    imports.add_argument("--json", action="store_true", help=_("print JSON"))
    verify = bundle_commands.add_parser("verify", help=_("check a bundle without importing it"))
    verify.add_argument("path", metavar="FILE")
    verify.add_argument("--json", action="store_true", help=_("print JSON"))
    keys = commands.add_parser("keys", help=_("this device's keys"))
    key_commands = keys.add_subparsers(dest="keys_command", required=True)
    key_commands.add_parser("show", help=_("show this device's key fingerprint"))
    key_export = key_commands.add_parser("export", help=_("write this device's public key file (for trust and encryption)"))
    key_export.add_argument("path", metavar="FILE")
    for name, text in (("trust", "trust a device by its fingerprint or its public key file"),
                       ("untrust", "revoke trust in a device")):
        command = commands.add_parser(name, help=_(text))
        command.add_argument("key", metavar="FINGERPRINT_OR_KEY_FILE")
    conflicts = commands.add_parser("conflicts", help=_("list conflicts"))
    conflicts.add_argument("--json", action="store_true", help=_("print JSON"))
    resolve = commands.add_parser("resolve", help=_("resolve a conflict with a new revision"))
    resolve.add_argument("record_id", metavar="RECORD_ID")
    how = resolve.add_mutually_exclusive_group(required=True)
    how.add_argument("--take", metavar="REV_ID", help=_("take this version as it is"))
    how.add_argument("--set", action="append", metavar="PATH=VALUE", help=_("an answer to change; repeat for several"))
    status = commands.add_parser("status", help=_("counts and the state digest"))
    status.add_argument("--json", action="store_true", help=_("print JSON"))


def run(arguments, *, refused: type[Exception], assignments) -> int:
    from fieldkit.services.coordinator import CoordinatorService

    with CoordinatorService.open(arguments.data_dir) as service:
        handler = {"bundle": _bundle, "keys": _keys, "trust": _trust, "untrust": _untrust, "conflicts": _conflicts,
                   "resolve": _resolve, "status": _status}[arguments.command]
        return handler(service, arguments, refused=refused, assignments=assignments)


def _print_json(value) -> None:
    print(json_text(value, indent=2, sort_keys=True))


def _print_report(report) -> None:
    from fieldkit.services.coordinator import RELAYED

    path = _(RELAYED) if report.path == RELAYED else report.path
    echo(_("{path}: {status}: {new} new, {present} already present, {pending} pending, {conflicts} conflicts opened",
           path=path, status=_(report.status), new=report.new, present=report.present,
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


def _bundle(service, arguments, *, refused, assignments) -> int:
    if arguments.bundle_command == "export":
        try:
            manifest = service.export(arguments.out, full=arguments.full, encrypt_to=arguments.encrypt_to)
        except (OSError, ValueError, KeyError) as error:
            raise refused(_("{path} is not a fingerprint nor a readable public key file: {error}",
                            path=", ".join(arguments.encrypt_to), error=error)) from None
        echo(_("Bundle written: {path} ({count} revisions, id {bundle_id})", path=arguments.out,
               count=manifest["count"], bundle_id=manifest["bundle_id"]))
        return 0
    reports = (service.import_paths(arguments.paths) if arguments.bundle_command == "import"
               else [service.verify(arguments.path)])
    if arguments.json:
        _print_json([report.as_dict() for report in reports])
    else:
        for report in reports:
            _print_report(report)
    return 1 if any(report.rejected for report in reports) else 0


def _keys(service, arguments, *, refused, assignments) -> int:
    from fieldkit.services.coordinator import readable_fingerprint

    if arguments.keys_command == "show":
        # the fingerprint's own lines stay: translate, not _, which would show them as \n
        echo(translate("This device: {name}\nKey fingerprint:\n{fingerprint}", _lang(),
                       name=printable(service.store.identity.device_name),
                       fingerprint=readable_fingerprint(service.store.identity.fingerprint)))
        return 0
    service.export_public_key(arguments.path)
    echo(_("Public key written to {path}", path=arguments.path))
    return 0


def _trust(service, arguments, *, refused, assignments) -> int:
    try:
        fingerprint, reports = service.trust(arguments.key)
    except (OSError, ValueError, KeyError) as error:
        raise refused(_("{path} is not a fingerprint nor a readable public key file: {error}", path=arguments.key,
                        error=error)) from None
    echo(_("Trusted: {fingerprint}", fingerprint=fingerprint))
    for report in reports:
        _print_report(report)
    return 0


def _untrust(service, arguments, *, refused, assignments) -> int:
    try:
        fingerprint = service.untrust(arguments.key)
    except (OSError, ValueError, KeyError) as error:
        raise refused(_("{path} is not a fingerprint nor a readable public key file: {error}", path=arguments.key,
                        error=error)) from None
    echo(_("Revoked: {fingerprint}", fingerprint=fingerprint))
    return 0


def _conflicts(service, arguments, *, refused, assignments) -> int:
    conflicts = service.conflicts()
    if arguments.json:
        _print_json(conflicts)
        return 0
    if not conflicts:
        echo(_("No conflicts."))
    for conflict in conflicts:
        echo(_("{record_id}: {kind} conflict, {heads} versions, shown: {winner}", record_id=conflict["record_id"],
               kind=_(conflict["kind"]), heads=len(conflict["heads"]), winner=conflict["winner"]))
        if conflict["fields"]:
            echo(_("  fields changed on both sides: {fields}", fields=", ".join(conflict["fields"])))
        if conflict["delete"]:
            echo(_("  deleted on one side"))
        for head in conflict["heads"]:
            echo(_("  {rev_id}  {device}  {author}  {hlc}", **{key: head[key] for key in
                                                                ("rev_id", "device", "author", "hlc")}))
    return 0


def _resolve(service, arguments, *, refused, assignments) -> int:
    answers = assignments(arguments.set) if arguments.set else None
    try:
        revision = service.resolve(arguments.record_id, take=arguments.take, answers=answers)
    except (KeyError, ValueError) as error:
        raise refused(str(error).strip("'\"")) from None
    echo(_("record {record_id}: resolved by revision", record_id=arguments.record_id))
    echo(revision["rev_id"])
    return 0


def _status(service, arguments, *, refused, assignments) -> int:
    _print_json(service.status())
    return 0


if __name__ == "__main__":
    sys.exit("run through fieldkit")
