package store_test

import (
	"testing"

	"leadline.app/leadline/workshop"
)

// A measured map's observed lead time survives create, load, a map-level save, duplicate and
// delete; a hand-drawn map has none.
func TestObservedRoundTrip(t *testing.T) {
	lib := openLibrary(t, newLibraryPath(t))
	w := richWorkshop()
	w.Maps[0].Observed = &workshop.Observed{Items: 12, P50: 380.5, P85: 415, P95: 425}
	id, err := lib.Create(w)
	if err != nil {
		t.Fatal(err)
	}
	got, err := lib.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	assertSameWorkshop(t, "after create", w, got)
	if got.Maps[1].Observed != nil {
		t.Errorf("hand-drawn map got observed %+v", got.Maps[1].Observed)
	}

	// A measured map added later (as undoing its deletion does) brings its figures along.
	_, revision, err := lib.LoadRevision(id)
	if err != nil {
		t.Fatal(err)
	}
	added := got.Maps[0].Clone()
	added.ID, added.Name = "m9", "Measured again"
	added.Observed.Items = 13
	got.Maps = append(got.Maps, added)
	var stageIDs []string
	for _, st := range added.Stages {
		stageIDs = append(stageIDs, st.ID)
	}
	change := workshop.Change{MapList: true, Maps: []workshop.MapChange{{MapID: "m9", Fields: true, Stages: stageIDs, Flows: true, Ideas: true}}}
	if _, err := lib.Save(id, revision, workshop.CopyRows(got, change)); err != nil {
		t.Fatal(err)
	}
	copyID, err := lib.Duplicate(id, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, load := range []int64{id, copyID} {
		back, err := lib.Load(load)
		if err != nil {
			t.Fatal(err)
		}
		if o := back.Maps[len(back.Maps)-1].Observed; o == nil || o.Items != 13 || o.P50 != 380.5 {
			t.Errorf("workshop %d: observed %+v, want 13 items, P50 380.5", load, o)
		}
	}
	if err := lib.Delete(copyID); err != nil {
		t.Fatal(err)
	}
}
