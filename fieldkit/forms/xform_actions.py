"""XForm actions (`<setvalue>`, `<odk:setgeopoint>`): the events they listen to and
their targets, checked as ODK (JavaRosa) checks them when it loads a form.

Events (ODK XForms spec, "Events and Actions"; JavaRosa's `Actions`):

| event                     | where                                      |
| ------------------------- | ------------------------------------------ |
| odk-instance-first-load   | the model, or nested in a control          |
| odk-instance-load         | the model, or nested in a control          |
| odk-new-repeat            | nested in a repeat (never in the model)    |
| xforms-value-changed      | nested in the control whose value changes  |
| xforms-ready (deprecated) | read as odk-instance-first-load            |
| jr-insert (deprecated)    | read as odk-new-repeat                     |
| xforms-revalidate         | the model (JavaRosa knows it; fieldkit never dispatches it) |

Any other event name is refused, as JavaRosa refuses it ("An action was registered
for unsupported events"), and so is an action in the model listening to an event that
only a control or a repeat dispatches. An action in the model whose target matches
several nodes of the primary instance is refused: it cannot tell which to set.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from fieldkit.forms.xform_text import EV, JR, XmlElement, fail
from fieldkit.forms.xform_tree import step_name

if TYPE_CHECKING:
    from fieldkit.forms.xform_body import BodyContext

TOP_LEVEL_EVENTS = ("odk-instance-first-load", "odk-instance-load", "xforms-ready", "xforms-revalidate")
KNOWN_EVENTS = (*TOP_LEVEL_EVENTS, "odk-new-repeat", "jr-insert", "xforms-value-changed")
# Deprecated names, read as the event that replaced them.
_RENAMED = {"xforms-ready": "odk-instance-first-load", "jr-insert": "odk-new-repeat"}


def action_events(element: XmlElement, action: str, source: str | None, *, in_model: bool) -> list[str]:
    """The events an action listens to (deprecated names replaced), checked."""
    events = (element.get("event") or element.get(f"{{{EV}}}event") or "").split()
    if not events:
        raise fail(f"the {action} action has no event (when should it run?)", element, "ref", source=source)
    for event in events:
        if event not in KNOWN_EVENTS:
            known = ", ".join(name for name in KNOWN_EVENTS if name not in _RENAMED)
            raise fail(f"the {action} action listens to the unknown event {event!r} (ODK knows: {known})",
                       element, "ref", source=source)
        if in_model and event not in TOP_LEVEL_EVENTS:
            where_to = "the repeat it is for" if event in ("odk-new-repeat", "jr-insert") else "the control it watches"
            raise fail(f"an action for {event} cannot be in the <model>: ODK requires it nested in {where_to} "
                       "in the body", element, "ref", source=source)
    return list(dict.fromkeys(_RENAMED.get(event, event) for event in events))


def check_single_target(element: XmlElement, path: str, ctx: BodyContext) -> None:
    """Refuse a model action whose target is several nodes of the primary instance."""
    if ctx.instance is None or any(char in path for char in "[]()*"):
        return
    found = _matching(ctx.instance, path.strip("/").split("/")[1:])
    if found > 1:
        raise fail(f"the action's target {path} is {found} nodes of the primary instance (a repeat's "
                   "instances): an action in the model must set one node", element, "ref", source=ctx.source)


def _matching(element: XmlElement, steps: list[str]) -> int:
    """How many elements below `element` the steps reach, repeat templates excluded."""
    if not steps:
        return 1
    total = 0
    for child in element:
        if not isinstance(child.tag, str) or child.get(f"{{{JR}}}template") is not None:
            continue
        if step_name(child) == steps[0]:
            total += _matching(child, steps[1:])
    return total
