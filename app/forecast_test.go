package app

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"leadline.app/leadline/workshop"
)

// TestForecastRunsInTheBackground gives a stage a range and waits for P50 / P85 to appear in
// the totals pill. Fyne's test driver runs fyne.Do on the calling goroutine, so the app is given
// a queue that the test goroutine drains, playing the UI goroutine: under -race this shows that
// the worker touches nothing the UI owns.
func TestForecastRunsInTheBackground(t *testing.T) {
	a := test.NewTempApp(t)
	lib, _, _ := newTestLibrary(t)
	q := &uiQueue{}
	ui := New(a, Options{Library: lib, RunOnUI: q.post})
	defer ui.shutdown()
	e := ui.editor

	stage := *e.session.currentMap().Stage("b") // QA sign-off: wait 2400, process 120
	stage.WaitRange = workshop.Range{Low: 480, High: 9600}
	if err := e.apply(&workshop.EditStage{MapID: "m1", StageID: "b", Stage: stage}); err != nil {
		t.Fatal(err)
	}
	// Editing again at once: the first run may be dropped or finish, but only the newest
	// result is shown.
	stage.Process = 240
	if err := e.apply(&workshop.EditStage{MapID: "m1", StageID: "b", Stage: stage}); err != nil {
		t.Fatal(err)
	}
	want, err := e.session.currentMap().Forecast(workshop.DefaultTrials, workshop.DefaultSeed)
	if err != nil {
		t.Fatal(err)
	}
	wantText := "P50 " + workshop.FormatShort(want.P50, workshop.DefaultCalendar) + "  ·  P85 " + workshop.FormatShort(want.P85, workshop.DefaultCalendar)
	q.drainUntil(t, "the forecast to show in the pill", func() bool { return strings.Contains(e.totals.forecast.Text, wantText) })

	// Without ranges the forecast goes at once, with no background run.
	stage.WaitRange = workshop.Range{}
	if err := e.apply(&workshop.EditStage{MapID: "m1", StageID: "b", Stage: stage}); err != nil {
		t.Fatal(err)
	}
	if e.totals.forecast.Text != "" {
		t.Errorf("pill still shows %q for a map without ranges", e.totals.forecast.Text)
	}
	// A late result of an earlier run must not bring it back.
	deadline := time.Now().Add(300 * time.Millisecond)
	q.drainUntil(t, "a moment for late results", func() bool { return time.Now().After(deadline) })
	if e.totals.forecast.Text != "" {
		t.Errorf("a stale forecast came back: %q", e.totals.forecast.Text)
	}
}

// TestRangeEditsAreSavedAndUndone: a range typed in the stage panel goes through the edit
// session into the library file, and undo takes it back out.
func TestRangeEditsAreSavedAndUndone(t *testing.T) {
	a := test.NewTempApp(t)
	lib, id, path := newTestLibrary(t)
	ui := New(a, Options{Library: lib, RunOnUI: (&uiQueue{}).post})
	e := ui.editor
	stage := *e.session.currentMap().Stage("b") // QA sign-off: wait 2400
	stage.WaitRange = workshop.Range{Low: 480, High: 9600}
	stage.ProcessRange = workshop.Range{Low: 60, High: 480}
	if err := e.apply(&workshop.EditStage{MapID: "m1", StageID: "b", Stage: stage}); err != nil {
		t.Fatal(err)
	}
	stage.WaitRange = workshop.Range{Low: 960, High: 4800}
	if err := e.apply(&workshop.EditStage{MapID: "m1", StageID: "b", Stage: stage}); err != nil {
		t.Fatal(err)
	}
	e.undo() // back to 480–9600
	ui.shutdown()

	got := reopenWorkshop(t, path, id).Maps[0].Stage("b")
	if got.WaitRange != (workshop.Range{Low: 480, High: 9600}) || got.ProcessRange != (workshop.Range{Low: 60, High: 480}) {
		t.Errorf("after reopening: wait range %+v, process range %+v; want 480–9600 and 60–480", got.WaitRange, got.ProcessRange)
	}
}
