package store_test

import (
	"testing"

	"leadline.app/leadline/workshop"
)

// editSteps is one of every kind of edit command, in an order that keeps each one valid.
func editSteps() []struct {
	name    string
	command workshop.Command
} {
	return []struct {
		name    string
		command workshop.Command
	}{
		{"add stage", &workshop.AddStage{MapID: "m1", Stage: workshop.Stage{ID: "s6", Name: "Staging 🧪", Department: "Operations", Process: 45, Wait: 30, X: 700, Y: 20}}},
		{"add stage with imported id", &workshop.AddStage{MapID: "m1", Stage: workshop.Stage{ID: "b0c1d2e3-aaaa-4bbb-8ccc-000000000001", Name: "Verify", CA: 95, HasCA: true}}},
		{"move stage", &workshop.MoveStage{MapID: "m1", StageID: "s2", X: 321.25, Y: -12}},
		{"edit stage", &workshop.EditStage{MapID: "m1", StageID: "s4", Stage: workshop.Stage{Name: "QA — регресс", Department: "Security", Process: 120, Wait: 4800, People: 4, Notes: "✅", X: 1, Y: 2}}},
		{"add flow", &workshop.AddFlow{MapID: "m1", Flow: workshop.Flow{From: "s5", To: "s6"}}},
		{"add rework flow", &workshop.AddFlow{MapID: "m1", Flow: workshop.Flow{From: "s6", To: "s2", Rework: true, ReworkPercent: 5}}},
		{"edit flow", &workshop.EditFlow{MapID: "m1", From: "s6", To: "s2", Rework: true, ReworkPercent: 40}},
		{"delete flow", &workshop.DeleteFlow{MapID: "m1", From: "s3", To: "s5"}},
		{"set ideas", &workshop.SetIdeas{MapID: "m1", Ideas: []workshop.Idea{{Stage: "s6", Text: "Automate staging", Owner: "Dev 👩‍💻"}, {Text: "No owner yet"}}}},
		{"delete stage", &workshop.DeleteStage{MapID: "m1", StageID: "s3"}},
		{"add map", &workshop.AddMap{Map: &workshop.Map{Name: "Sales", State: workshop.Current, Stages: []*workshop.Stage{{ID: "lead", Name: "Lead"}, {ID: "meet", Name: "Meeting"}}, Flows: []workshop.Flow{{From: "lead", To: "meet"}}}}},
		{"edit map", &workshop.EditMap{MapID: "m1", Name: "Release process", State: workshop.Current}},
		{"delete map", &workshop.DeleteMap{MapID: "m3"}},
		{"edit workshop", &workshop.EditWorkshop{Fields: workshop.WorkshopFields{Name: "Renamed 🎯", Facilitator: "Jo", Date: "2025-04-01", Notes: "", Participants: []string{"A", "Б"}, Calendar: workshop.Calendar{HoursPerDay: 6, DaysPerWeek: 3}}}},
		{"batch on one map", &workshop.Batch{Name: "Move selection", Commands: []workshop.Command{
			&workshop.MoveStage{MapID: "m2", StageID: "s2", X: 5, Y: 5},
			&workshop.MoveStage{MapID: "m2", StageID: "s3", X: 6, Y: 6},
		}}},
	}
}

// TestReopenAfterEveryEdit applies each kind of edit through the shared history, saves only
// what the change names, closes the library, reopens it and compares with the model.
func TestReopenAfterEveryEdit(t *testing.T) {
	path := newLibraryPath(t)
	lib := openLibrary(t, path)
	w := richWorkshop()
	id, err := lib.Create(w)
	if err != nil {
		t.Fatal(err)
	}
	lib.Close()
	var history workshop.History
	for _, step := range editSteps() {
		ch, err := history.Do(w, step.command)
		if err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		if ch.IsZero() {
			t.Errorf("%s: the change names nothing", step.name)
		}
		lib := openLibrary(t, path)
		if err := saveChange(lib, id, w, ch); err != nil {
			t.Fatalf("%s: Save: %v", step.name, err)
		}
		if err := lib.Close(); err != nil {
			t.Fatal(err)
		}
		reopened := openLibrary(t, path)
		got, err := reopened.Load(id)
		if err != nil {
			t.Fatalf("%s: Load: %v", step.name, err)
		}
		assertSameWorkshop(t, "after "+step.name, w, got)
		reopened.Close()
	}
	if w.Name != "Renamed 🎯" || len(w.Maps) != 3 {
		t.Fatalf("the steps did not all apply: %q with %d maps", w.Name, len(w.Maps))
	}
}

// TestUndoRedoSaveReopen walks the history back and forth, saving each step as the app does.
func TestUndoRedoSaveReopen(t *testing.T) {
	path := newLibraryPath(t)
	lib := openLibrary(t, path)
	w := richWorkshop()
	original := w.Clone()
	id, err := lib.Create(w)
	if err != nil {
		t.Fatal(err)
	}
	var history workshop.History
	for _, step := range editSteps() {
		ch, err := history.Do(w, step.command)
		if err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		if err := saveChange(lib, id, w, ch); err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
	}
	edited := w.Clone()
	check := func(context string, want *workshop.Workshop) {
		t.Helper()
		lib.Close()
		lib = openLibrary(t, path)
		got, err := lib.Load(id)
		if err != nil {
			t.Fatal(err)
		}
		assertSameWorkshop(t, context, want, got)
	}
	for history.CanUndo() {
		label := history.UndoLabel()
		ch, err := history.Undo(w)
		if err != nil {
			t.Fatalf("undo %s: %v", label, err)
		}
		if err := saveChange(lib, id, w, ch); err != nil {
			t.Fatalf("save undo %s: %v", label, err)
		}
		check("after undo "+label, w)
	}
	check("after undoing everything", original)
	for history.CanRedo() {
		ch, err := history.Redo(w)
		if err != nil {
			t.Fatal(err)
		}
		if err := saveChange(lib, id, w, ch); err != nil {
			t.Fatal(err)
		}
	}
	check("after redoing everything", edited)
}
