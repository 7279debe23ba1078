package store_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"leadline.app/leadline/workshop"
	"leadline.app/leadline/workshop/store"
)

func TestOpenCreatesFolderAndSchema(t *testing.T) {
	// Characters that mean something in a URI must stay part of the file name.
	path := filepath.Join(t.TempDir(), "deeper", folderWithURICharacters(), "library.db")
	lib := openLibrary(t, path)
	if !lib.IsNew() {
		t.Error("IsNew() = false for a library Open just created")
	}
	if lib.Version() != store.CurrentVersion || store.CurrentVersion < 4 {
		t.Errorf("Version() = %d, want the current schema (4 or later)", lib.Version())
	}
	if lib.Path() != path {
		t.Errorf("Path() = %q, want %q", lib.Path(), path)
	}
	if list, err := lib.List(); err != nil || len(list) != 0 {
		t.Errorf("List() of a new library = %v, %v; want empty", list, err)
	}
	if err := lib.Close(); err != nil {
		t.Fatal(err)
	}
	// Creation builds beside the real name and links it into place: no leftovers.
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("folder holds %d entries after Close, want only library.db: %v", len(entries), entries)
	}
	again := openLibrary(t, path)
	if again.IsNew() {
		t.Error("IsNew() = true when reopening an existing library")
	}
}

// TestDefaultPath checks the default library of the platform the test runs on (README,
// "Command line").
func TestDefaultPath(t *testing.T) {
	root := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(root, "config"))
	t.Setenv("HOME", filepath.Join(root, "home"))
	t.Setenv("LocalAppData", filepath.Join(root, "Local"))
	t.Setenv("AppData", filepath.Join(root, "Roaming"))
	want := map[string]string{
		"linux":   filepath.Join(root, "config", "leadline", "library.db"),
		"freebsd": filepath.Join(root, "config", "leadline", "library.db"),
		"darwin":  filepath.Join(root, "home", "Library", "Application Support", "leadline", "library.db"),
		"windows": filepath.Join(root, "Local", "leadline", "library.db"),
	}[runtime.GOOS]
	if want == "" {
		t.Skipf("no default library documented for %s", runtime.GOOS)
	}
	got, err := store.DefaultPath()
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Errorf("DefaultPath() = %s, want %s", got, want)
	}
}

func TestRoundTripRichWorkshop(t *testing.T) {
	path := newLibraryPath(t)
	lib := openLibrary(t, path)
	want := richWorkshop()
	id, err := lib.Create(want)
	if err != nil {
		t.Fatal(err)
	}
	got, err := lib.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	assertSameWorkshop(t, "same library", want, got)
	lib.Close()

	reopened := openLibrary(t, path)
	got, err = reopened.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	assertSameWorkshop(t, "after reopen", want, got)
	// Spot checks by hand, in case normalisation ever hid something.
	s := got.Maps[0].Stages[1]
	if s.Name != "Разработка 🚀" || s.HasCA || s.CA != 0 || s.X != 200.5 {
		t.Errorf("stage 2 = %+v", *s)
	}
	if got.Maps[1].Baseline != "Release" || got.Maps[1].State != workshop.Future || got.Maps[1].Ideas[0].Owner != "Ольга" {
		t.Errorf("future map = %+v", *got.Maps[1])
	}
	if f := got.Maps[0].Flows[5]; !f.Rework || f.ReworkPercent != 12.5 {
		t.Errorf("rework flow = %+v", f)
	}
	if qa := got.Maps[0].Stages[3]; !qa.HasCA || qa.CA != 0 {
		t.Errorf("a recorded %%C&A of 0 must stay recorded: %+v", *qa)
	}
}

func TestRoundTripEmptyAndNilSlices(t *testing.T) {
	lib := openLibrary(t, newLibraryPath(t))
	for _, w := range []*workshop.Workshop{
		workshop.NewWorkshop("bare"),
		{Name: "empty participants", Participants: []string{}, Maps: []*workshop.Map{{ID: "m1", Name: "Empty", State: workshop.Current}}},
	} {
		id, err := lib.Create(w)
		if err != nil {
			t.Fatal(err)
		}
		got, err := lib.Load(id)
		if err != nil {
			t.Fatal(err)
		}
		assertSameWorkshop(t, w.Name, w, got)
	}
}

func TestMissingWorkshopIsNotFound(t *testing.T) {
	lib := openLibrary(t, newLibraryPath(t))
	w := richWorkshop()
	calls := map[string]error{}
	_, calls["Load"] = lib.Load(42)
	calls["Save"] = saveChange(lib, 42, w, workshop.StagesChanged("m1", "s2"))
	calls["Replace"] = lib.Replace(42, w)
	calls["Delete"] = lib.Delete(42)
	calls["Rename"] = lib.Rename(42, "x")
	_, calls["Duplicate"] = lib.Duplicate(42, "")
	for name, err := range calls {
		if !errors.Is(err, store.ErrNotFound) {
			t.Errorf("%s(42) = %v, want ErrNotFound", name, err)
		}
	}
}

func TestListRenameDuplicateDeleteLastOpened(t *testing.T) {
	lib := openLibrary(t, newLibraryPath(t))
	first, err := lib.Create(richWorkshop())
	if err != nil {
		t.Fatal(err)
	}
	second, err := lib.Create(workshop.NewWorkshop("Hotfix"))
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := lib.LastOpened(); got != 0 {
		t.Errorf("LastOpened() before any = %d, want 0", got)
	}
	if err := lib.SetLastOpened(first); err != nil {
		t.Fatal(err)
	}
	if err := lib.Rename(first, "Sales pipeline 💼"); err != nil {
		t.Fatal(err)
	}
	if err := lib.Rename(first, "  "); err == nil {
		t.Error("Rename to blank succeeded")
	}
	copyID, err := lib.Duplicate(first, "")
	if err != nil {
		t.Fatal(err)
	}
	list, err := lib.List()
	if err != nil {
		t.Fatal(err)
	}
	wantOrder := []struct {
		id   int64
		name string
		maps int
	}{{copyID, "Sales pipeline 💼 (copy)", 3}, {first, "Sales pipeline 💼", 3}, {second, "Hotfix", 0}}
	if len(list) != len(wantOrder) {
		t.Fatalf("List() = %+v", list)
	}
	for i, want := range wantOrder {
		if list[i].ID != want.id || list[i].Name != want.name || list[i].Maps != want.maps {
			t.Errorf("List()[%d] = %+v, want %+v", i, list[i], want)
		}
		if i > 0 && list[i].Updated.After(list[i-1].Updated) {
			t.Errorf("List() not by Updated descending at %d", i)
		}
	}
	original, _ := lib.Load(first)
	duplicate, _ := lib.Load(copyID)
	duplicate.Name = original.Name
	assertSameWorkshop(t, "duplicate", original, duplicate)

	named, err := lib.Duplicate(first, "Варианты")
	if err != nil {
		t.Fatal(err)
	}
	if w, _ := lib.Load(named); w == nil || w.Name != "Варианты" {
		t.Errorf("Duplicate with a name gave %+v", w)
	}

	if got, _ := lib.LastOpened(); got != first {
		t.Errorf("LastOpened() = %d, want %d", got, first)
	}
	if err := lib.Delete(first); err != nil {
		t.Fatal(err)
	}
	if got, _ := lib.LastOpened(); got != 0 {
		t.Errorf("LastOpened() after deleting it = %d, want 0", got)
	}
	if _, err := lib.Load(first); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Load of a deleted workshop = %v", err)
	}
	// The copy kept its own maps when the original went.
	if w, _ := lib.Load(copyID); w == nil || len(w.Maps) != 3 || len(w.Maps[0].Stages) != 5 {
		t.Errorf("copy after deleting the original = %+v", w)
	}
}

func TestSecondLibrarySeesFirstsEdits(t *testing.T) {
	path := newLibraryPath(t)
	first := openLibrary(t, path)
	second := openLibrary(t, path)
	w := richWorkshop()
	id, err := first.Create(w)
	if err != nil {
		t.Fatal(err)
	}
	var history workshop.History
	ch, err := history.Do(w, &workshop.MoveStage{MapID: "m1", StageID: "s2", X: -7, Y: 1e6})
	if err != nil {
		t.Fatal(err)
	}
	if err := saveChange(first, id, w, ch); err != nil {
		t.Fatal(err)
	}
	got, err := second.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	assertSameWorkshop(t, "second library", w, got)
	if list, _ := second.List(); len(list) != 1 || list[0].ID != id {
		t.Errorf("second.List() = %+v", list)
	}
}

// TestSaveWritesOnlyTheScope proves that autosave is scoped: a stage save leaves the rest of
// the stored workshop as it was, even if the model in memory differs elsewhere.
func TestSaveWritesOnlyTheScope(t *testing.T) {
	lib := openLibrary(t, newLibraryPath(t))
	w := richWorkshop()
	id, err := lib.Create(w)
	if err != nil {
		t.Fatal(err)
	}
	stored := w.Clone()
	before, _ := lib.List()

	time.Sleep(time.Millisecond)
	w.Maps[2].Stages[0].Name = "not saved: other map"
	w.Maps[0].Stages[0].Name = "not saved: other stage"
	w.Name = "not saved: workshop"
	w.Maps[0].Stages[1].Wait = 99
	if err := saveChange(lib, id, w, workshop.StagesChanged("m1", "s2")); err != nil {
		t.Fatal(err)
	}
	stored.Maps[0].Stages[1].Wait = 99
	got, _ := lib.Load(id)
	assertSameWorkshop(t, "stage scope", stored, got)

	w.Maps[0].Flows = w.Maps[0].Flows[:2]
	if err := saveChange(lib, id, w, workshop.WholeMapChanged(w.Maps[0])); err != nil {
		t.Fatal(err)
	}
	stored.Maps[0] = w.Maps[0].Clone()
	got, _ = lib.Load(id)
	assertSameWorkshop(t, "map scope", stored, got)

	after, _ := lib.List()
	if !after[0].Updated.After(before[0].Updated) {
		t.Errorf("Save did not bump Updated: before %v, after %v", before[0].Updated, after[0].Updated)
	}
}

// TestStaleSaveWritesNothing: a save based on an old revision is refused whole with ErrStale.
func TestStaleSaveWritesNothing(t *testing.T) {
	lib := openLibrary(t, newLibraryPath(t))
	w := richWorkshop()
	id, err := lib.Create(w)
	if err != nil {
		t.Fatal(err)
	}
	_, base, err := lib.LoadRevision(id)
	if err != nil {
		t.Fatal(err)
	}
	if err := lib.Rename(id, "Renamed in the library view"); err != nil {
		t.Fatal(err)
	}
	edit := &workshop.EditWorkshop{Fields: w.Fields()}
	edit.Fields.Facilitator = "Stale writer"
	ch, err := edit.Apply(w)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := lib.Save(id, base, workshop.CopyRows(w, ch)); !errors.Is(err, store.ErrStale) {
		t.Fatalf("Save on revision %d after a rename = %v, want ErrStale", base, err)
	}
	got, revision, err := lib.LoadRevision(id)
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != "Renamed in the library view" || got.Facilitator == "Stale writer" || revision != base+1 {
		t.Errorf("after a refused save: name %q, facilitator %q, revision %d (want %d)", got.Name, got.Facilitator, revision, base+1)
	}
}

// TestStageOrderSurvivesDeleteAndAdd: stage order on a map is kept through deletes, undos and
// adds, though each save writes only the stages it names.
func TestStageOrderSurvivesDeleteAndAdd(t *testing.T) {
	lib := openLibrary(t, newLibraryPath(t))
	w := richWorkshop()
	id, err := lib.Create(w)
	if err != nil {
		t.Fatal(err)
	}
	var history workshop.History
	steps := []func() (workshop.Change, error){
		func() (workshop.Change, error) {
			return history.Do(w, &workshop.DeleteStage{MapID: "m1", StageID: "s2"})
		},
		func() (workshop.Change, error) {
			return history.Do(w, &workshop.AddStage{MapID: "m1", Stage: workshop.Stage{Name: "Appended"}})
		},
		func() (workshop.Change, error) { return history.Undo(w) },
		func() (workshop.Change, error) { return history.Undo(w) }, // s2 back in the middle
		func() (workshop.Change, error) { return history.Redo(w) },
	}
	for i, step := range steps {
		ch, err := step()
		if err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
		if err := saveChange(lib, id, w, ch); err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
		got, err := lib.Load(id)
		if err != nil {
			t.Fatal(err)
		}
		assertSameWorkshop(t, fmt.Sprintf("step %d", i), w, got)
	}
}

func BenchmarkAutosave(b *testing.B) {
	lib := openLibrary(b, newLibraryPath(b))
	w := richWorkshop()
	m := w.Maps[0]
	for i := 0; i < 45; i++ { // a 50-stage map
		m.Stages = append(m.Stages, &workshop.Stage{ID: m.NewStageID(), Name: "Stage", Department: "QA", Process: 10, Wait: 20})
	}
	id, err := lib.Create(w)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		move := &workshop.MoveStage{MapID: "m1", StageID: "s2", X: float64(i), Y: float64(i % 300)}
		ch, err := move.Apply(w)
		if err != nil {
			b.Fatal(err)
		}
		if err := saveChange(lib, id, w, ch); err != nil {
			b.Fatal(err)
		}
	}
}

// folderWithURICharacters is a folder name holding what an SQLite URI must escape; Windows
// forbids '?' in file names, so there it makes do with '#' and '%'.
func folderWithURICharacters() string {
	if runtime.GOOS == "windows" {
		return "still #%20 библиотека"
	}
	return "still ?#%20 библиотека"
}
