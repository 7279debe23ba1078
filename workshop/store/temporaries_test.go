package store_test

import (
	"errors"
	"path/filepath"
	"testing"

	"leadline.app/leadline/workshop"
	"leadline.app/leadline/workshop/store"
)

// A first run that fails while seeding leaves no library and no temporary file; the next run
// creates and seeds it whole (issue 10, finding 13).
func TestSeedingFailureLeavesNoLibrary(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "library.db")
	diskFull := errors.New("disk full")
	seeded := 0
	failing := store.WithSeed(func(lib *store.Library) error {
		if _, err := lib.Create(workshop.NewWorkshop("First sample")); err != nil {
			return err
		}
		return diskFull
	})
	if _, err := store.Open(path, failing); !errors.Is(err, diskFull) {
		t.Fatalf("Open = %v, want the seed's error", err)
	}
	if names := dirNames(t, dir); names != "" {
		t.Fatalf("a failed first run left %s", names)
	}
	lib, err := store.Open(path, store.WithSeed(func(lib *store.Library) error {
		seeded++
		_, err := lib.Create(workshop.NewWorkshop("Sample"))
		return err
	}))
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	list, err := lib.List()
	if err != nil || len(list) != 1 || list[0].Name != "Sample" || seeded != 1 || !lib.IsNew() {
		t.Errorf("list %v (%v), seeded %d times; want the one sample, seeded once", list, err, seeded)
	}
	lib.Close()
	again := openLibrary(t, path)
	if again.IsNew() {
		t.Error("an existing library reported itself new")
	}
}
