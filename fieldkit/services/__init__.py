"""Services over the store and the form engine, shared by the GUI and the CLI. Qt-free.

See docs/store-and-services.md for the contract.
"""

from fieldkit.communes import Commune, CommuneDirectory, Province
from fieldkit.services.answers import AnswerRefused
from fieldkit.services.submission import Submission
from fieldkit.services.survey import SurveyService
from fieldkit.services.types import DraftInfo, FinalizeError, FormEntry, Status, SubmissionRow, VisitContext
from fieldkit.store import StoreError

__all__ = [
    "AnswerRefused", "Commune", "CommuneDirectory", "DraftInfo", "FinalizeError", "FormEntry", "Province",
    "Status", "StoreError", "Submission", "SubmissionRow", "SurveyService", "VisitContext",
]
