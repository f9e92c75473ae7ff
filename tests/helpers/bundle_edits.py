"""A copy of a bundle with some members replaced, its manifest edited, re-listed and
re-signed: the damaged and forged bundles the sync tests hand to an importer.
(tests/helpers/crafting.py rewrites revision lines and manifests the way an attacker would.)

Import as `from tests.helpers.bundle_edits import rewrite`.
"""

import hashlib
import json

from fieldkit.store.revisions import canonical_json
from fieldkit.sync.archive import ArchiveReader, ArchiveWriter


def rewrite(source, target, *, replace=None, sign=None, edit_manifest=None):
    """A copy of a bundle with members replaced; the manifest re-listed and re-signed with `sign`."""
    replace = replace or {}
    with ArchiveReader(source) as reader:
        members = {name: reader.read(name) for name in reader.members}
    members.update(replace)
    manifest = json.loads(members["manifest.json"])
    if sign is not None:
        manifest["files"] = [{"path": name, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
                             for name, data in members.items() if name not in ("manifest.json", "manifest.sig")]
    if edit_manifest:
        edit_manifest(manifest)
    members["manifest.json"] = canonical_json(manifest)
    if sign is not None:
        members["manifest.sig"] = sign(members["manifest.json"])
    with open(target, "wb") as file:
        writer = ArchiveWriter(file)
        for name, data in members.items():
            writer.add(name, data)
        writer.finish()
    return target
