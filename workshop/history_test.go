package workshop_test

import (
	"errors"
	"testing"

	"leadline.app/leadline/workshop"
)

func TestHistoryEnds(t *testing.T) {
	w := twoMaps()
	var h workshop.History
	if _, err := h.Undo(w); !errors.Is(err, workshop.ErrNothingToUndo) {
		t.Errorf("Undo on an empty history: %v", err)
	}
	if _, err := h.Redo(w); !errors.Is(err, workshop.ErrNothingToRedo) {
		t.Errorf("Redo on an empty history: %v", err)
	}
	if h.CanUndo() || h.CanRedo() || h.UndoLabel() != "" || h.RedoLabel() != "" {
		t.Error("an empty history offers something")
	}
	for _, x := range []float64{1, 2} {
		if _, err := h.Do(w, &workshop.MoveStage{MapID: "m1", StageID: "s1", X: x}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := h.Undo(w); err != nil || w.Maps[0].Stages[0].X != 1 {
		t.Fatalf("Undo: %v, x %v", err, w.Maps[0].Stages[0].X)
	}
	// A new command forgets what was undone.
	if _, err := h.Do(w, &workshop.AddStage{MapID: "m1", Stage: workshop.Stage{Name: "New"}}); err != nil {
		t.Fatal(err)
	}
	if h.CanRedo() || h.UndoLabel() != "Add stage" {
		t.Errorf("after a new command: redo %v, undo label %q", h.CanRedo(), h.UndoLabel())
	}
	// Undo everything, newest first: the added stage, then the first move.
	if _, err := h.Undo(w); err != nil || len(w.Maps[0].Stages) != 3 || w.Maps[0].Stages[0].X != 1 {
		t.Errorf("undo add: %v, %d stages, x %v", err, len(w.Maps[0].Stages), w.Maps[0].Stages[0].X)
	}
	if _, err := h.Undo(w); err != nil || w.Maps[0].Stages[0].X != 0 {
		t.Errorf("undo move: %v, x %v", err, w.Maps[0].Stages[0].X)
	}
	if h.CanUndo() || !h.CanRedo() || h.RedoLabel() != "Move stage" {
		t.Errorf("after undoing all: undo %v, redo %v %q", h.CanUndo(), h.CanRedo(), h.RedoLabel())
	}
	h.Clear()
	if h.CanUndo() || h.CanRedo() {
		t.Error("Clear left commands")
	}
}
