"""Why a bundle is refused, in plain words, Vietnamese first.

Each refusal names the verification step it failed (DESIGN.md §5 order), so a report can
say where a bundle went wrong, and a test can check that nothing later ran.
"""

from __future__ import annotations

from fieldkit.errors import FieldkitError

# the verification steps, in the order the importer runs them
STEPS = ("size", "signature", "signer", "version", "hash", "decrypt", "revision", "stage", "commit")


class BundleError(FieldkitError):
    """A bundle that cannot be used. `step` is one of STEPS; `text(lang)` the message.
    A `problem` value (fieldkit.sync.models.FieldProblem) is a message of its own."""

    kind = "bundle_refused"
    message_values = ("problem",)

    def __init__(self, message: str, *, step: str, lang: str | None = None, **values: object) -> None:
        self.step = step
        super().__init__(message, lang=lang, **values)


class CheckerStopped(BundleError):
    """The revision checks could not finish (their worker process died): the import
    failed, the bundle was not refused."""

    kind = "checker_stopped"


# size limits and archive structure
NOT_A_BUNDLE = "{path} is not a fieldkit bundle, or it is damaged or truncated ({detail})."
TOO_LARGE = "{path}: {what} is {size} bytes, more than the {limit} bytes a bundle may hold."
BAD_MEMBER = "{path}: the bundle holds a file with a name that is not allowed: {name!r}."
DUPLICATE_MEMBER = "{path}: the bundle holds the file {name!r} twice."
MISSING_MEMBER = "{path}: the bundle lacks {name}."
BAD_MANIFEST = "{path}: the bundle's manifest is not valid ({detail})."
# a field of the manifest, of a revision line: what and where (fieldkit.sync.models.FieldProblem)
BAD_MANIFEST_FIELD = "{path}: the bundle's manifest is not valid: {field} {problem} (value: {found})."
BAD_REVISION_FIELD = "{path}: {name}, line {line}: the revision's {field} {problem} (value: {found})."
CLOCK_ERROR = ("{path}: {name}, line {line}: its time {hlc} is after the year 9999: the clock of the device "
               "that made it is wrong.")
# signature and signer
BAD_SIGNATURE = "{path}: the bundle's signature does not match its content: it was altered or damaged."
UNKNOWN_SIGNER = ("{path}: signed by a device that is not trusted yet ({device}, key {fingerprint}). "
                  "It is kept in quarantine; trust the key after checking the fingerprint on that laptop.")
REVOKED_SIGNER = "{path}: signed by a device whose trust was revoked ({device}, key {fingerprint})."
# versions
NEWER_FORMAT = ("{path} was made by a newer fieldkit (bundle format {version}); "
                "update the app to import it.")
# content
HASH_MISMATCH = "{path}: {name} does not match the manifest: the bundle was altered or damaged."
FORM_NOT_TEXT = "{path}: {name} is not UTF-8 text."
UNLISTED_MEMBER = "{path}: {name} is in the bundle but not in its manifest."
NOT_FOR_US = "{path} is encrypted for other coordinators; this device cannot open it."
WRONG_KEY = "{path}: the bundle could not be decrypted with this device's key ({name})."
CHUNK_TOO_LARGE = "{path}: {name} expands to more than {limit} bytes."
BAD_REVISION = "{path}: {name} holds a revision that is not valid ({detail})."
BAD_REVISION_SIGNATURE = "{path}: {name} holds a revision whose signature does not match (revision {rev_id})."
REVOKED_REVISION = "{path}: {name} holds new revisions of a revoked device ({site_id})."
# reading the file (not a verification step: the file vanished or the drive failed)
READ_FAILED = ("{path} could not be read ({detail}). Was the drive removed? Nothing was applied half-way: "
               "plug it back in and import again to finish.")
CHANGED_DURING_IMPORT = "{path}: {name} changed while it was being imported; import it again."
# the process that checks revisions beside the app ended (killed, out of memory): not the bundle's fault
CHECKER_STOPPED = ("{path}: the process checking its revisions stopped before it finished ({detail}). "
                   "Nothing from this bundle was applied; import it again.")
# limits of what is read and kept (issue 10: items 9, 12, 14)
NOT_A_FILE = "{path} is not a regular file (it is {kind}): it was skipped."
TOO_MANY_LINES = "{path}: {name} holds more than {limit} lines; a bundle chunk holds far fewer."
TOO_LARGE_FOR_QUARANTINE = ("{path}: signed by a device that is not trusted yet ({device}, key {fingerprint}). "
                            "At {size} bytes it is larger than the quarantine holds ({limit} bytes), so it was not "
                            "kept: trust the key after checking the fingerprint on that laptop, then import it again.")
