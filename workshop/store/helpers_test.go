package store_test

import (
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"leadline.app/leadline/workshop"
	"leadline.app/leadline/workshop/store"
)

// openLibrary opens (or creates) a library and closes it when the test ends.
func openLibrary(t testing.TB, path string) *store.Library {
	t.Helper()
	lib, err := store.Open(path)
	if err != nil {
		t.Fatalf("Open(%q): %v", path, err)
	}
	t.Cleanup(func() { _ = lib.Close() })
	return lib
}

func newLibraryPath(t testing.TB) string {
	return filepath.Join(t.TempDir(), "library.db")
}

// richWorkshop has what a real session produces: several maps, a future state with a baseline,
// parallel sign-offs, rework, ideas, unrecorded %C&A, imported UUID ids, and odd scripts.
func richWorkshop() *workshop.Workshop {
	current := &workshop.Map{ID: "m1", Name: "Release", State: workshop.Current, Stages: []*workshop.Stage{
		{ID: "3f2b9c1e-7d4a-4e8b-9a61-0c5d2e7f8a90", Name: "Backlog", Department: "Product", Process: 60, Wait: 2400, CA: 80, HasCA: true, People: 2, Notes: "refined weekly", X: 10, Y: 20},
		{ID: "s2", Name: "Разработка 🚀", Department: "Development", Process: 1920, Wait: 480, People: 5, X: 200.5, Y: 20},
		{ID: "s3", Name: "PM sign-off", Department: "Project management", Process: 30, Wait: 960, CA: 100, HasCA: true, People: 1, X: 400, Y: -40},
		{ID: "s4", Name: "QA sign-off", Department: "QA", Process: 240, Wait: 1440, CA: 0, HasCA: true, People: 2, X: 400, Y: 90},
		{ID: "s5", Name: "Weekly release", Department: "Change board 変更", Process: 15, Wait: 2400, People: 3, Notes: "Thursday 🎉\nonly", X: 600, Y: 20},
	}, Flows: []workshop.Flow{
		{From: "3f2b9c1e-7d4a-4e8b-9a61-0c5d2e7f8a90", To: "s2"},
		{From: "s2", To: "s3"},
		{From: "s2", To: "s4"},
		{From: "s3", To: "s5"},
		{From: "s4", To: "s5"},
		{From: "s4", To: "s2", Rework: true, ReworkPercent: 12.5},
	}}
	future := current.Clone()
	future.ID, future.Name, future.State, future.Baseline = "m2", "Release (future)", workshop.Future, "Release"
	future.Stages[4].Wait = 0
	future.Ideas = []workshop.Idea{
		{Stage: "s5", Text: "Release on demand", Owner: "Ольга"},
		{Stage: "", Text: "Pair PM and QA sign-off 👥", Owner: ""},
	}
	hotfix := &workshop.Map{ID: "m3", Name: "Hotfix", State: workshop.Current, Stages: []*workshop.Stage{
		{ID: "h1", Name: "Ticket", Department: "Support", Process: 10, Wait: 30},
	}}
	w := workshop.NewWorkshop("Idea to customer — Köln")
	w.Facilitator = "Åsa Ñúñez"
	w.Date = "2025-03-14"
	w.Participants = []string{"Ирина", "Sam 🙂", "李雷"}
	w.Notes = "Room 4.12\nprojector flaky"
	w.Calendar = workshop.Calendar{HoursPerDay: 7.5, DaysPerWeek: 4}
	w.Maps = []*workshop.Map{current, future, hotfix}
	return w
}

// normalized makes nil and empty slices equal, the only difference a load may introduce.
func normalized(w *workshop.Workshop) *workshop.Workshop {
	c := w.Clone()
	if len(c.Participants) == 0 {
		c.Participants = nil
	}
	if len(c.Maps) == 0 {
		c.Maps = nil
	}
	for _, m := range c.Maps {
		if len(m.Stages) == 0 {
			m.Stages = nil
		}
		if len(m.Flows) == 0 {
			m.Flows = nil
		}
		if len(m.Ideas) == 0 {
			m.Ideas = nil
		}
	}
	return c
}

func assertSameWorkshop(t testing.TB, context string, want, got *workshop.Workshop) {
	t.Helper()
	if !reflect.DeepEqual(normalized(want), normalized(got)) {
		t.Fatalf("%s: loaded workshop differs\nwant %s\ngot  %s", context, dump(want), dump(got))
	}
}

func dump(w *workshop.Workshop) string {
	out := ""
	out += spew(*w)
	for _, m := range w.Maps {
		out += "\n  map " + spew(*m)
		for _, s := range m.Stages {
			out += "\n    stage " + spew(*s)
		}
	}
	return out
}

func spew(v any) string { return fmt.Sprintf("%+v", v) }

func fileHash(t testing.TB, path string) string {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	sum := sha256.Sum256(raw)
	return hex.EncodeToString(sum[:])
}

// rawDB opens a file with go-sqlite3 directly, bypassing the store, as another tool would.
func rawDB(t testing.TB, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatalf("open %s raw: %v", path, err)
	}
	t.Cleanup(func() { _ = db.Close() })
	return db
}

func integrityCheck(t testing.TB, path string) {
	t.Helper()
	db := rawDB(t, path)
	var result string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&result); err != nil {
		t.Fatalf("integrity_check %s: %v", path, err)
	}
	if result != "ok" {
		t.Fatalf("integrity_check %s: %s", path, result)
	}
	_ = db.Close()
}

// saveChange saves one change the way a single writer does: against the revision the library
// is at now.
func saveChange(lib *store.Library, id int64, w *workshop.Workshop, ch workshop.Change) error {
	revision, err := lib.Revision(id)
	if err != nil {
		return err
	}
	_, err = lib.Save(id, revision, workshop.CopyRows(w, ch))
	return err
}
