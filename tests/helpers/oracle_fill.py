"""A deterministic scripted fill: answers visible questions with type-valid values, adds
(and once removes) repeat instances. Each step is chosen from fieldkit's current state
and then sent to both engines, so a divergence shows at the step that caused it.

Steps are the oracle's JSON ops: {"op": "set", "path", "value"}, {"op": "add_repeat",
"path"} (a concrete repeat path, no position), {"op": "remove_repeat", "path"} (with
its position).
"""

from __future__ import annotations

import random
from decimal import Decimal

from fieldkit.forms.model import Group, strip_positions

MAX_INSTANCES = 3  # repeat instances the fill grows a user-controlled repeat to
ANSWERABLE = {"input", "select1", "select", "range", "rank", "trigger"}
FIXED_VALUES = {
    "date": ["2024-02-29", "2025-07-01", "2023-12-31"],
    "time": ["10:30:00.000+07:00", "23:05:00.000+07:00"],
    "dateTime": ["2024-05-06T10:30:00.000+07:00", "2025-01-01T00:00:00.000+07:00"],
    # Numbers already in the form both ODK engines store them ("12.0", "10.0"): how a
    # typed "12" is stored is its own test (test_oracle_behaviours), not every fill's.
    "geopoint": ["21.0285 105.8542 10.0 5.0", "10.7769 106.7009 0.0 0.0"],
    "geotrace": ["21.0 105.8 0.0 0.0;21.1 105.9 0.0 0.0"],
    "geoshape": ["21.0 105.8 0.0 0.0;21.1 105.9 0.0 0.0;21.2 105.8 0.0 0.0;21.0 105.8 0.0 0.0"],
    "decimal": ["1.5", "0.25", "12.5", "3.75"],
    "acknowledge": ["OK"],
}


def apply_to_fieldkit(session, step: dict) -> None:
    if step["op"] == "set":
        session.set(step["path"], step["value"])
    elif step["op"] == "add_repeat":
        session.add_repeat(step["path"])
    else:
        session.remove_repeat(step["path"])


class ScriptedFill:
    """`next_step(session, snapshot)` gives the next step, or None when done."""

    def __init__(self, form, seed: str, answers: int = 24) -> None:
        self.form = form
        self.rng = random.Random(seed)
        self.answers_left = answers
        self.count = 0
        self.removed = False

    def next_step(self, session, snapshot) -> dict | None:
        self.count += 1
        if self.count % 5 == 2:
            step = self._add_repeat(snapshot)
            if step:
                return step
        if self.count >= 12 and not self.removed:
            step = self._remove_repeat(snapshot)
            if step:
                self.removed = True
                return step
        if self.answers_left <= 0:
            return None
        self.answers_left -= 1
        return self._answer(session)

    def _user_repeats(self, snapshot) -> list[tuple[str, int]]:
        """Concrete repeat paths the user adds to, with their instance counts."""
        found = []
        for path, count in sorted(snapshot.repeats.items()):
            group = self.form.find(strip_positions(path))
            parent = path.rsplit("/", 1)[0]
            parent_relevant = snapshot.containers.get(parent, True)
            if isinstance(group, Group) and not group.repeat_count and not group.no_add_remove and parent_relevant:
                found.append((path, count))
        return found

    def _add_repeat(self, snapshot) -> dict | None:
        candidates = [path for path, count in self._user_repeats(snapshot) if count < MAX_INSTANCES]
        return {"op": "add_repeat", "path": self.rng.choice(candidates)} if candidates else None

    def _remove_repeat(self, snapshot) -> dict | None:
        candidates = [path for path, count in self._user_repeats(snapshot) if count >= 2]
        return {"op": "remove_repeat", "path": f"{self.rng.choice(candidates)}[1]"} if candidates else None

    def _answer(self, session) -> dict | None:
        visible = [(path, question) for path, question in session.visible_questions()
                   if question.kind in ANSWERABLE and not session.is_readonly(path)]
        unanswered = [item for item in visible if session.value(item[0]) == ""]
        pool = unanswered or visible
        self.rng.shuffle(pool)
        for path, question in pool:
            value = self._value(session, path, question)
            if value is not None:
                return {"op": "set", "path": path, "value": value}
        return None

    def _value(self, session, path, question) -> str | None:
        kind = question.type
        if kind in ("select_one", "select_multiple", "rank"):
            return self._choice_value(session.choices(path), kind)
        if kind == "range":
            return self._range_value(question.range or {})
        if kind == "integer":
            return str(self.rng.randint(0, 12))
        if kind in FIXED_VALUES:
            return self.rng.choice(FIXED_VALUES[kind])
        if kind in ("text", "barcode"):
            return self.rng.choice(["alpha", "Hà Nội", "x y", "42", "yes"])
        return None  # uploads and other media: no value to type

    def _choice_value(self, choices, kind) -> str | None:
        values = [value for value, _label in choices]
        if not values:
            return None
        if kind == "select_one":
            return self.rng.choice(values)
        if kind == "rank":
            return " ".join(self.rng.sample(values, len(values)))
        # In the list's order, as a checklist gives them and as ODK stores them.
        picked = set(self.rng.sample(values, min(len(values), self.rng.randint(1, 2))))
        return " ".join(value for value in values if value in picked)

    def _range_value(self, bounds: dict) -> str:
        start, end = Decimal(bounds.get("start", "0")), Decimal(bounds.get("end", "10"))
        step = Decimal(bounds.get("step", "1")) or Decimal(1)
        steps = int((end - start) / step)
        value = start + step * self.rng.randint(0, max(steps, 0))
        return format(value.normalize(), "f")
