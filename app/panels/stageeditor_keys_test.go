package panels

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// Tab from the name reaches process time, then wait time; typing in a field reached by Tab
// replaces its text instead of being put in front of it ("2hSales").
func TestStageEditorTabGoesNameProcessWait(t *testing.T) {
	f := newEditorFixture(t)
	c := f.window.Canvas()
	c.Focus(f.editor.name)
	c.FocusNext()
	if c.Focused() != f.editor.process {
		t.Fatalf("Tab from the name focused %T %v, want the process time field", c.Focused(), c.Focused())
	}
	test.Type(f.editor.process, "2h") // replaces "2d"
	c.FocusNext()
	if c.Focused() != f.editor.wait {
		t.Fatalf("second Tab focused %T, want the wait time field", c.Focused())
	}
	test.Type(f.editor.wait, "3d")
	c.FocusNext()
	c.Unfocus()
	s := f.stageMap.Stage("s1")
	if s.Process != 120 || s.Wait != 3*8*60 || s.Department != "Marketing" {
		t.Errorf("stage after Tab, 2h, Tab, 3d: process %v, wait %v, department %q; want 120, 1440, Marketing",
			s.Process, s.Wait, s.Department)
	}
	c.Focus(f.editor.department)
	test.Type(f.editor.department, "Sales")
	c.Unfocus()
	if got := f.stageMap.Stage("s1").Department; got != "Sales" {
		t.Errorf("typing into the department reached by focus made %q, want Sales", got)
	}
}

// A bare number says it is minutes as it is typed, and so does anything written otherwise than
// Leadline writes it; the calendar the units follow is in view.
func TestStageEditorEchoesWhatADurationIsTakenAs(t *testing.T) {
	f := newEditorFixture(t)
	if got := f.editor.calendarHint.Text; got != "1 d = 8 h, 1 w = 5 d · a bare number is minutes" {
		t.Errorf("calendar hint %q", got)
	}
	for _, tc := range []struct{ typed, echo string }{
		{"3", "= 3m"},
		{"1,5h", "= 1h 30m"},
		{"2d 4h", ""},
		{"3x", ""}, // the error shows instead
	} {
		f.typeInto(f.editor.wait, tc.typed, false)
		if got := f.editor.waitEcho.Text; got != tc.echo {
			t.Errorf("typing %q echoes %q, want %q", tc.typed, got, tc.echo)
		}
	}
}

// A duration the field rounds for display (an imported 19.8 minutes shows as "20m") is kept as
// it is when another field of the stage is edited.
func TestStageEditorKeepsUnroundedDurations(t *testing.T) {
	f := newEditorFixture(t)
	f.stageMap.Stage("s2").Wait = 19.8
	f.editor.Show(f.workshop, f.stageMap, "s2")
	if f.editor.wait.Text != "20m" {
		t.Fatalf("wait field shows %q, want 20m", f.editor.wait.Text)
	}
	f.typeInto(f.editor.name, "Sales call", true)
	s := f.stageMap.Stage("s2")
	if s.Name != "Sales call" || s.Wait != 19.8 {
		t.Errorf("after renaming: %q with wait %v, want Sales call with 19.8", s.Name, s.Wait)
	}
	f.typeInto(f.editor.wait, "25m", true)
	if s := f.stageMap.Stage("s2"); s.Wait != 25 {
		t.Errorf("typing 25m made the wait %v", s.Wait)
	}
}

// The empty state's hint wraps inside a narrow side panel instead of running onto the map.
func TestStageEditorEmptyHintStaysInThePanel(t *testing.T) {
	test.NewTempApp(t)
	e := NewStageEditor()
	window := test.NewTempWindow(t, e.Content())
	window.Resize(fyne.NewSize(260, 500))
	e.Show(nil, nil, "")
	e.empty.Refresh() // a wrapped label knows its height once it knows its width
	box := e.empty.(*fyne.Container)
	hint := box.Objects[1]
	if !e.empty.Visible() || hint.Position().X < 0 || hint.Position().X+hint.Size().Width > 260 {
		t.Errorf("hint at x %v, %v wide, in a 260 px panel", hint.Position().X, hint.Size().Width)
	}
	if one := fyne.MeasureText("Select a stage", 14, fyne.TextStyle{}).Height; hint.Size().Height < 2*one {
		t.Errorf("hint %v tall: not wrapped onto two lines or more", hint.Size().Height)
	}
}

// Esc in a field puts back the stage's stored value and drops the pending edit: neither leaving
// the field nor the idle commit saves what was typed ("3" + Esc once saved 3 minutes).
func TestStageEditorEscapePutsBackTheStoredValue(t *testing.T) {
	for _, tc := range []struct {
		field, typed, stored string
	}{
		{"name", "Campaign launch", "Campaign"},
		{"process", "3", "2d"},
		{"wait", "3x", "1w"}, // invalid text and its error go too
		{"ca", "50", "90"},
		{"people", "4", ""}, // none recorded: the placeholder shows
	} {
		t.Run(tc.field, func(t *testing.T) {
			f := newEditorFixture(t)
			f.editor.IdleCommit = time.Hour // armed by typing; Esc must disarm it
			entry := map[string]*commitEntry{"name": f.editor.name, "process": f.editor.process,
				"wait": f.editor.wait, "ca": f.editor.ca, "people": f.editor.people}[tc.field]
			before := *f.stageMap.Stage("s1")
			f.typeInto(entry, tc.typed, false)
			if entry.Text != tc.typed || f.editor.idle.timer == nil {
				t.Fatalf("typed %q: field shows %q, idle commit armed %v", tc.typed, entry.Text, f.editor.idle.timer != nil)
			}
			f.window.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
			if entry.Text != tc.stored || f.editor.idle.timer != nil {
				t.Errorf("after Esc the field shows %q (idle commit armed %v), want %q and no commit pending",
					entry.Text, f.editor.idle.timer != nil, tc.stored)
			}
			for _, l := range []*widget.Label{f.editor.nameError, f.editor.processError, f.editor.waitError, f.editor.caError, f.editor.peopleErr} {
				if l.Visible() {
					t.Errorf("after Esc an error still shows: %q", l.Text)
				}
			}
			f.window.Canvas().Unfocus()
			if len(f.commands) != 0 || *f.stageMap.Stage("s1") != before {
				t.Errorf("Esc then leaving the field emitted %d commands; stage %+v, want %+v", len(f.commands), *f.stageMap.Stage("s1"), before)
			}
			// The field still edits as usual afterwards.
			f.typeInto(entry, tc.typed, true)
			if tc.field != "wait" && len(f.commands) != 1 {
				t.Errorf("typing %q after Esc and leaving emitted %d commands, want 1", tc.typed, len(f.commands))
			}
		})
	}
}
