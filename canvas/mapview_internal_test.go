package canvas

import (
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"leadline.app/leadline/workshop"
)

// threeStages is s1 → s2 → s3 in a row at x = 0, 200, 400, waits 1d, 2d, 3d.
func threeStages() *workshop.Workshop {
	w := chainWorkshop(3)
	for i, s := range w.Maps[0].Stages {
		s.Wait = float64(i+1) * 480
		s.Y = 0
	}
	return w
}

func TestDragStageMovesCardAndArrowsAndCommitsOnceAtDragEnd(t *testing.T) {
	test.NewTempApp(t)
	h := newHarness(t, threeStages(), fyne.NewSize(900, 500))
	card := h.view.cards["s2"]
	incoming := h.view.arrows[flowKey{"s1", "s2"}]
	outgoing := h.view.arrows[flowKey{"s2", "s3"}]
	unrelatedBefore := h.view.cards["s1"].Position()
	incomingEndBefore := incoming.path[len(incoming.path)-1]
	outgoingStartBefore := outgoing.path[0]

	pointer := fyne.NewPos(20, 20)
	for i := 0; i < 5; i++ { // five pointer moves of (10, 8): (50, 40) in all
		pointer = pointer.AddXY(10, 8)
		card.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: pointer}, Dragged: fyne.NewDelta(10, 8)})
	}
	if len(h.commands) != 0 {
		t.Fatalf("commands during the drag = %d, want none before DragEnd", len(h.commands))
	}
	// Zoom 1, pan (40, 40): s2 at map (200, 0) moved by (50, 40) sits at view (290, 80).
	if got, want := card.Position().Add(h.view.pan), fyne.NewPos(290, 80); got != want {
		t.Errorf("card during drag at %v, want %v", got, want)
	}
	if got, want := incoming.path[len(incoming.path)-1].Subtract(incomingEndBefore), fyne.NewPos(50, 40); got != want {
		t.Errorf("incoming arrow end moved by %v, want %v", got, want)
	}
	if got, want := outgoing.path[0].Subtract(outgoingStartBefore), fyne.NewPos(50, 40); got != want {
		t.Errorf("outgoing arrow start moved by %v, want %v", got, want)
	}
	if h.view.cards["s1"].Position() != unrelatedBefore {
		t.Error("an unrelated card moved")
	}
	if s := h.model.Stage("s2"); s.X != 200 || s.Y != 0 {
		t.Errorf("model changed during the drag: (%v, %v)", s.X, s.Y)
	}

	card.DragEnd()
	if len(h.commands) != 1 {
		t.Fatalf("commands after the drag = %d, want exactly 1", len(h.commands))
	}
	move, ok := h.commands[0].(*workshop.MoveStage)
	if !ok || move.StageID != "s2" || move.X != 250 || move.Y != 40 {
		t.Fatalf("command = %#v, want MoveStage s2 to (250, 40)", h.commands[0])
	}
	if s := h.model.Stage("s2"); s.X != 250 || s.Y != 40 {
		t.Errorf("model after the drag: (%v, %v), want (250, 40)", s.X, s.Y)
	}
}

func TestDragStageWithTestDragAndSnap(t *testing.T) {
	tests := []struct {
		name         string
		snap         bool
		dx, dy       float32
		wantX, wantY float64
	}{
		{"free", false, 33, -7, 233, -7},
		{"snapped to the 20-unit grid", true, 33, -7, 240, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			test.NewTempApp(t)
			h := newHarness(t, threeStages(), fyne.NewSize(900, 500))
			h.view.SetSnapToGrid(tt.snap)
			// s2's card spans view x 240–380, y 40–130 at zoom 1 and pan (40, 40).
			test.Drag(h.window.Canvas(), fyne.NewPos(300, 100), tt.dx, tt.dy)
			if len(h.commands) != 1 {
				t.Fatalf("commands = %d, want 1", len(h.commands))
			}
			move := h.commands[0].(*workshop.MoveStage)
			if move.X != tt.wantX || move.Y != tt.wantY {
				t.Errorf("moved to (%v, %v), want (%v, %v)", move.X, move.Y, tt.wantX, tt.wantY)
			}
		})
	}
}

func TestConnectTwoStagesEmitsAddFlow(t *testing.T) {
	tests := []struct {
		name       string
		shift      bool
		wantRework bool
	}{
		{"forward", false, false},
		{"shift-drag makes rework", true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			test.NewTempApp(t)
			h := newHarness(t, threeStages(), fyne.NewSize(900, 500))
			handle := h.view.cards["s1"].handle
			var mods fyne.KeyModifier
			if tt.shift {
				mods = fyne.KeyModifierShift
			}
			handle.MouseDown(&desktop.MouseEvent{Button: desktop.MouseButtonPrimary, Modifier: mods})
			// From s1's handle at view (180, 85) to the middle of s3's card at view (510, 85).
			dragFrom(handle, fyne.NewPos(6, 6), 330, 0, 6)
			if len(h.commands) != 1 {
				t.Fatalf("commands = %d, want 1", len(h.commands))
			}
			add, ok := h.commands[0].(*workshop.AddFlow)
			want := workshop.Flow{From: "s1", To: "s3", Rework: tt.wantRework}
			if !ok || add.Flow != want {
				t.Fatalf("command = %#v, want AddFlow %+v", h.commands[0], want)
			}
			if h.model.FlowIndex("s1", "s3") < 0 || h.view.arrows[flowKey{"s1", "s3"}] == nil {
				t.Error("the new flow is missing from the model or the view")
			}
			if h.view.preview.line.Visible() {
				t.Error("the rubber-band arrow is still showing")
			}
		})
	}
}

func TestRefusedLoopShowsMessageAndChangesNothing(t *testing.T) {
	test.NewTempApp(t)
	h := newHarness(t, threeStages(), fyne.NewSize(900, 500))
	handle := h.view.cards["s3"].handle
	// From s3's handle at view (580, 85) back onto s1's card at view (110, 85).
	dragFrom(handle, fyne.NewPos(6, 6), -470, 0, 6)
	if len(h.commands) != 1 {
		t.Fatalf("commands = %d, want 1 (refused)", len(h.commands))
	}
	var loop *workshop.LoopError
	if len(h.errors) != 1 || !errors.As(h.errors[0], &loop) {
		t.Fatalf("OnError got %v, want one LoopError", h.errors)
	}
	if msg := h.view.Message(); !strings.Contains(msg, "loop") || strings.Contains(msg, "→") || !strings.Contains(msg, "›") {
		t.Errorf("message on show = %q, want it to explain the loop with › (the app font has no →)", msg)
	}
	if len(h.model.Flows) != 2 || len(h.view.arrows) != 2 || h.history.CanUndo() {
		t.Errorf("flows %d, arrows %d, undoable %v: want 2, 2, false", len(h.model.Flows), len(h.view.arrows), h.history.CanUndo())
	}
}

func TestLongestDelayBadgesFollowTheMetrics(t *testing.T) {
	test.NewTempApp(t)
	w := chainWorkshop(4)
	for i, s := range w.Maps[0].Stages {
		s.Wait = float64(i+1) * 480 // 1d, 2d, 3d, 4d
	}
	h := newHarness(t, w, fyne.NewSize(1000, 500))
	ranks := func() map[string]string {
		out := map[string]string{}
		for id, c := range h.view.cards {
			if c.look.rank > 0 {
				out[id] = c.look.rankText
			}
		}
		return out
	}
	assertRanks(t, "before", ranks(), map[string]string{"s4": "1 · 4d", "s3": "2 · 3d", "s2": "3 · 2d"})

	edited := *h.model.Stage("s1")
	edited.Wait = 2400 // 5 working days: one week
	if err := h.view.OnCommand(&workshop.EditStage{MapID: "m1", StageID: "s1", Stage: edited}); err != nil {
		t.Fatal(err)
	}
	assertRanks(t, "after", ranks(), map[string]string{"s1": "1 · 1w", "s4": "2 · 4d", "s3": "3 · 3d"})
	if h.view.cards["s1"].look.wait != "1w" {
		t.Errorf("s1 shows wait %q, want 1w", h.view.cards["s1"].look.wait)
	}

	h.view.Apply(workshop.FlowsChanged("m1"), nil)
	assertRanks(t, "without metrics", ranks(), map[string]string{})
}

func assertRanks(t *testing.T, when string, got, want map[string]string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: badges %v, want %v", when, got, want)
		return
	}
	for id, text := range want {
		if got[id] != text {
			t.Errorf("%s: badges %v, want %v", when, got, want)
			return
		}
	}
}

func TestDeleteKeyDeletesTheSelection(t *testing.T) {
	tests := []struct {
		name       string
		shiftClick []string
		key        fyne.KeyName
		wantLabel  string
		wantLeft   int
	}{
		{"one stage with Delete", nil, fyne.KeyDelete, "Delete stage", 2},
		{"two stages with Backspace", []string{"s3"}, fyne.KeyBackspace, "Delete stages", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			test.NewTempApp(t)
			h := newHarness(t, threeStages(), fyne.NewSize(900, 500))
			test.Tap(h.view.cards["s2"])
			for _, id := range tt.shiftClick {
				h.view.cards[id].MouseDown(&desktop.MouseEvent{Button: desktop.MouseButtonPrimary, Modifier: fyne.KeyModifierShift})
			}
			focused, ok := h.window.Canvas().Focused().(*MapView)
			if !ok || focused != h.view {
				t.Fatalf("focused = %T, want the MapView after a click on a card", h.window.Canvas().Focused())
			}
			focused.TypedKey(&fyne.KeyEvent{Name: tt.key})
			if len(h.commands) != 1 || h.commands[0].Label() != tt.wantLabel {
				t.Fatalf("commands = %v, want one %q", h.commands, tt.wantLabel)
			}
			if len(h.model.Stages) != tt.wantLeft || len(h.view.cards) != tt.wantLeft || len(h.view.Selected()) != 0 {
				t.Errorf("stages %d, cards %d, selected %v", len(h.model.Stages), len(h.view.cards), h.view.Selected())
			}
			ch, err := h.history.Undo(h.workshop)
			if err != nil {
				t.Fatal(err)
			}
			h.view.Apply(ch, h.metrics())
			if len(h.view.cards) != 3 || len(h.view.arrows) != 2 {
				t.Errorf("after undo: cards %d, arrows %d, want 3 and 2", len(h.view.cards), len(h.view.arrows))
			}
		})
	}
}

// Dragging one of several selected cards moves them all, committed as one undo step.
func TestDragMovesTheWholeSelection(t *testing.T) {
	test.NewTempApp(t)
	h := newHarness(t, threeStages(), fyne.NewSize(900, 500))
	h.view.Select("s1", "s3")
	card := h.view.cards["s3"]
	card.MouseDown(&desktop.MouseEvent{Button: desktop.MouseButtonPrimary})
	if got := h.view.Selected(); len(got) != 2 {
		t.Fatalf("pressing a card of the group left %v selected, want both", got)
	}
	for i := 0; i < 4; i++ { // four moves of (5, 10): (20, 40) in all
		card.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(float32(20+5*i), 20)}, Dragged: fyne.NewDelta(5, 10)})
	}
	card.DragEnd()
	if len(h.commands) != 1 {
		t.Fatalf("commands after the drag = %d, want one batch", len(h.commands))
	}
	batch, ok := h.commands[0].(*workshop.Batch)
	if !ok || len(batch.Commands) != 2 {
		t.Fatalf("command = %#v, want a batch of two moves", h.commands[0])
	}
	// threeStages puts s1 at (0, 0), s2 at (200, 0), s3 at (400, 0).
	for id, want := range map[string][2]float64{"s1": {20, 40}, "s2": {200, 0}, "s3": {420, 40}} {
		if s := h.model.Stage(id); s.X != want[0] || s.Y != want[1] {
			t.Errorf("%s at (%v, %v), want (%v, %v)", id, s.X, s.Y, want[0], want[1])
		}
	}
	if _, err := h.history.Undo(h.workshop); err != nil {
		t.Fatal(err)
	}
	if s := h.model.Stage("s1"); s.X != 0 || s.Y != 0 {
		t.Errorf("one undo left s1 at (%v, %v)", s.X, s.Y)
	}
}

// A click (press and release without a drag) on a card of a group selects that card alone.
func TestClickOnGroupMemberNarrowsSelection(t *testing.T) {
	test.NewTempApp(t)
	h := newHarness(t, threeStages(), fyne.NewSize(900, 500))
	h.view.Select("s1", "s3")
	card := h.view.cards["s3"]
	card.MouseDown(&desktop.MouseEvent{Button: desktop.MouseButtonPrimary})
	card.Tapped(&fyne.PointEvent{})
	if got := h.view.Selected(); len(got) != 1 || got[0] != "s3" {
		t.Errorf("after a click the selection is %v, want [s3]", got)
	}
}
