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

	// The rework flow QA → Development goes around every card, not through one.
	rework := h.view.arrows[flowKey{"s13", "s8"}]
	for i := 1; i < len(rework.path); i++ {
		for _, s := range h.model.Stages {
			if s.ID == "s13" || s.ID == "s8" {
				continue
			}
			topLeft := h.view.toLayer(fyne.NewPos(float32(s.X), float32(s.Y)))
			size := fyne.NewSize(cardWidth*h.view.zoom, cardHeight*h.view.zoom)
			if segmentCrosses(rework.path[i-1], rework.path[i], topLeft, size) {
				t.Errorf("the rework arrow runs through %s", s.Name)
			}
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

// segmentCrosses tells whether a straight segment passes through the inside of a box,
// sampled finely enough for cards tens of pixels wide.
func segmentCrosses(a, b, topLeft fyne.Position, size fyne.Size) bool {
	for i := 0; i <= 100; i++ {
		t := float32(i) / 100
		p := fyne.NewPos(a.X+(b.X-a.X)*t, a.Y+(b.Y-a.Y)*t)
		if p.X > topLeft.X && p.X < topLeft.X+size.Width && p.Y > topLeft.Y && p.Y < topLeft.Y+size.Height {
			return true
		}
	}
	return false
}
