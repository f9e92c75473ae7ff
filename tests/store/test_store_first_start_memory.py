"""A first start creates the database with sqlite-utils, which would load numpy (12 MB
that stay in the window's process all day): the migrations import it without."""

import subprocess
import sys

SCRIPT = """
import sys
from fieldkit.store import Store
with Store.open(data_dir=sys.argv[1]) as store:
    print(store.schema_version)
print("numpy" in sys.modules, "sqlite_utils" in sys.modules)
import numpy  # noqa: E402 (still importable afterwards, by whoever needs it)
print(numpy.__name__)
"""


def test_creating_the_database_leaves_numpy_unloaded_and_importable(tmp_path):
    result = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path)], capture_output=True, text=True,
                            check=True)
    version, loaded, numpy = result.stdout.split("\n")[:3]
    assert int(version) >= 1
    assert loaded == "False True"
    assert numpy == "numpy"
