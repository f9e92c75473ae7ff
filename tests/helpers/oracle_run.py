"""Driving one form through fieldkit and the oracle side by side, step by step."""

from __future__ import annotations

import itertools

from tests.helpers.oracle_compare import differences, fieldkit_snapshot, oracle_snapshot
from tests.helpers.oracle_fill import ScriptedFill, apply_to_fieldkit

_session_names = itertools.count(1)
TEXT_MEDIA = (".csv", ".xml", ".geojson", ".json")


def attachments(form) -> dict[str, str]:
    """The form's list files (external instances), for the oracle's fetch stub."""
    return {name: data.decode("utf-8", "replace") for name, data in form.media.items()
            if name.lower().endswith(TEXT_MEDIA)}


class SideBySide:
    """One fieldkit session and one oracle session of the same form."""

    def __init__(self, oracle, form, lang: str | None = None) -> None:
        self.oracle, self.form = oracle, form
        self.session = form.new_session(lang=lang)
        self.name = f"s{next(_session_names)}"
        request = {"xform": form.xform, "session": self.name, "attachments": attachments(form)}
        if lang:
            request["lang"] = lang
        self.answer = oracle.ask(request)
        self.steps: list[dict] = []

    @property
    def load_error(self) -> str | None:
        return self.answer.get("error")

    def step(self, step: dict) -> None:
        """Apply one step to both; a step either engine refuses is an AssertionError."""
        self.steps.append(step)
        try:
            apply_to_fieldkit(self.session, step)
        except Exception as exc:  # noqa: BLE001 - any refusal is the finding
            raise AssertionError(self.describe(f"fieldkit refused the step: {exc!r}")) from exc
        self.answer = self.oracle.ask({"session": self.name, "steps": [step]})
        if self.answer.get("step_error"):
            raise AssertionError(self.describe(f"ODK refused the step: {self.answer['step_error']}"))

    def differences(self, paths=None) -> list[str]:
        found = differences(self.form, fieldkit_snapshot(self.form, self.session), oracle_snapshot(self.answer))
        if paths is not None:
            found = [line for line in found if any(_about(line, path) for path in paths)]
        return found

    def describe(self, problem: str) -> str:
        history = "\n".join(f"  {number}. {step}" for number, step in enumerate(self.steps, 1))
        return f"{self.form.source}: {problem}\nsteps:\n{history or '  (none: blank form)'}"

    def assert_same(self, paths=None) -> None:
        found = self.differences(paths)
        assert not found, self.describe("fieldkit and ODK differ:\n  " + "\n  ".join(found[:20]))

    def close(self) -> None:
        self.oracle.ask({"session": self.name, "close": True, "snapshot": False})


def _about(line: str, path: str) -> bool:
    """Whether a difference line concerns `path` (itself, not a longer sibling name)."""
    subject = line.split(": ", 1)[0].split(" ", 1)[-1]
    return subject == path or subject.startswith(path + "[") or subject.startswith(path + "/")


def scripted_fill(oracle, form, seed: str, answers: int = 24) -> None:
    """Fill `form` in both engines, comparing after every step (AssertionError on the
    first difference, naming the steps that led to it)."""
    pair = SideBySide(oracle, form)
    assert pair.load_error is None, pair.describe(f"ODK cannot load the form: {pair.load_error}")
    try:
        pair.assert_same()
        fill = ScriptedFill(form, seed, answers=answers)
        while (step := fill.next_step(pair.session, fieldkit_snapshot(form, pair.session))) is not None:
            pair.step(step)
            pair.assert_same()
    finally:
        pair.close()
