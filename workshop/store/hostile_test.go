package store_test

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"leadline.app/leadline/workshop/store"
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

// A library opened read-only reads as usual, refuses every write with ErrReadOnly, and leaves
// no file beside it.
func TestOpenReadOnly(t *testing.T) {
	path := newLibraryPath(t)
	lib := openLibrary(t, path)
	id, err := lib.Create(richWorkshop())
	if err != nil {
		t.Fatal(err)
	}
	lib.Close()
	before, names := fileHash(t, path), dirNames(t, filepath.Dir(path))

	ro, err := store.OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if !ro.ReadOnly() {
		t.Error("ReadOnly() = false")
	}
	if w, err := ro.Load(id); err != nil || len(w.Maps) != len(richWorkshop().Maps) {
		t.Fatalf("Load = %v, %v", w, err)
	}
	writes := map[string]error{}
	_, writes["create"] = ro.Create(richWorkshop())
	writes["rename"] = ro.Rename(id, "New name")
	writes["delete"] = ro.Delete(id)
	writes["remember"] = ro.SetLastOpened(id)
	for what, err := range writes {
		if !errors.Is(err, store.ErrReadOnly) || !strings.Contains(err.Error(), path) {
			t.Errorf("%s = %v, want ErrReadOnly naming the library", what, err)
		}
	}
	ro.Close()
	if fileHash(t, path) != before || dirNames(t, filepath.Dir(path)) != names {
		t.Error("the read-only library or its folder changed")
	}
}
