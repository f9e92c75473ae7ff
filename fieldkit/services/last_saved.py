"""`jr://instance/last-saved`: the last saved submission of the same form, which ODK
forms read to prefill answers from the previous visit.

A new submission reads the instance XML of the most recent revision this device saved
of the same form: of the same commune when there is one (a delegation revisiting a
commune sees what it found there last time), else of any commune, as ODK Collect
does. Deleted records are not offered.
"""

from __future__ import annotations

import json

_LATEST = (
    "SELECT data FROM revisions WHERE site_id = ? AND form_id = ? AND deleted = 0 {commune}"
    "AND record_id IN (SELECT record_id FROM records WHERE deleted = 0) ORDER BY seq DESC LIMIT 1")


def reads_last_saved(form) -> bool:
    """Whether the form has a jr://instance/last-saved secondary instance."""
    return any(instance.last_saved for instance in form.secondary_instances.values())


def last_saved_xml(store, form_id: str, commune_code: str | None) -> str | None:
    """The instance XML of this device's latest saved revision of `form_id` (the same
    commune's first), or None when it has saved none."""
    with store.read() as connection:
        row = None
        if commune_code:
            row = connection.execute(_LATEST.format(commune="AND json_extract(data, '$.commune') = ? "),
                                     (store.identity.site_id, form_id, commune_code)).fetchone()
        if row is None:
            row = connection.execute(_LATEST.format(commune=""), (store.identity.site_id, form_id)).fetchone()
    if row is None:
        return None
    return json.loads(row[0]).get("instance_xml") or None
