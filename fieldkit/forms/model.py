"""The form model: what a loaded form is, independent of how it was written.

Built from the XForm (the published ODK XForms spec), never from pyxform's internal
dict, so a form written as XLSForm and the same form written as XForm give the same
model. Expressions are kept as source text here; `fieldkit.forms.compiled` compiles
them once per form.

Texts (labels, hints, messages) are `Texts`: a mapping from language to text. The key
"" is the text that has no language (a plain `<label>` without itext). A text may hold
`<output value="EXPR"/>` markup exactly as the XForm writes it; the session renders it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, Unpack

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

# Re-exported: the UI, the reports and the tests import it from here.
from fieldkit.forms.paths import strip_positions as strip_positions

if TYPE_CHECKING:
    from fieldkit.forms.compiled import CompiledForm
    from fieldkit.forms.session import FormSession, SessionOptions

Texts = dict[str, str]

# Body control kinds, as the XForm element names them; "none" for an instance node
# that has no control (a calculation, a hidden field, metadata such as instanceID).
ControlKind = Literal[
    "input", "select1", "select", "upload", "trigger", "range", "rank", "output", "none"
]
ActionKind = Literal["setvalue", "setgeopoint"]  # the XForm actions fieldkit reads


class _Model(BaseModel):
    model_config = ConfigDict(frozen=False, extra="forbid")


class Bind(_Model):
    """One `<bind>` of the model, its attributes as written."""

    nodeset: str
    type: str = "string"  # XForm data type without prefix: string, int, decimal, date, ...
    relevant: str | None = None
    required: str | None = None
    readonly: str | None = None
    constraint: str | None = None
    calculate: str | None = None
    constraint_msg: Texts = Field(default_factory=dict)
    required_msg: Texts = Field(default_factory=dict)
    preload: str | None = None  # jr:preload, e.g. "uid", "timestamp", "date", "property"
    preload_params: str | None = None  # jr:preloadParams, e.g. "start", "today", "deviceid"
    attributes: dict[str, str] = Field(default_factory=dict)  # any other attribute, by Clark name


class Choice(_Model):
    """One inline choice of a select (`<item>`)."""

    value: str
    labels: Texts = Field(default_factory=dict)
    media: dict[str, dict[str, str]] = Field(default_factory=dict)  # lang -> form -> uri


class Itemset(_Model):
    """A select's `<itemset>`: choices read from an instance at run time.

    `nodeset` may hold a predicate (the XLSForm choice_filter). `label_ref` is either a
    relative path (`label`) or `jr:itext(itextId)`.
    """

    nodeset: str
    value_ref: str
    label_ref: str


class SetValue(_Model):
    """An `<setvalue>` / `<odk:setgeopoint>` action run on an event."""

    event: str  # e.g. "odk-instance-first-load", "odk-new-repeat", "xforms-value-changed"
    ref: str
    value: str | None = None  # expression; None means "set to empty"
    trigger_path: str | None = None  # for xforms-value-changed: the control it sits in
    action: ActionKind = "setvalue"


class Question(_Model):
    """A body control bound to one instance node, or (kind "none", type "calculate" or
    "hidden") an instance leaf that no control shows, placed in instance order."""

    kind: ControlKind
    path: str  # absolute instance path without positions, e.g. /data/roster/name
    name: str
    type: str  # see fieldkit.forms.xform.question_type: text, integer, select_one, ...
    labels: Texts = Field(default_factory=dict)
    hints: Texts = Field(default_factory=dict)
    guidance_hints: Texts = Field(default_factory=dict)
    label_media: dict[str, dict[str, str]] = Field(default_factory=dict)
    appearance: str | None = None
    mediatype: str | None = None  # upload: image/*, audio/*, video/*, application/*
    choices: list[Choice] | None = None
    itemset: Itemset | None = None
    range: dict[str, str] | None = None  # start, end, step
    attributes: dict[str, str] = Field(default_factory=dict)  # other attributes, Clark names
    label_itext_id: str | None = None


class Group(_Model):
    """A `<group>` or a `<repeat>`; the root group is the form body itself."""

    path: str
    name: str
    repeat: bool = False
    labels: Texts = Field(default_factory=dict)
    hints: Texts = Field(default_factory=dict)
    appearance: str | None = None
    repeat_count: str | None = None  # jr:count expression
    no_add_remove: bool = False  # jr:noAddRemove
    children: list[Question | Group] = Field(default_factory=list)

    @property
    def field_list(self) -> bool:
        return "field-list" in (self.appearance or "").split()


class SecondaryInstance(_Model):
    """An `<instance id=...>` other than the primary one.

    Either inline (`xml` holds the instance's root element) or external (`src`, e.g.
    jr://file-csv/communes.csv), resolved from the form's media when loaded.
    """

    id: str
    src: str | None = None
    xml: str | None = None

    @property
    def last_saved(self) -> bool:
        """`jr://instance/last-saved`: the last saved submission of this form, which the
        session supplies when it opens (ODK's prefill from the previous visit)."""
        return is_last_saved(self.src)


class Form(_Model):
    """A loaded form. Build it with `fieldkit.forms.load_form`."""

    id: str
    version: str | None = None
    title: str = ""
    # The form's settings set `public_key` (`<submission base64RsaPublicKey=...>`): ODK
    # Collect would encrypt its submissions. fieldkit does not; it tells whoever adds
    # the form (see `fieldkit bundle export --encrypt-to`).
    asks_encryption: bool = False
    languages: list[str] = Field(default_factory=list)
    default_language: str | None = None
    root: Group
    binds: dict[str, Bind] = Field(default_factory=dict)  # by nodeset path
    instance_xml: str  # the primary instance, as in the XForm (the blank submission)
    secondary_instances: dict[str, SecondaryInstance] = Field(default_factory=dict)
    itext: dict[str, dict[str, Texts]] = Field(default_factory=dict)  # lang -> id -> form -> text
    setvalues: list[SetValue] = Field(default_factory=list)
    media: dict[str, bytes] = Field(default_factory=dict)  # file name -> content
    media_missing: list[str] = Field(default_factory=list)  # referenced, not found
    xform: str = ""  # the XForm source this model was built from
    source: str | None = None  # where it was loaded from, for messages
    # What ODK only warns about (a <bind> for a node that does not exist...): the form
    # loads, `fieldkit form check` prints these.
    warnings: list[str] = Field(default_factory=list)
    _compiled: CompiledForm | None = PrivateAttr(default=None)

    @property
    def compiled(self) -> CompiledForm:
        """Every expression of the form, compiled once (fieldkit.forms.compiled)."""
        if self._compiled is None:
            from fieldkit.forms.compiled import compile_form

            self._compiled = compile_form(self)
        return self._compiled

    def walk(self) -> list[Question | Group]:
        """Every group and question in display order, the root excluded."""
        found: list[Question | Group] = []

        def visit(group: Group) -> None:
            for child in group.children:
                found.append(child)
                if isinstance(child, Group):
                    visit(child)

        visit(self.root)
        return found

    def questions(self) -> list[Question]:
        return [item for item in self.walk() if isinstance(item, Question)]

    def repeats(self) -> list[Group]:
        return [item for item in self.walk() if isinstance(item, Group) and item.repeat]

    def find(self, path: str) -> Question | Group | None:
        """The question or group at an instance path (positions ignored)."""
        bare = strip_positions(path)
        for item in self.walk():
            if item.path == bare:
                return item
        return None

    def new_session(self, lang: str | None = None, **options: Unpack[SessionOptions]) -> FormSession:
        from fieldkit.forms.session import FormSession

        return FormSession(self, lang=lang, **options)


LAST_SAVED_SRC = "jr://instance/last-saved"


def is_last_saved(src: str | None) -> bool:
    return (src or "").strip().lower() == LAST_SAVED_SRC
