package canvas

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"leadline.app/leadline/workshop"
)

func TestTabChainAddsConnectedStagesToTheRight(t *testing.T) {
	test.NewTempApp(t)
	h := newHarness(t, emptyWorkshop(), fyne.NewSize(1200, 600))
	h.window.Canvas().Focus(h.view)

	h.press(fyne.KeyTab)
	if len(h.model.Stages) != 1 {
		t.Fatalf("Tab on an empty map: %d stages, want 1", len(h.model.Stages))
	}
	first := h.model.Stages[0]
	h.assertEditing("after the first Tab", first.ID)
	h.fill("Lead", "2h", "1d 4h")
	h.assertClosed("after Enter")
	if first.Name != "Lead" || first.Process != 120 || first.Wait != 12*60 {
		t.Errorf("first stage = %+v, want Lead, 2h, 1d 4h", *first)
	}
	assertSelection(t, "after Enter", h.view.Selected(), first.ID)

	h.press(fyne.KeyTab)
	if len(h.model.Stages) != 2 {
		t.Fatalf("second Tab: %d stages, want 2", len(h.model.Stages))
	}
	second := h.model.Stages[1]
	h.assertEditing("after the second Tab", second.ID)
	h.fill("Meeting", "1h", "3d")
	h.press(fyne.KeyTab)
	third := h.model.Stages[2]
	h.fill("Proposal", "4h", "2d")

	h.assertFlows("chain", first.ID+"→"+second.ID, second.ID+"→"+third.ID)
	for _, next := range []struct{ before, after *workshop.Stage }{{first, second}, {second, third}} {
		if next.after.X < next.before.X+cardWidth || next.after.Y != next.before.Y {
			t.Errorf("%s at (%v, %v) is not to the right of %s at (%v, %v)", next.after.Name, next.after.X, next.after.Y,
				next.before.Name, next.before.X, next.before.Y)
		}
		if next.after.Department != next.before.Department {
			t.Errorf("%s is in %q, want %q like the stage before it", next.after.Name, next.after.Department, next.before.Department)
		}
	}
}

func TestTabPlacesTheNextStageClearOfOtherCards(t *testing.T) {
	test.NewTempApp(t)
	w := threeStages() // s1 (0,0) → s2 (200,0) → s3 (400,0)
	h := newHarness(t, w, fyne.NewSize(1200, 600))
	h.window.Canvas().Focus(h.view)
	h.view.Select("s1")
	h.press(fyne.KeyTab) // right of s1 is s2's place
	added := h.model.Stages[3]
	for _, s := range h.model.Stages[:3] {
		if added.X < s.X+cardWidth && added.X+cardWidth > s.X && added.Y < s.Y+cardHeight && added.Y+cardHeight > s.Y {
			t.Errorf("the new stage at (%v, %v) overlaps %s at (%v, %v)", added.X, added.Y, s.ID, s.X, s.Y)
		}
	}
	if added.X != 200 {
		t.Errorf("the new stage is at x %v, want 200: one column right of s1", added.X)
	}
}

func TestUndoOfAnAddTakesItsFlowsInOneStep(t *testing.T) {
	test.NewTempApp(t)
	h := newHarness(t, threeStages(), fyne.NewSize(1200, 600))
	h.window.Canvas().Focus(h.view)
	h.view.Select("s2")
	h.press(fyne.KeyReturn) // a parallel stage: s1 → new → s3
	h.press(fyne.KeyEscape)
	if len(h.model.Stages) != 4 || len(h.model.Flows) != 4 {
		t.Fatalf("after Enter: %d stages, %d flows, want 4 and 4", len(h.model.Stages), len(h.model.Flows))
	}
	ch, err := h.history.Undo(h.workshop)
	if err != nil {
		t.Fatal(err)
	}
	h.view.Apply(ch, h.metrics())
	if len(h.model.Stages) != 3 {
		t.Errorf("one undo left %d stages, want 3", len(h.model.Stages))
	}
	h.assertFlows("after one undo", "s1→s2", "s2→s3")
}

// A stage added with Tab and named on its card ("Review 2h 3d", Enter) is one undo step: the
// trial found a first Ctrl+Z left a card named after its department at 0m/0m.
func TestUndoOfAnAddNamedOnItsCardIsOneStep(t *testing.T) {
	test.NewTempApp(t)
	h := newHarness(t, threeStages(), fyne.NewSize(1200, 600))
	h.window.Canvas().Focus(h.view)
	h.view.Select("s3")
	h.press(fyne.KeyTab)
	h.fill("Review", "2h", "3d")
	if len(h.model.Stages) != 4 || h.model.Stages[3].Name != "Review" {
		t.Fatalf("after Tab and the card editor: %d stages, last %+v", len(h.model.Stages), *h.model.Stages[3])
	}
	ch, err := h.history.Undo(h.workshop)
	if err != nil {
		t.Fatal(err)
	}
	h.view.Apply(ch, h.metrics())
	if len(h.model.Stages) != 3 || h.history.CanUndo() {
		t.Errorf("one undo left %d stages (want 3), more to undo: %v", len(h.model.Stages), h.history.CanUndo())
	}
	h.assertFlows("after one undo", "s1→s2", "s2→s3")
	ch, err = h.history.Redo(h.workshop)
	if err != nil {
		t.Fatal(err)
	}
	h.view.Apply(ch, h.metrics())
	if len(h.model.Stages) != 4 || h.model.Stages[3].Name != "Review" || h.model.Stages[3].Wait != 3*480 {
		t.Errorf("redo gave %d stages, last %+v; want Review back with its times", len(h.model.Stages), *h.model.Stages[len(h.model.Stages)-1])
	}
}

// Tab with nothing selected goes on from the stage added last: after an undo took the new
// stage (and with it the selection) away, the trial's next Tab did nothing at all.
func TestTabWithNothingSelectedGoesOnFromTheLastStage(t *testing.T) {
	test.NewTempApp(t)
	h := newHarness(t, threeStages(), fyne.NewSize(1200, 600))
	h.window.Canvas().Focus(h.view)
	h.view.Select()
	h.press(fyne.KeyTab)
	if len(h.model.Stages) != 4 {
		t.Fatalf("Tab with nothing selected: %d stages, want 4", len(h.model.Stages))
	}
	added := h.model.Stages[3]
	h.assertFlows("from the last stage", "s1→s2", "s2→s3", "s3→"+added.ID)
}

func TestEnterForksAParallelStageBelow(t *testing.T) {
	test.NewTempApp(t)
	h := newHarness(t, threeStages(), fyne.NewSize(1200, 700))
	h.window.Canvas().Focus(h.view)
	h.view.Select("s2")

	h.press(fyne.KeyReturn)
	first := h.model.Stages[3]
	h.assertEditing("after Enter", first.ID)
	h.fill("PO sign-off", "1h", "2d")
	h.press(fyne.KeyReturn) // Enter again, on the stage just added: the third sign-off
	second := h.model.Stages[4]
	h.fill("QA sign-off", "4h", "4d")

	s2 := h.stage("s2")
	if first.X != s2.X || first.Y <= s2.Y+cardHeight || second.X != s2.X || second.Y <= first.Y+cardHeight {
		t.Errorf("sign-offs at (%v,%v) and (%v,%v), want a column below s2 at (%v,%v)", first.X, first.Y, second.X, second.Y, s2.X, s2.Y)
	}
	h.assertFlows("fork", "s1→s2", "s2→s3", "s1→"+first.ID, first.ID+"→s3", "s1→"+second.ID, second.ID+"→s3")
	if first.Name != "PO sign-off" || second.Wait != 4*480 {
		t.Errorf("sign-offs = %+v, %+v", *first, *second)
	}
}

func TestTabWithSeveralSelectedJoinsThem(t *testing.T) {
	test.NewTempApp(t)
	h := newHarness(t, threeStages(), fyne.NewSize(1200, 700))
	h.window.Canvas().Focus(h.view)
	h.view.Select("s3")
	h.press(fyne.KeyReturn) // s2 → new → (nothing after s3): a branch beside s3
	branch := h.model.Stages[3]
	h.fill("Branch", "", "")
	h.press(fyne.KeyUp)
	assertSelection(t, "Up from the branch", h.view.Selected(), "s3")
	h.shiftPress(fyne.KeyDown)
	assertSelection(t, "Shift+Down", h.view.Selected(), "s3", branch.ID)

	h.press(fyne.KeyTab)
	join := h.model.Stages[4]
	h.assertEditing("join", join.ID)
	h.fill("Release", "30m", "1w")
	h.assertFlows("join", "s1→s2", "s2→s3", "s2→"+branch.ID, "s3→"+join.ID, branch.ID+"→"+join.ID)
	if join.X <= h.stage("s3").X+cardWidth || join.Y != h.stage("s3").Y {
		t.Errorf("the join is at (%v, %v), want right of s3, on its row", join.X, join.Y)
	}
}

func TestArrowsMoveAndShiftArrowsExtendTheSelection(t *testing.T) {
	test.NewTempApp(t)
	w := threeStages()
	w.Maps[0].Stages = append(w.Maps[0].Stages, &workshop.Stage{ID: "s4", Name: "Below", X: 210, Y: 160})
	h := newHarness(t, w, fyne.NewSize(1200, 600))
	h.window.Canvas().Focus(h.view)

	h.press(fyne.KeyRight)
	assertSelection(t, "an arrow with nothing selected", h.view.Selected(), "s1")
	steps := []struct {
		key   fyne.KeyName
		shift bool
		want  []string
	}{
		{fyne.KeyRight, false, []string{"s2"}},
		{fyne.KeyRight, false, []string{"s3"}},
		{fyne.KeyRight, false, []string{"s3"}}, // nothing further right: the selection stays
		{fyne.KeyLeft, false, []string{"s2"}},
		{fyne.KeyDown, false, []string{"s4"}},
		{fyne.KeyUp, false, []string{"s2"}},
		{fyne.KeyLeft, true, []string{"s2", "s1"}},
		{fyne.KeyRight, true, []string{"s1", "s2"}}, // back onto s2: it becomes the last again
	}
	for _, step := range steps {
		if step.shift {
			h.shiftPress(step.key)
		} else {
			h.press(step.key)
		}
		assertSelection(t, "after "+string(step.key), h.view.Selected(), step.want...)
	}
	if len(h.commands) != 0 {
		t.Errorf("arrows emitted %d commands", len(h.commands))
	}
}

func TestF2DoubleClickAndALetterOpenTheOnCardEditor(t *testing.T) {
	test.NewTempApp(t)
	for _, open := range []struct {
		name     string
		do       func(h *harness)
		wantName string
	}{
		{"F2", func(h *harness) { h.press(fyne.KeyF2) }, "Stage 2"},
		{"double-click", func(h *harness) { test.DoubleTap(h.view.cards["s2"]) }, "Stage 2"},
		{"a letter", func(h *harness) { h.typeText("Q") }, "Q"},
	} {
		t.Run(open.name, func(t *testing.T) {
			h := newHarness(t, threeStages(), fyne.NewSize(1200, 600))
			h.window.Canvas().Focus(h.view)
			h.view.Select("s2")
			open.do(h)
			h.assertEditing(open.name, "s2")
			if got := h.view.editor.fields[fieldName].Text; got != open.wantName {
				t.Errorf("name field %q, want %q", got, open.wantName)
			}
			if got := h.view.editor.fields[fieldProcess].Text; got != "1h 30m" {
				t.Errorf("process field %q, want the stage's 1h 30m", got)
			}
		})
	}
}

func TestOnCardEditorCommitsOnceCancelsAndKeepsInvalidText(t *testing.T) {
	test.NewTempApp(t)
	h := newHarness(t, threeStages(), fyne.NewSize(1200, 600))
	h.window.Canvas().Focus(h.view)
	h.view.Select("s2")
	before := *h.stage("s2")

	// Esc drops the edits.
	h.press(fyne.KeyF2)
	h.typeText("Renamed")
	h.press(fyne.KeyEscape)
	h.assertClosed("Esc")
	if *h.stage("s2") != before || len(h.commands) != 0 {
		t.Errorf("Esc changed the stage to %+v (%d commands)", *h.stage("s2"), len(h.commands))
	}

	// An invalid duration keeps its text, shows why on the card and commits nothing.
	h.press(fyne.KeyF2)
	h.press(fyne.KeyTab)
	h.shiftPress(fyne.KeyTab)
	if h.focused() != fyne.Focusable(h.view.editor.fields[fieldName]) {
		t.Fatalf("Tab then Shift+Tab: focus on %T, want the name field", h.focused())
	}
	h.typeText("Review")
	h.press(fyne.KeyTab, fyne.KeyTab)
	h.view.editor.fields[fieldWait].SetText("3x")
	h.press(fyne.KeyReturn)
	h.assertEditing("an invalid wait", "s2")
	problem := h.view.editor.problem
	if !problem.Visible() || !strings.Contains(problem.Text, `Wait time "3x"`) {
		t.Errorf("problem shown=%v %q, want the wait field's error", problem.Visible(), problem.Text)
	}
	if h.view.editor.fields[fieldWait].Text != "3x" || len(h.commands) != 0 {
		t.Errorf("wait text %q, %d commands: want the text kept and nothing committed", h.view.editor.fields[fieldWait].Text, len(h.commands))
	}

	// Fixed, Enter commits name, process and wait as one undo step and keeps s2 selected.
	h.view.editor.fields[fieldProcess].SetText("2h")
	h.view.editor.fields[fieldWait].SetText("1w")
	h.press(fyne.KeyReturn)
	h.assertClosed("Enter")
	after := h.stage("s2")
	if after.Name != "Review" || after.Process != 120 || after.Wait != 2400 || len(h.commands) != 1 {
		t.Errorf("after Enter: %+v with %d commands, want Review, 2h, 1w in one", *after, len(h.commands))
	}
	assertSelection(t, "after Enter", h.view.Selected(), "s2")
	if _, err := h.history.Undo(h.workshop); err != nil {
		t.Fatal(err)
	}
	if *h.stage("s2") != before {
		t.Errorf("one undo left %+v, want %+v", *h.stage("s2"), before)
	}
}

func TestSelectAllCopyPasteDuplicateAndDelete(t *testing.T) {
	test.NewTempApp(t)
	h := newHarness(t, threeStages(), fyne.NewSize(1200, 600))
	h.window.Canvas().Focus(h.view)

	h.shortcut(&fyne.ShortcutSelectAll{})
	assertSelection(t, "Ctrl+A", h.view.Selected(), "s1", "s2", "s3")

	h.view.Select("s2", "s1")
	h.shortcut(&fyne.ShortcutCopy{})
	h.shortcut(&fyne.ShortcutPaste{})
	if len(h.model.Stages) != 5 || len(h.commands) != 1 {
		t.Fatalf("paste: %d stages in %d commands, want 5 in one", len(h.model.Stages), len(h.commands))
	}
	a, b := h.model.Stages[3], h.model.Stages[4]
	if a.Name != "Stage 1" || a.X != 0+pasteOffset || a.Y != pasteOffset || b.Name != "Stage 2" || b.X != 200+pasteOffset {
		t.Errorf("pasted %+v and %+v, want copies of s1 and s2 offset by %d", *a, *b, pasteOffset)
	}
	h.assertFlows("paste", "s1→s2", "s2→s3", a.ID+"→"+b.ID)
	assertSelection(t, "paste selects the copies", h.view.Selected(), a.ID, b.ID)

	h.view.Select("s3")
	h.shortcut(&desktop.CustomShortcut{KeyName: fyne.KeyD, Modifier: fyne.KeyModifierShortcutDefault})
	dup := h.model.Stages[5]
	if len(h.model.Stages) != 6 || dup.Name != "Stage 3" || dup.X != 400+pasteOffset {
		t.Errorf("Ctrl+D: %d stages, copy %+v", len(h.model.Stages), *dup)
	}

	h.view.Select(a.ID, b.ID)
	h.press(fyne.KeyDelete)
	if len(h.model.Stages) != 4 || h.model.Stage(a.ID) != nil {
		t.Errorf("Delete left %d stages", len(h.model.Stages))
	}
	h.assertFlows("delete", "s1→s2", "s2→s3")
}

func TestWindowShortcutsPassThroughTheFocusedMap(t *testing.T) {
	test.NewTempApp(t)
	h := newHarness(t, threeStages(), fyne.NewSize(900, 500))
	var passed []string
	h.view.OnOtherShortcut = func(s fyne.Shortcut) { passed = append(passed, s.ShortcutName()) }
	var keys []fyne.KeyName
	h.view.OnOtherKey = func(ev *fyne.KeyEvent) { keys = append(keys, ev.Name) }
	h.window.Canvas().Focus(h.view)
	h.shortcut(&fyne.ShortcutUndo{})
	h.shortcut(&desktop.CustomShortcut{KeyName: fyne.KeyT, Modifier: fyne.KeyModifierShortcutDefault})
	h.press(fyne.KeyF11, fyne.KeyF1)
	if len(passed) != 2 || passed[0] != "Undo" || len(keys) != 2 || keys[0] != fyne.KeyF11 {
		t.Errorf("passed shortcuts %v and keys %v, want Undo, Ctrl+T, F11, F1", passed, keys)
	}

	// With the on-card editor open, text shortcuts stay in the field, window ones pass on.
	h.view.Select("s1")
	h.press(fyne.KeyF2)
	h.shortcut(&fyne.ShortcutSelectAll{})
	h.shortcut(&desktop.CustomShortcut{KeyName: fyne.KeyP, Modifier: fyne.KeyModifierShortcutDefault})
	h.press(fyne.KeyF1)
	if len(passed) != 3 || len(keys) != 3 || keys[2] != fyne.KeyF1 {
		t.Errorf("from the editor: passed shortcuts %v and keys %v, want Ctrl+P and F1 added", passed, keys)
	}
	if got := h.view.editor.fields[fieldName].SelectedText(); got != "Stage 1" {
		t.Errorf("Ctrl+A in the name field selected %q, want its text", got)
	}
}

// TestSevenStageForkJoinByKeyboard builds issue 9's measure, a 7-stage map with a fork of three
// sign-offs and a join (8 flows), every stage with a process and a wait time, and counts the
// actions: keys pressed and values typed, and the count with a typed value and the Tab or
// Enter that ends it as one action (filling a field).
func TestSevenStageForkJoinByKeyboard(t *testing.T) {
	test.NewTempApp(t)
	h := newHarness(t, emptyWorkshop(), fyne.NewSize(1600, 900))
	h.window.Canvas().Focus(h.view)
	keys, values, fieldEnds := 0, 0, 0
	press := func(key fyne.KeyName, shift bool) {
		keys++
		if shift {
			h.shiftPress(key)
		} else {
			h.press(key)
		}
	}
	stage := func(add fyne.KeyName, name, process, wait string) {
		press(add, false)
		for i, value := range []string{name, process, wait} {
			h.typeText(value)
			values++
			fieldEnds++
			press([]fyne.KeyName{fyne.KeyTab, fyne.KeyTab, fyne.KeyReturn}[i], false)
		}
	}
	stage(fyne.KeyTab, "Idea", "2h", "1w")
	stage(fyne.KeyTab, "Build", "3d", "2d")
	stage(fyne.KeyTab, "PM sign-off", "1h", "3d")
	stage(fyne.KeyReturn, "PO sign-off", "1h", "2d")
	stage(fyne.KeyReturn, "QA sign-off", "4h", "4d")
	press(fyne.KeyUp, true)
	press(fyne.KeyUp, true)
	stage(fyne.KeyTab, "Release", "30m", "1w")
	stage(fyne.KeyTab, "Support", "2h", "1d")

	h.assertSevenStageForkJoin()
	fields := keys + values - fieldEnds
	t.Logf("7 stages, 8 flows, 14 times: %d actions (%d keys, %d typed values); %d filling a field as one action",
		keys+values, keys, values, fields)
	if fields > 35 {
		t.Errorf("%d actions, want at most 35 (issue 9)", fields)
	}
}

// A click elsewhere (or the app closing) saves the fields that parse and drops the rest.
func TestClickingAwayFromTheOnCardEditorSavesWhatParses(t *testing.T) {
	test.NewTempApp(t)
	h := newHarness(t, threeStages(), fyne.NewSize(1200, 600))
	h.window.Canvas().Focus(h.view)
	h.view.Select("s2")
	wait := h.stage("s2").Wait
	h.press(fyne.KeyF2)
	h.typeText("Review")
	h.view.editor.fields[fieldProcess].SetText("45m")
	h.view.editor.fields[fieldWait].SetText("3x")
	test.TapCanvas(h.window.Canvas(), fyne.NewPos(600, 450)) // empty canvas
	if _, open := h.view.EditorOpen(); open {
		t.Fatal("the editor is still open after a click elsewhere")
	}
	if s := h.stage("s2"); s.Name != "Review" || s.Process != 45 || s.Wait != wait || len(h.commands) != 1 {
		t.Errorf("after the click: %+v in %d commands, want Review, 45m and the old wait in one", *s, len(h.commands))
	}
}
