package store

import (
	"errors"
	"path/filepath"
	"testing"

	"leadline.app/leadline/workshop"
)

func TestUpdatedMovesWithEveryEdit(t *testing.T) {
	lib, err := Open(filepath.Join(t.TempDir(), "library.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	w := workshop.NewWorkshop("Updated")
	w.Maps = []*workshop.Map{{ID: "m1", Name: "Map", State: workshop.Current, Stages: []*workshop.Stage{{ID: "a", Name: "A"}}}}
	id, err := lib.Create(w)
	if err != nil {
		t.Fatal(err)
	}
	before, err := lib.Updated(id)
	if err != nil {
		t.Fatal(err)
	}
	w.Maps[0].Stages[0].Wait = 60
	if _, err := lib.Save(id, 0, workshop.CopyRows(w, workshop.StagesChanged("m1", "a"))); err != nil {
		t.Fatal(err)
	}
	after, err := lib.Updated(id)
	if err != nil {
		t.Fatal(err)
	}
	if !after.After(before) {
		t.Errorf("Updated did not move: %v then %v", before, after)
	}
	if _, err := lib.Updated(id + 100); !errors.Is(err, ErrNotFound) {
		t.Errorf("Updated of a missing workshop: %v, want ErrNotFound", err)
	}
}
