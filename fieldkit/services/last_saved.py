"""`jr://instance/last-saved`: the last saved submission of the same form, which ODK
forms read to prefill answers from the previous visit.

A new submission reads the instance XML of the most recent revision this device saved
of the same form: of the same commune when there is one (a delegation revisiting a
commune sees what it found there last time), else of any commune, as ODK Collect
does. Deleted records are not offered.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from fieldkit.store import records

if TYPE_CHECKING:
    from fieldkit.forms import Form
    from fieldkit.store import Store


def reads_last_saved(form: Form) -> bool:
    """Whether the form has a jr://instance/last-saved secondary instance."""
    return any(instance.last_saved for instance in form.secondary_instances.values())


def last_saved_xml(store: Store, form_id: str, commune_code: str | None) -> str | None:
    """The instance XML of this device's latest saved revision of `form_id` (the same
    commune's first), or None when it has saved none."""
    with store.read() as connection:
        return records.last_saved_instance(connection, site_id=store.identity.site_id, form_id=form_id,
                                           commune=commune_code)
