"""Demo data for a newcomer: a coordinator's data folder holding a small, realistic survey
of one province, made through the same services as the window and the command line.

    fieldkit.demo.scenario.build_demo(folder, progress=...) -> DemoSummary

Modules: `people` (the delegation, the devices, names), `profiles` (each commune's
situation: signal, equipment, staff), `answers` (the three shipped forms' answers from a
profile), `laptops` (a data folder driven through SurveyService and CoordinatorService),
`scenario` (the delegation's days: two laptops, their bundles, one coordinator). Qt-free.
This module stays light: the command line's help imports it.
"""

from __future__ import annotations

from pathlib import Path

from fieldkit import paths

DEMO_FOLDER = "fieldkit-demo"


def default_folder() -> Path:
    """Beside the user data folder, never in it: `fieldkit` alone keeps opening the
    real data, and the demo can be deleted as a whole."""
    return paths.data_dir().parent / DEMO_FOLDER
