"""The promises every drop box transport makes (fieldkit.sync.dropbox.transport), one plain
function each, so that each transport (a folder, a WebDAV server, the LAN server) runs
the same checks:

    @pytest.mark.parametrize("promise", dropbox_contract.PROMISES, ids=lambda promise: promise.__name__)
    def test_the_contract(promise, transport, tmp_path):
        promise(transport, tmp_path)

Each takes a transport over an empty drop box and a local scratch folder.
"""

from __future__ import annotations

import pytest

from fieldkit.sync.dropbox.transport import TEMPORARY_PREFIX, DropBoxError, Entry

SITE = "0123456789abcdef0123456789abcdef"
BUNDLE = f"{SITE}/bundles/{'ab' * 32}.fkb"


def _local(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def put_then_read_gives_the_same_bytes(transport, tmp_path):
    data = bytes(range(256)) * 1000
    assert transport.put(_local(tmp_path, "sent.fkb", data), BUNDLE) is True
    assert transport.folders() == [SITE]
    assert transport.files(f"{SITE}/bundles") == [Entry(name=BUNDLE.rsplit("/", 1)[1], size=len(data))]
    transport.fetch(BUNDLE, tmp_path / "fetched.fkb", limit=len(data))
    assert (tmp_path / "fetched.fkb").read_bytes() == data


def put_of_an_existing_name_leaves_it(transport, tmp_path):
    transport.put(_local(tmp_path, "first", b"first"), BUNDLE)
    assert transport.put(_local(tmp_path, "second", b"second"), BUNDLE) is False
    transport.fetch(BUNDLE, tmp_path / "fetched", limit=100)
    assert (tmp_path / "fetched").read_bytes() == b"first"


def put_with_replace_replaces(transport, tmp_path):
    receipt = f"{SITE}/receipt.json"
    transport.put(_local(tmp_path, "old", b"old receipt"), receipt)
    assert transport.put(_local(tmp_path, "new", b"new receipt"), receipt, replace=True) is True
    transport.fetch(receipt, tmp_path / "fetched", limit=100)
    assert (tmp_path / "fetched").read_bytes() == b"new receipt"
    assert [entry.name for entry in transport.files(SITE)] == ["receipt.json"]


def temporary_files_are_never_listed(transport, tmp_path):
    """Puts leave no temporary file behind, and listings show only whole files."""
    for number in range(3):
        transport.put(_local(tmp_path, f"b{number}", b"x" * number), f"{SITE}/bundles/{number}.fkb")
    names = [entry.name for entry in transport.files(f"{SITE}/bundles")]
    assert names == ["0.fkb", "1.fkb", "2.fkb"]
    assert not any(name.startswith(TEMPORARY_PREFIX) for name in names)


def a_missing_folder_lists_nothing(transport, tmp_path):
    assert transport.folders() == []
    assert transport.files(SITE) == []
    assert transport.files(f"{SITE}/bundles") == []


def fetch_past_the_limit_is_refused_and_leaves_no_target(transport, tmp_path):
    transport.put(_local(tmp_path, "big", b"y" * 5000), BUNDLE)
    target = tmp_path / "received" / "big.fkb"
    target.parent.mkdir()
    with pytest.raises(DropBoxError) as refused:
        transport.fetch(BUNDLE, target, limit=4999)
    assert refused.value.reason == "too_large"
    assert list(target.parent.iterdir()) == []


def fetch_of_a_missing_file_says_not_found(transport, tmp_path):
    with pytest.raises(DropBoxError) as refused:
        transport.fetch(BUNDLE, tmp_path / "fetched", limit=100)
    assert refused.value.reason == "not_found"
    assert not (tmp_path / "fetched").exists()


BAD_PATHS = ("..", f"{SITE}/../x", "/etc/passwd", f"{SITE}\\receipt.json", f"{SITE}/.tmp-x", ".tmp-x", "",
             f"{SITE}//receipt.json", f"{SITE}/")


def bad_paths_are_refused(transport, tmp_path):
    source = _local(tmp_path, "source", b"data")
    operations = (lambda path: transport.files(path), lambda path: transport.fetch(path, tmp_path / "t", limit=9),
                  lambda path: transport.put(source, path), lambda path: transport.remove(path))
    for path in BAD_PATHS:
        for operation in operations:
            with pytest.raises(DropBoxError) as refused:
                operation(path)
            assert refused.value.reason == "bad_path", path
    assert transport.folders() == []


def remove_of_a_missing_path_is_quiet(transport, tmp_path):
    transport.remove(BUNDLE)
    transport.put(_local(tmp_path, "b", b"b"), BUNDLE)
    transport.remove(BUNDLE)
    transport.remove(BUNDLE)
    assert transport.files(f"{SITE}/bundles") == []


PROMISES = (put_then_read_gives_the_same_bytes, put_of_an_existing_name_leaves_it, put_with_replace_replaces,
            temporary_files_are_never_listed, a_missing_folder_lists_nothing,
            fetch_past_the_limit_is_refused_and_leaves_no_target, fetch_of_a_missing_file_says_not_found,
            bad_paths_are_refused, remove_of_a_missing_path_is_quiet)
