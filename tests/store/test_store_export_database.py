"""An export's SQLite file (fieldkit.store.export_database): typed tables, keys and indexes."""

import sqlite3

from fieldkit.store.export_database import ExportDatabase


def test_an_export_database_has_typed_tables_keys_and_indexes(tmp_path):
    database = ExportDatabase(tmp_path / "x.sqlite")
    database.create_table("f", columns={"_key": str, "n": int}, primary_key="_key")
    database.create_table("f__rows", columns={"_key": str, "_parent_key": str, "x": float}, primary_key="_key",
                          references=("_parent_key", "f", "_key"), indexes=("_parent_key",))
    database.insert_rows("f", ({"_key": f"k{number}", "n": number} for number in range(3)), batch_size=2)
    database.close()
    with sqlite3.connect(tmp_path / "x.sqlite") as connection:
        assert connection.execute("SELECT _key, n FROM f ORDER BY n").fetchall() == [("k0", 0), ("k1", 1), ("k2", 2)]
        assert [row[2:5] for row in connection.execute("PRAGMA foreign_key_list('f__rows')")] == [
            ("f", "_parent_key", "_key")]
        assert [row[1] for row in connection.execute("PRAGMA index_list('f__rows')") if row[3] == "c"] == [
            "idx_f__rows__parent_key"]
        assert connection.execute("SELECT type FROM pragma_table_info('f__rows') WHERE name = 'x'").fetchone() == (
            "REAL",)
