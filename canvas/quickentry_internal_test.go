package canvas

import (
	"image/png"
	"os"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"leadline.app/leadline/workshop"
)

// TestSevenStageForkJoinByQuickEntry builds issue 9's 7-stage map again, each stage's name
// typed with its process and wait time ("Idea 2h 1w"), and counts every key press and every
// typed string as one action.
func TestSevenStageForkJoinByQuickEntry(t *testing.T) {
	test.NewTempApp(t)
	h := newHarness(t, emptyWorkshop(), fyne.NewSize(1600, 900))
	h.window.Canvas().Focus(h.view)
	keys, typed := 0, 0
	press := func(key fyne.KeyName, shift bool) {
		keys++
		if shift {
			h.shiftPress(key)
		} else {
			h.press(key)
		}
	}
	stage := func(add fyne.KeyName, entry string) {
		press(add, false)
		h.typeText(entry)
		typed++
		press(fyne.KeyReturn, false)
	}
	stage(fyne.KeyTab, "Idea 2h 1w")
	stage(fyne.KeyTab, "Build 3d 2d")
	stage(fyne.KeyTab, "PM sign-off 1h 3d")
	stage(fyne.KeyReturn, "PO sign-off 1h 2d")
	stage(fyne.KeyReturn, "QA sign-off 4h 4d")
	press(fyne.KeyUp, true)
	press(fyne.KeyUp, true)
	stage(fyne.KeyTab, "Release 30m 1w")
	stage(fyne.KeyTab, "Support 2h 1d")

	h.assertSevenStageForkJoin()
	want := map[string][2]float64{"Idea": {120, 2400}, "Build": {1440, 960}, "PM sign-off": {60, 1440},
		"PO sign-off": {60, 960}, "QA sign-off": {240, 1920}, "Release": {30, 2400}, "Support": {120, 480}}
	for _, s := range h.model.Stages {
		if got := [2]float64{s.Process, s.Wait}; got != want[s.Name] {
			t.Errorf("stage %q: process and wait %v minutes, want %v", s.Name, got, want[s.Name])
		}
	}
	t.Logf("7 stages, 8 flows, 14 times by quick entry: %d actions (%d keys, %d typed strings)", keys+typed, keys, typed)
	if keys+typed > 35 {
		t.Errorf("%d actions, want at most 35 (issue 9)", keys+typed)
	}
}

func TestQuickEntryEnterSavesNameAndTimesInOneStep(t *testing.T) {
	test.NewTempApp(t)
	h := newHarness(t, threeStages(), fyne.NewSize(1200, 600))
	h.window.Canvas().Focus(h.view)
	h.view.Select("s2")
	before := *h.stage("s2")
	h.press(fyne.KeyF2)
	h.typeText("Code review 2h 3d")
	h.press(fyne.KeyReturn)
	h.assertClosed("Enter")
	s := h.stage("s2")
	if s.Name != "Code review" || s.Process != 120 || s.Wait != 1440 || len(h.commands) != 1 {
		t.Errorf("after Enter: %+v with %d commands, want Code review, 2h, 3d in one", *s, len(h.commands))
	}
	if _, ok := h.commands[0].(*workshop.EditStage); !ok {
		t.Errorf("the step is a %T, want one EditStage", h.commands[0])
	}
	assertSelection(t, "after Enter", h.view.Selected(), "s2")

	// Only the process time: the wait is kept.
	h.press(fyne.KeyF2)
	h.typeText("Deploy 30m")
	h.press(fyne.KeyReturn)
	if s := h.stage("s2"); s.Name != "Deploy" || s.Process != 30 || s.Wait != 1440 {
		t.Errorf("Deploy 30m: %+v, want process 30m and the wait left at 3d", *s)
	}

	// The next Tab goes on with the chain from the stage just named.
	h.press(fyne.KeyTab)
	h.typeText("Ship 1h 1d")
	h.press(fyne.KeyReturn)
	last := h.model.Stages[len(h.model.Stages)-1]
	if last.Name != "Ship" || last.Process != 60 || last.Wait != 480 {
		t.Errorf("after Tab: the new stage is %+v, want Ship, 1h, 1d", *last)
	}
	h.assertFlows("the chain", "s1→s2", "s2→s3", "s2→"+last.ID)

	// Two steps for the two quick entries on s2, one for Ship: its add, with its name amending it.
	if len(h.commands) != 4 {
		t.Fatalf("%d commands, want 4", len(h.commands))
	}
	for range 3 {
		if _, err := h.history.Undo(h.workshop); err != nil {
			t.Fatal(err)
		}
	}
	if *h.stage("s2") != before || h.history.CanUndo() {
		t.Errorf("undoing them all left %+v, want %+v, with nothing more to undo", *h.stage("s2"), before)
	}
}

func TestQuickEntryTabShowsTheTimesInTheirFields(t *testing.T) {
	test.NewTempApp(t)
	h := newHarness(t, threeStages(), fyne.NewSize(1200, 600))
	h.window.Canvas().Focus(h.view)
	h.view.Select("s1")
	h.press(fyne.KeyF2)
	h.typeText("Sprint review 1,5h 2w")
	if got := h.view.editor.hint.Text; got != "= PT 1h 30m · WT 2w" {
		t.Errorf("while typing, the line under the name says %q, want the split", got)
	}
	h.press(fyne.KeyTab)
	e := h.view.editor
	if e.fields[fieldName].Text != "Sprint review" || e.fields[fieldProcess].Text != "1h 30m" || e.fields[fieldWait].Text != "2w" {
		t.Errorf("after Tab: name %q, process %q, wait %q; want Sprint review, 1h 30m, 2w",
			e.fields[fieldName].Text, e.fields[fieldProcess].Text, e.fields[fieldWait].Text)
	}
	if h.focused() != fyne.Focusable(e.fields[fieldProcess]) {
		t.Errorf("after Tab: focus on %T, want the process field", h.focused())
	}
	if len(h.commands) != 0 {
		t.Errorf("Tab committed %d commands, want none before Enter", len(h.commands))
	}
	h.press(fyne.KeyReturn)
	if s := h.stage("s1"); s.Name != "Sprint review" || s.Process != 90 || s.Wait != 4800 || len(h.commands) != 1 {
		t.Errorf("after Enter: %+v in %d commands", *s, len(h.commands))
	}
}

// A name left as it was, "Phase 2" or a name that merely looks like a quick entry, stays whole.
func TestQuickEntryLeavesOtherNamesWhole(t *testing.T) {
	test.NewTempApp(t)
	w := threeStages()
	w.Maps[0].Stages[0].Name = "Level 2d"
	h := newHarness(t, w, fyne.NewSize(1200, 600))
	h.window.Canvas().Focus(h.view)
	for _, tt := range []struct{ typed, name string }{
		{"", "Level 2d"}, // opened and saved as it was: never split
		{"Phase 2", "Phase 2"},
		{"Review 1d to 2d", "Review 1d to 2d"},
	} {
		h.view.Select("s1")
		h.press(fyne.KeyF2)
		if tt.typed != "" {
			h.typeText(tt.typed)
		}
		h.view.editor.fields[fieldProcess].SetText("45m")
		h.press(fyne.KeyReturn)
		if s := h.stage("s1"); s.Name != tt.name || s.Process != 45 {
			t.Errorf("%q: %+v, want the name %q and the process field's 45m", tt.typed, *s, tt.name)
		}
	}
}

// The hint under the name shows until a quick entry was saved; the line it uses is kept, so
// the fields below never move.
func TestQuickEntryHintShowsFirstAndNeverMovesTheFields(t *testing.T) {
	test.NewTempApp(t)
	h := newHarness(t, threeStages(), fyne.NewSize(1200, 600))
	h.window.Canvas().Focus(h.view)
	h.view.Select("s1")
	h.press(fyne.KeyF2)
	e := h.view.editor
	if e.hint.Text != quickEntryHint || !e.hint.Visible() {
		t.Fatalf("the first editor's line under the name says %q, want the hint", e.hint.Text)
	}
	if hint, field := e.hint.Position().Y, e.fields[fieldName].Position().Y; hint <= field {
		t.Errorf("the hint is at y %v, the name field at %v: want it under the name", hint, field)
	}
	if out := os.Getenv("LEADLINE_SHOT"); out != "" { // a look at it: LEADLINE_SHOT=editor.png
		if f, err := os.Create(out); err == nil {
			_ = png.Encode(f, h.window.Canvas().Capture())
			_ = f.Close()
		}
	}
	processAt, size := fyne.CurrentApp().Driver().AbsolutePositionForObject(e.fields[fieldProcess]), e.box.Size()
	h.typeText("Review 2h 3d")
	h.press(fyne.KeyReturn)

	h.press(fyne.KeyF2)
	e = h.view.editor
	if e.hint.Text == quickEntryHint {
		t.Errorf("after a quick entry the hint still shows")
	}
	if got := fyne.CurrentApp().Driver().AbsolutePositionForObject(e.fields[fieldProcess]); got != processAt || e.box.Size() != size {
		t.Errorf("without the hint the process field is at %v in a %v editor, was %v in %v", got, e.box.Size(), processAt, size)
	}
	h.typeText("Review 2h 3d")
	if got := fyne.CurrentApp().Driver().AbsolutePositionForObject(e.fields[fieldProcess]); got != processAt || e.box.Size() != size {
		t.Errorf("with the preview the process field is at %v in a %v editor, was %v in %v", got, e.box.Size(), processAt, size)
	}
}

// "@fin" in a quick entry puts the stage in Finance: without it a map built from the keyboard
// was all in the first department, and wait by department told the room nothing.
func TestQuickEntrySetsTheDepartment(t *testing.T) {
	test.NewTempApp(t)
	h := newHarness(t, threeStages(), fyne.NewSize(1200, 600))
	h.window.Canvas().Focus(h.view)
	h.view.Select("s3")
	h.press(fyne.KeyTab)
	h.typeText("Budget approval 2h 3w @fin")
	h.press(fyne.KeyReturn)
	last := h.model.Stages[len(h.model.Stages)-1]
	if last.Name != "Budget approval" || last.Department != "Finance" || last.Process != 120 || last.Wait != 3*2400 {
		t.Errorf("new stage = %+v, want Budget approval in Finance, 2h, 3w", *last)
	}
	// The same works on an existing stage, and a department no one has yet is taken as typed.
	h.press(fyne.KeyF2)
	h.typeText("Budget approval @Facilities")
	h.press(fyne.KeyReturn)
	if last = h.model.Stages[len(h.model.Stages)-1]; last.Department != "Facilities" || last.Name != "Budget approval" {
		t.Errorf("after @Facilities: %+v", *last)
	}
}
