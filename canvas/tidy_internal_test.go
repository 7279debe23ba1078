package canvas

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"leadline.app/leadline/workshop"
)

func TestTidyPutsTheCriticalPathOnOneRowInOneUndoStep(t *testing.T) {
	test.NewTempApp(t)
	w := releaseWorkshop()
	for i, s := range w.Maps[0].Stages { // a messy map, as a live session leaves it
		s.X, s.Y = float64((i*337)%1500), float64((i*211)%700)
	}
	h := newHarness(t, w, fyne.NewSize(1400, 800))
	before := map[string]workshop.Stage{}
	for _, s := range h.model.Stages {
		before[s.ID] = *s
	}
	h.view.Tidy()
	if len(h.commands) != 1 {
		t.Fatalf("Tidy emitted %d commands, want one batch", len(h.commands))
	}
	critical := h.metrics().CriticalPath
	for i, s := range critical {
		if s.Y != critical[0].Y {
			t.Errorf("critical stage %s at y %v, want the row of %s (%v)", s.Name, s.Y, critical[0].Name, critical[0].Y)
		}
		if i > 0 && s.X <= critical[i-1].X {
			t.Errorf("critical stage %s at x %v is not right of %s at %v", s.Name, s.X, critical[i-1].Name, critical[i-1].X)
		}
	}
	above, below := 0, 0
	for _, s := range h.model.Stages {
		switch {
		case s.Y < critical[0].Y:
			above++
		case s.Y > critical[0].Y:
			below++
		}
		for _, other := range h.model.Stages {
			if other != s && other.X == s.X && other.Y == s.Y {
				t.Errorf("%s and %s share a place", s.Name, other.Name)
			}
		}
	}
	if above == 0 || below == 0 {
		t.Errorf("%d branches above and %d below the critical path, want both sides", above, below)
	}

	// The rework flow QA → Development goes under every card between them, labelled.
	rework := h.view.arrows[flowKey{"s13", "s8"}]
	lowest := float32(0)
	for _, p := range rework.path {
		lowest = max(lowest, p.Y)
	}
	from, to := h.stage("s8"), h.stage("s13")
	for _, s := range h.model.Stages {
		if s.X+cardWidth > from.X && s.X < to.X+cardWidth && float32(s.Y+cardHeight)*h.view.zoom >= lowest {
			t.Errorf("the rework arrow (lowest y %v) runs through %s (bottom %v)", lowest, s.Name, float32(s.Y+cardHeight)*h.view.zoom)
		}
	}
	if rework.label.Text != "20 % rework" || !rework.label.Visible() {
		t.Errorf("rework label %q, want \"20 %% rework\"", rework.label.Text)
	}

	if _, err := h.history.Undo(h.workshop); err != nil {
		t.Fatal(err)
	}
	for _, s := range h.model.Stages {
		if *s != before[s.ID] {
			t.Errorf("one undo left %s at (%v, %v), want (%v, %v)", s.Name, s.X, s.Y, before[s.ID].X, before[s.ID].Y)
		}
	}
}

func TestTidyExplainsALoop(t *testing.T) {
	test.NewTempApp(t)
	w := threeStages()
	w.Maps[0].Flows = append(w.Maps[0].Flows, workshop.Flow{From: "s3", To: "s1"})
	h := newHarness(t, w, fyne.NewSize(900, 500))
	h.view.Tidy()
	if len(h.commands) != 0 || len(h.errors) != 1 || !strings.Contains(h.view.Message(), "loop") {
		t.Errorf("Tidy on a loop: %d commands, errors %v, message %q", len(h.commands), h.errors, h.view.Message())
	}
}
