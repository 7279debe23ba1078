package canvas

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"leadline.app/leadline/workshop"
)

// smallMap is threeStages plus a rework flow s3 → s2 and an idea on s2.
func smallMap() *workshop.Workshop {
	w := threeStages()
	m := w.Maps[0]
	m.Flows = append(m.Flows, workshop.Flow{From: "s3", To: "s2", Rework: true, ReworkPercent: 10})
	m.Ideas = []workshop.Idea{{Stage: "s2", Text: "Pair on reviews", Owner: "Dev lead"}}
	m.Stages[1].CA, m.Stages[1].HasCA = 80, true
	return w
}

func TestGoldenSmallMapAndPresenterMode(t *testing.T) {
	test.NewTempApp(t)
	h := newHarness(t, smallMap(), fyne.NewSize(640, 300))
	h.view.Select("s1")
	test.AssertRendersToMarkup(t, "small_map.xml", h.window.Canvas())

	h.view.SetPresenter(true)
	test.AssertRendersToMarkup(t, "small_map_presenter.xml", h.window.Canvas())
	if h.view.grid.Visible() || h.view.cards["s1"].handle.Visible() {
		t.Error("presenter mode should hide the grid and the connect handles")
	}
	if !h.view.cards["s3"].look.critical || h.view.cards["s3"].look.rank != 1 {
		t.Error("presenter mode must keep the critical path and the delay badges")
	}
}

func TestClickShiftClickAndRubberBandSelect(t *testing.T) {
	test.NewTempApp(t)
	h := newHarness(t, threeStages(), fyne.NewSize(900, 500))
	var notified [][]string
	h.view.OnSelect = func(ids []string) { notified = append(notified, ids) }
	shiftDown := &desktop.MouseEvent{Button: desktop.MouseButtonPrimary, Modifier: fyne.KeyModifierShift}

	test.Tap(h.view.cards["s1"])
	h.view.cards["s3"].MouseDown(shiftDown)
	assertSelection(t, "click, shift-click", h.view.Selected(), "s1", "s3")
	h.view.cards["s1"].MouseDown(shiftDown)
	assertSelection(t, "shift-click again toggles off", h.view.Selected(), "s3")

	test.TapCanvas(h.window.Canvas(), fyne.NewPos(500, 400)) // empty canvas
	assertSelection(t, "click on empty canvas", h.view.Selected())

	// A shift-drag from view (200, 20) to (460, 150) touches s2 (240–380) and s3 (440–580).
	h.view.MouseDown(shiftDown)
	dragFrom(h.view, fyne.NewPos(200, 20), 260, 130, 4)
	assertSelection(t, "rubber band", h.view.Selected(), "s2", "s3")
	if h.view.rubberBand.Visible() {
		t.Error("the rubber band is still showing")
	}
	if len(notified) != 5 {
		t.Errorf("OnSelect called %d times, want 5 (one per change): %v", len(notified), notified)
	}
	if len(h.commands) != 0 {
		t.Errorf("selecting emitted %d commands", len(h.commands))
	}
}

func assertSelection(t *testing.T, when string, got []string, want ...string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: selected %v, want %v", when, got, want)
		return
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("%s: selected %v, want %v", when, got, want)
			return
		}
	}
}

func TestPanAndZoom(t *testing.T) {
	test.NewTempApp(t)
	h := newHarness(t, threeStages(), fyne.NewSize(900, 500))
	v := h.view

	dragFrom(v, fyne.NewPos(700, 400), -100, 30, 5) // plain drag on empty canvas pans
	if v.pan != fyne.NewPos(-60, 70) {
		t.Errorf("pan after drag = %v, want (-60, 70)", v.pan)
	}
	test.Scroll(h.window.Canvas(), fyne.NewPos(700, 400), 0, -20) // the wheel pans too
	if v.pan != fyne.NewPos(-60, 50) {
		t.Errorf("pan after scroll = %v, want (-60, 50)", v.pan)
	}

	// Ctrl+wheel zooms around the pointer: the map point under it stays put.
	pointer := fyne.NewPos(300, 200)
	before := v.toMap(pointer)
	v.KeyDown(&fyne.KeyEvent{Name: desktop.KeyControlLeft})
	v.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: pointer}, Scrolled: fyne.NewDelta(0, 30)})
	v.KeyUp(&fyne.KeyEvent{Name: desktop.KeyControlLeft})
	if v.Zoom() <= 1.3 || v.Zoom() >= 1.4 {
		t.Errorf("zoom after 3 notches = %v, want e^0.3 ≈ 1.35", v.Zoom())
	}
	if after := v.toMap(pointer); abs32(after.X-before.X) > 0.01 || abs32(after.Y-before.Y) > 0.01 {
		t.Errorf("map point under the pointer moved from %v to %v", before, after)
	}
	if got, want := v.cards["s2"].Size().Width, cardWidth*v.Zoom(); got != want {
		t.Errorf("card width %v, want %v", got, want)
	}

	tests := []struct {
		name string
		do   func()
		want float32
	}{
		{"set", func() { v.SetZoom(1) }, 1},
		{"in", v.ZoomIn, 1.2},
		{"out twice", func() { v.ZoomOut(); v.ZoomOut() }, 1 / 1.2},
		{"clamped low", func() { v.SetZoom(0.01) }, minZoom},
		{"clamped high", func() { v.SetZoom(50) }, maxZoom},
	}
	for _, tt := range tests {
		tt.do()
		if abs32(v.Zoom()-tt.want) > 1e-4 {
			t.Errorf("%s: zoom %v, want %v", tt.name, v.Zoom(), tt.want)
		}
	}

	// Three cards span map x 0–540, y 0–90; fitted into 900×500 with 48 px margins the width
	// decides: (900 − 96) ÷ 540 ≈ 1.489, and the map is centred.
	v.FitMap()
	if abs32(v.Zoom()-804.0/540) > 1e-3 {
		t.Errorf("fit zoom %v, want %v", v.Zoom(), 804.0/540)
	}
	if left := v.pan.X; abs32(left-48) > 0.5 {
		t.Errorf("fitted map starts at x %v, want 48", left)
	}
	v.CenterOn("s3")
	if got := v.cards["s3"].Position().Add(v.pan).AddXY(cardWidth*v.zoom/2, cardHeight*v.zoom/2); abs32(got.X-450) > 0.5 || abs32(got.Y-250) > 0.5 {
		t.Errorf("centred card's middle at %v, want (450, 250)", got)
	}
}

func TestFlowClickAndMenu(t *testing.T) {
	test.NewTempApp(t)
	h := newHarness(t, threeStages(), fyne.NewSize(900, 500))
	var clicked []flowKey
	h.view.OnSelectFlow = func(from, to string) { clicked = append(clicked, flowKey{from, to}) }

	// The arrow s1 → s2 runs along y = 85 between x 180 and 240 in the view.
	test.TapCanvas(h.window.Canvas(), fyne.NewPos(210, 86))
	if len(clicked) != 1 || clicked[0] != (flowKey{"s1", "s2"}) {
		t.Fatalf("flow clicks %v, want s1 → s2", clicked)
	}
	if !h.view.arrows[flowKey{"s1", "s2"}].selected {
		t.Error("the clicked flow is not highlighted")
	}

	menu := h.view.flowMenu(flowKey{"s1", "s2"})
	if menu.Items[0].Label != "Make rework" || menu.Items[2].Label != "Delete" {
		t.Fatalf("flow menu %q, %q", menu.Items[0].Label, menu.Items[2].Label)
	}
	menu.Items[0].Action()
	if edit, ok := h.commands[0].(*workshop.EditFlow); !ok || !edit.Rework || !h.model.Flows[0].Rework {
		t.Fatalf("command %#v, want EditFlow to rework", h.commands[0])
	}
	if !h.view.arrows[flowKey{"s1", "s2"}].rework || h.view.flowMenu(flowKey{"s1", "s2"}).Items[0].Label != "Make forward" {
		t.Error("the arrow did not turn into a rework arrow")
	}
	h.view.flowMenu(flowKey{"s1", "s2"}).Items[2].Action()
	if _, ok := h.commands[1].(*workshop.DeleteFlow); !ok || len(h.model.Flows) != 1 || len(h.view.arrows) != 1 {
		t.Errorf("after Delete: command %T, flows %d, arrows %d", h.commands[1], len(h.model.Flows), len(h.view.arrows))
	}
}

func TestCardMenuAndDoubleClick(t *testing.T) {
	test.NewTempApp(t)
	h := newHarness(t, threeStages(), fyne.NewSize(900, 500))
	var ideas []string
	h.view.OnAddIdea = func(id string) { ideas = append(ideas, id) }

	test.DoubleTap(h.view.cards["s2"])
	test.TapSecondary(h.view.cards["s3"])
	assertSelection(t, "right-click selects", h.view.Selected(), "s3")
	overlay := h.window.Canvas().Overlays().Top()
	if overlay == nil {
		t.Fatal("no menu popped up")
	}
	menu := h.view.cardMenu("s3")
	labels := []string{}
	for _, item := range menu.Items {
		labels = append(labels, item.Label)
	}
	if len(labels) != 4 || labels[0] != "Rename" || labels[1] != "Add idea" || labels[3] != "Delete" {
		t.Fatalf("card menu %q", labels)
	}
	menu.Items[0].Action()
	menu.Items[1].Action()
	if len(h.renames) != 2 || h.renames[0] != "s2" || h.renames[1] != "s3" || len(ideas) != 1 || ideas[0] != "s3" {
		t.Errorf("renames %v, ideas %v", h.renames, ideas)
	}
	menu.Items[3].Action()
	if h.model.Stage("s3") != nil || h.view.cards["s3"] != nil {
		t.Error("Delete in the card menu did not delete s3")
	}
}
