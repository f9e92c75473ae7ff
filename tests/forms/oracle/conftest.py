"""The ODK oracle (tools/odk_oracle, @getodk/xforms-engine under node) for this folder.

Every test here skips, saying why, when node or the oracle's node_modules is missing
(`npm ci --prefix tools/odk_oracle` installs them; .ci/run does).
"""

import pytest

from tests.helpers.oracle_process import Oracle, unavailable_reason


@pytest.fixture(scope="session")
def oracle():
    reason = unavailable_reason()
    if reason:
        pytest.skip(reason)
    engine = Oracle()
    yield engine
    engine.close()
