package room

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"leadline.app/leadline/app/panels"
	"leadline.app/leadline/workshop"
)

func columnIDs(columns []column) [][]string {
	var out [][]string
	for _, c := range columns {
		var ids []string
		for _, s := range c.stages {
			ids = append(ids, s.ID)
		}
		out = append(out, ids)
	}
	return out
}

func TestColumnsFollowTheFlow(t *testing.T) {
	stage := func(id string, x, y float64) *workshop.Stage { return &workshop.Stage{ID: id, Name: id, X: x, Y: y} }
	flow := func(from, to string) workshop.Flow { return workshop.Flow{From: from, To: to} }
	for _, c := range []struct {
		name     string
		stages   []*workshop.Stage
		flows    []workshop.Flow
		critical []string
		want     [][]string
	}{
		{"chain", []*workshop.Stage{stage("a", 0, 0), stage("b", 0, 0), stage("c", 0, 0)},
			[]workshop.Flow{flow("a", "b"), flow("b", "c")}, nil, [][]string{{"a"}, {"b"}, {"c"}}},
		{"fork and join share columns, the critical branch on top",
			[]*workshop.Stage{stage("a", 0, 0), stage("b", 0, 0), stage("c", 0, 100), stage("d", 0, 0)},
			[]workshop.Flow{flow("a", "b"), flow("a", "c"), flow("b", "d"), flow("c", "d")}, []string{"a", "c", "d"},
			[][]string{{"a"}, {"c", "b"}, {"d"}}},
		{"branches keep the editor's top-to-bottom order",
			[]*workshop.Stage{stage("a", 0, 0), stage("low", 0, 300), stage("high", 0, 100), stage("mid", 0, 200)},
			[]workshop.Flow{flow("a", "low"), flow("a", "high"), flow("a", "mid")}, nil,
			[][]string{{"a"}, {"high", "mid", "low"}}},
		{"rework flows do not move stages", []*workshop.Stage{stage("a", 0, 0), stage("b", 0, 0)},
			[]workshop.Flow{flow("a", "b"), {From: "b", To: "a", Rework: true}}, nil, [][]string{{"a"}, {"b"}}},
		{"unconnected stages follow, left to right", []*workshop.Stage{stage("a", 0, 0), stage("b", 0, 0), stage("z", 500, 0), stage("y", 100, 0)},
			[]workshop.Flow{flow("a", "b")}, nil, [][]string{{"a"}, {"b"}, {"y"}, {"z"}}},
		{"a forward loop still places every stage", []*workshop.Stage{stage("a", 0, 0), stage("b", 10, 0)},
			[]workshop.Flow{flow("a", "b"), flow("b", "a")}, nil, [][]string{{"a"}, {"b"}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			critical := map[string]bool{}
			for _, id := range c.critical {
				critical[id] = true
			}
			got := columnIDs(columnsOf(&workshop.Map{Stages: c.stages, Flows: c.flows}, critical))
			if len(got) != len(c.want) {
				t.Fatalf("columns = %v, want %v", got, c.want)
			}
			for i := range got {
				if len(got[i]) != len(c.want[i]) {
					t.Fatalf("columns = %v, want %v", got, c.want)
				}
				for j := range got[i] {
					if got[i][j] != c.want[i][j] {
						t.Fatalf("columns = %v, want %v", got, c.want)
					}
				}
			}
		})
	}
}

// The room layout is the view's own: the editor's positions stay as they were.
func TestRoomLayoutLeavesEditorPositions(t *testing.T) {
	src := sampleSource(t, 0)
	before := map[string][2]float64{}
	for _, s := range src.m.Stages {
		before[s.ID] = [2]float64{s.X, s.Y}
	}
	showRoom(t, src, fyne.NewSize(1920, 1080))
	for _, s := range src.m.Stages {
		if before[s.ID] != [2]float64{s.X, s.Y} {
			t.Errorf("stage %s moved from %v to %v,%v", s.ID, before[s.ID], s.X, s.Y)
		}
	}
}

// A map past one screen is shown a screenful at a time; Space and → step along the critical
// path and turn the page, ← steps back, and the overview says where the room is.
func TestBigMapPagesAlongTheCriticalPath(t *testing.T) {
	src := bigMap(40)
	v, _ := showRoom(t, src, fyne.NewSize(1920, 1080))
	page, pages := v.Page()
	if pages < 2 || page != 0 {
		t.Fatalf("page %d of %d, want the first of several", page, pages)
	}
	if !hasText(v.scene, "screen 1 of") {
		t.Error("no overview caption on a paged map")
	}
	for _, c := range v.scene.cards {
		checkCardInside(t, c, v.scene)
	}
	steps := 0
	for ; steps < 40; steps++ {
		if !v.Key(fyne.KeySpace) {
			t.Fatal("Space was not taken")
		}
		if p, _ := v.Page(); p == 1 {
			break
		}
	}
	if p, _ := v.Page(); p != 1 {
		t.Fatalf("40 steps never reached the second screen")
	}
	onScreen := false
	for _, c := range v.scene.cards {
		onScreen = onScreen || c.id == v.Focus()
	}
	if !onScreen {
		t.Errorf("the focused stage %s is not on the screen shown", v.Focus())
	}
	v.Key(fyne.KeyRight)
	second := v.Focus()
	v.Key(fyne.KeyLeft)
	v.Key(fyne.KeyLeft)
	if p, _ := v.Page(); p != 0 || v.Focus() == second {
		t.Errorf("← did not step back to the first screen (page %d, focus %s)", p, v.Focus())
	}
	if v.Key(fyne.KeyA) {
		t.Error("an unrelated key was taken")
	}
}

func hasText(s *scene, prefix string) bool {
	for _, o := range s.objects {
		if t, ok := o.(*canvas.Text); ok && len(t.Text) >= len(prefix) && t.Text[:len(prefix)] == prefix {
			return true
		}
	}
	return false
}

// An edit shows in the room view as soon as Changed is called: a renamed stage, a deleted one.
func TestChangedRedrawsFromTheSource(t *testing.T) {
	src := sevenStages()
	v, _ := showRoom(t, src, fyne.NewSize(1920, 1080))
	v.Tapped(&fyne.PointEvent{Position: v.scene.cards[0].pos.AddXY(5, 5)})
	if v.Focus() != "s1" {
		t.Fatalf("focus = %q after tapping the first card", v.Focus())
	}
	src.m.Stage("s2").Name = "Contract negotiation"
	src.m.Stages = src.m.Stages[1:] // s1, the focused stage, is deleted
	src.m.Flows = src.m.Flows[1:]
	v.Changed()
	if len(v.scene.cards) != 6 {
		t.Errorf("%d cards after deleting one of seven", len(v.scene.cards))
	}
	if v.Focus() != "" {
		t.Errorf("focus %q stayed on a deleted stage", v.Focus())
	}
	found := false
	for _, c := range v.scene.cards {
		if c.id == "s2" {
			found = c.name[0].Text == "Contract" && c.name[1].Text == "negotiation"
		}
	}
	if !found {
		t.Error("the renamed stage does not show its new name")
	}
}

// The overlay shows the editor's timer: its clock, and red at zero until reset.
func TestTimerOverlayFollowsTheTimer(t *testing.T) {
	test.NewTempApp(t)
	now := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	timer := panels.NewTimer()
	timer.Now = func() time.Time { return now }
	timer.TickEvery = 0
	v, _ := showRoomWithTimer(t, sevenStages(), timer)
	timer.OnUpdate = v.TimerChanged
	p := v.scene.palette
	if v.timer.clock.Text != "05:00" {
		t.Fatalf("clock %q, want 05:00", v.timer.clock.Text)
	}
	v.timer.Tapped(&fyne.PointEvent{})
	if !timer.Running() {
		t.Fatal("tapping the overlay did not start the timer")
	}
	now = now.Add(90 * time.Second)
	timer.Tick()
	if v.timer.clock.Text != "03:30" {
		t.Errorf("clock %q after 90 s, want 03:30", v.timer.clock.Text)
	}
	now = now.Add(4 * time.Minute)
	timer.Tick()
	if v.timer.background.FillColor != p.badgeFill {
		t.Errorf("at zero the overlay is %v, want the red %v", v.timer.background.FillColor, p.badgeFill)
	}
	now = now.Add(time.Minute)
	timer.Tick()
	if v.timer.clock.Color == p.text && v.timer.background.FillColor == p.cardFill {
		t.Error("the overlay stopped being red before a reset")
	}
	v.timer.Tapped(&fyne.PointEvent{})
	if timer.Finished() || v.timer.background.FillColor != p.cardFill || v.timer.clock.Text != "05:00" {
		t.Error("tapping after zero did not reset the timer and its colour")
	}
}

func showRoomWithTimer(t *testing.T, src Source, timer *panels.Timer) (*View, fyne.Window) {
	t.Helper()
	v := NewView(src, timer)
	w := test.NewTempWindow(t, v)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(1920, 1080))
	return v, w
}
