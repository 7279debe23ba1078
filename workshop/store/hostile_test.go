package store_test

import (
	"testing"
)

// negativeVersion writes a user_version below zero, which once indexed the migrations with -1
// and panicked every command (issue 10, finding 5).
func negativeVersion(library []byte) func(t *testing.T, path string) {
	return func(t *testing.T, path string) {
		writeBytes(library)(t, path)
		execRaw(t, path, "PRAGMA user_version = -1")
	}
}

// staleIndex makes an index disagree with its table while every page stays well-formed:
// quick_check passes such a file, integrity_check does not (issue 10, finding 9).
func staleIndex(library []byte) func(t *testing.T, path string) {
	return func(t *testing.T, path string) {
		writeBytes(library)(t, path)
		execRaw(t, path, `PRAGMA writable_schema = ON;
			UPDATE sqlite_master SET sql = 'CREATE INDEX workshops_by_update ON workshops (name DESC)'
			WHERE name = 'workshops_by_update';`)
		var quick string
		db := rawDB(t, path)
		if err := db.QueryRow("PRAGMA quick_check").Scan(&quick); err != nil || quick != "ok" {
			t.Fatalf("quick_check = %q, %v; the damage must be one only integrity_check sees", quick, err)
		}
		db.Close()
	}
}

func execRaw(t *testing.T, path, statements string) {
	t.Helper()
	db := rawDB(t, path)
	db.SetMaxOpenConns(1)
	if _, err := db.Exec(statements); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
}
