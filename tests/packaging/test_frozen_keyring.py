"""The frozen app keeps a drop box's password in a real system keyring (GNOME Keyring's
Secret Service, over a D-Bus session of the test's own) and logs in with it: keyring's
backends and their D-Bus library must be in the build, and the password in no file."""

import os
import shutil
import subprocess
import textwrap

from tests.helpers.webdav_servers import running_wsgidav
from tests.packaging.conftest import skip_or_fail

PASSWORD = "mật-khẩu đoàn 5"


def test_the_frozen_app_keeps_the_password_in_the_keyring_and_syncs_with_it(frozen_app, tmp_path):
    missing = [program for program in ("dbus-run-session", "gnome-keyring-daemon") if shutil.which(program) is None]
    if missing:
        skip_or_fail(f"no Secret Service to test with ({', '.join(missing)}): apt-get install dbus gnome-keyring")
    home, data = tmp_path / "home", tmp_path / "data"
    (tmp_path / "served").mkdir()
    home.mkdir()
    with running_wsgidav(tmp_path / "served", users={"doan5": PASSWORD}) as url:
        script = textwrap.dedent(f"""\
            eval "$(printf 'kit\\n' | gnome-keyring-daemon --unlock --components=secrets)"
            printf '%s\\n' "$PASSWORD" | "$APP" --data-dir "$DATA" remote add office {url} --user doan5 \\
                --password-stdin || exit 10
            "$APP" --data-dir "$DATA" remote list || exit 11
            "$APP" --data-dir "$DATA" sync || exit 12
            """)
        environment = {**os.environ, "HOME": str(home), "XDG_RUNTIME_DIR": str(tmp_path / "run"),
                       "XDG_DATA_HOME": str(home / "data"), "XDG_CONFIG_HOME": str(home / "config"),
                       "FIELDKIT_LANG": "en", "APP": str(frozen_app), "DATA": str(data), "PASSWORD": PASSWORD}
        (tmp_path / "run").mkdir(mode=0o700)
        result = subprocess.run(["dbus-run-session", "--", "sh", "-c", script], capture_output=True, text=True,
                                timeout=120, env=environment)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "password: kept in the system keyring" in result.stdout
    assert "office: sent 0 bundles" in result.stdout  # logged in: a wrong password is a failed pass, exit 1
    kept = [path for path in [*data.rglob("*"), *home.rglob("*")] if path.is_file()
            and PASSWORD.encode() in path.read_bytes()]
    assert kept == []  # the keyring's own file is encrypted
