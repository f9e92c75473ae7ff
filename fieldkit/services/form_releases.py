"""Form releases: a coordinator publishes a form, or a new version of one, and it travels
to the laptops in a bundle (docs/sync.md, "Forms travel").

A release is nothing more than a signed bundle whose manifest carries the form version
(with or without revisions): every pull already imports it with every check, a laptop
keeps it only from a device it trusts, and then offers the newest version for new
submissions while drafts and records keep the version they were made with. Publishing
keeps the form and notes it in the `published_forms` setting; the sync pass puts it in
each drop box once (`form_releases_sent`, per remote), and `bundle export` always
carries every published form (an XForm is small). Qt-free.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection
from pathlib import Path
from typing import TYPE_CHECKING

from fieldkit.errors import FieldkitError
from fieldkit.services.form_release_messages import NO_VERSION, NOT_NEWER
from fieldkit.store import tables

if TYPE_CHECKING:
    from fieldkit.services.survey import SurveyService
    from fieldkit.services.types import FormEntry
    from fieldkit.store import Store

FormVersion = tuple[str, str]  # (form_id, version)
PUBLISHED = "published_forms"  # [[form_id, version], ...] in the order published
SENT = "form_releases_sent"  # {remote: [[form_id, version], ...]}: put in that drop box


class PublishRefused(FieldkitError):
    kind = "refused"


def publish_form(survey: SurveyService, path: Path | str) -> FormEntry:
    """Load and compile the form file at `path` (FormError, naming the file, when it is
    broken), keep it and mark it published. Refused (PublishRefused) when it has no
    version, or one not newer than the latest this data folder holds of that form."""
    from fieldkit.forms import load_form
    from fieldkit.services.survey import version_key

    path = Path(path)
    form = load_form(path)
    form.compiled  # noqa: B018 - a form whose expressions do not compile is refused here
    version = form.version or ""
    if not version:
        raise PublishRefused(NO_VERSION, path=path, form_id=form.id)
    with survey.store.read() as connection:
        known = [row["version"] for row in tables.form_rows(connection) if row["form_id"] == form.id]
    newest = max(known, key=version_key, default=None)
    if newest is not None and version_key(version) <= version_key(newest):
        raise PublishRefused(NOT_NEWER, path=path, form_id=form.id, version=version, known=newest)
    entry = survey.keep_form(form, path=path)
    survey.store.writer.call(lambda connection: _note(connection, PUBLISHED, (form.id, version)))
    return entry


def published_forms(store: Store) -> list[FormVersion]:
    """The form versions this device published, in the order published."""
    return _versions(store.setting(PUBLISHED) or [])


def unsent_releases(store: Store, *, remote: str) -> list[FormVersion]:
    """The published form versions not yet put in the drop box `remote`."""
    sent = set(_versions((store.setting(SENT) or {}).get(remote, [])))
    return [release for release in published_forms(store) if release not in sent]


def mark_sent(store: Store, *, remote: str, releases: Collection[FormVersion]) -> None:
    """Note that `releases` are in the drop box `remote` (after the put: a crash before
    costs one more small bundle, never a release that does not go)."""
    if not releases:
        return

    def note(connection: sqlite3.Connection) -> None:
        sent = tables.get_setting(connection, SENT, {}) or {}
        known = _versions(sent.get(remote, []))
        sent[remote] = [list(release) for release in known + [r for r in releases if r not in known]]
        tables.put_setting(connection, SENT, sent)

    store.writer.call(note)


def _note(connection: sqlite3.Connection, key: str, release: FormVersion) -> None:
    known = _versions(tables.get_setting(connection, key, []) or [])
    if release not in known:
        tables.put_setting(connection, key, [list(item) for item in [*known, release]])


def _versions(rows: list[list[str]]) -> list[FormVersion]:
    return [(str(row[0]), str(row[1])) for row in rows]
