"""The one exception type that leaves the forms package."""


class FormError(Exception):
    """A form cannot be loaded or run.

    `location` says where: "sheet 'survey', row 12", "<bind nodeset='/data/x'> (line 40)",
    or a field path. The message always includes it, so printing the error is enough.
    """

    def __init__(self, message: str, *, location: str | None = None, source: str | None = None):
        self.problem = message
        self.location = location
        self.source = source
        parts = [part for part in (source, location) if part]
        prefix = ": ".join(parts)
        super().__init__(f"{prefix}: {message}" if prefix else message)
