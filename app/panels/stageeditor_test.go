package panels

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"leadline.app/leadline/workshop"
)

// editorFixture shows stage s1 of the sample map in a window and records (and applies) every
// command the editor emits, as the app shell would.
type editorFixture struct {
	editor   *StageEditor
	window   fyne.Window
	workshop *workshop.Workshop
	stageMap *workshop.Map
	commands []workshop.Command
}

func newEditorFixture(t *testing.T) *editorFixture {
	test.NewTempApp(t)
	f := &editorFixture{editor: NewStageEditor()}
	f.workshop, f.stageMap = ideaToCustomer(t)
	var history workshop.History
	f.editor.IdleCommit = 0 // commit through Enter and focus loss; no sleeping in tests
	f.editor.OnCommand = func(cmd workshop.Command) error {
		f.commands = append(f.commands, cmd)
		_, err := history.Do(f.workshop, cmd)
		return err
	}
	f.window = test.NewTempWindow(t, f.editor.Content())
	f.window.Resize(fyne.NewSize(360, 800))
	f.editor.Show(f.workshop, f.stageMap, "s1")
	return f
}

// typeInto focuses the entry, replaces its text by typing, then leaves the field.
func (f *editorFixture) typeInto(entry fyne.Focusable, text string, leave bool) {
	f.window.Canvas().Focus(entry)
	if e, ok := entry.(*commitEntry); ok {
		e.TypedShortcut(&fyne.ShortcutSelectAll{})
		e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	}
	test.Type(entry, text)
	if leave {
		f.window.Canvas().Unfocus()
	}
}

func TestStageEditorValidDurationEmitsOneEditStage(t *testing.T) {
	for _, tc := range []struct {
		typed   string
		minutes float64
	}{
		{"2d 4h", 2*8*60 + 4*60},
		{"90m", 90},
		{"1.5h", 90},
		{"3w", 3 * 5 * 8 * 60},
		{"", 0}, // blank means no wait
	} {
		t.Run(tc.typed, func(t *testing.T) {
			f := newEditorFixture(t)
			f.typeInto(f.editor.wait, tc.typed, true)
			if len(f.commands) != 1 {
				t.Fatalf("typing %q emitted %d commands, want 1", tc.typed, len(f.commands))
			}
			edit, ok := f.commands[0].(*workshop.EditStage)
			if !ok {
				t.Fatalf("emitted %T, want *workshop.EditStage", f.commands[0])
			}
			if edit.MapID != "m1" || edit.StageID != "s1" || edit.Stage.Wait != tc.minutes {
				t.Errorf("EditStage{%s, %s, wait %v}, want {m1, s1, wait %v}", edit.MapID, edit.StageID, edit.Stage.Wait, tc.minutes)
			}
			if edit.Stage.Name != "Campaign" || edit.Stage.Process != 2*8*60 || !edit.Stage.HasCA {
				t.Errorf("the other fields changed: %+v", edit.Stage)
			}
			f.window.Canvas().Unfocus() // leaving again must not emit a second time
			if len(f.commands) != 1 {
				t.Errorf("%d commands after leaving twice, want 1", len(f.commands))
			}
		})
	}
}

func TestStageEditorEnterCommits(t *testing.T) {
	f := newEditorFixture(t)
	f.typeInto(f.editor.process, "3h", false)
	if len(f.commands) != 0 {
		t.Fatalf("typing emitted %d commands before Enter, want 0", len(f.commands))
	}
	f.editor.process.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if len(f.commands) != 1 || f.stageMap.Stage("s1").Process != 180 {
		t.Fatalf("after Enter: %d commands, process %v; want 1 command, process 180", len(f.commands), f.stageMap.Stage("s1").Process)
	}
}

func TestStageEditorInvalidDurationKeepsTextAndEmitsNothing(t *testing.T) {
	f := newEditorFixture(t)
	f.typeInto(f.editor.wait, "2x", true)
	f.editor.wait.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if len(f.commands) != 0 {
		t.Fatalf("invalid wait emitted %d commands, want 0", len(f.commands))
	}
	if f.editor.wait.Text != "2x" {
		t.Errorf("wait field holds %q, want the typed %q", f.editor.wait.Text, "2x")
	}
	message := f.editor.waitError.Text
	if !f.editor.waitError.Visible() || !strings.Contains(message, "Wait time") || !strings.Contains(message, `"2x"`) {
		t.Errorf("error beside wait = %q (visible %v), want it to name Wait time and \"2x\"", message, f.editor.waitError.Visible())
	}
	if got := f.stageMap.Stage("s1").Wait; got != 5*8*60 {
		t.Errorf("model wait = %v, want it untouched at 2400", got)
	}
	// Re-showing the stage (as the app does after any edit) keeps the typed text.
	f.editor.Show(f.workshop, f.stageMap, "s1")
	if f.editor.wait.Text != "2x" {
		t.Errorf("after Show the wait field holds %q, want %q", f.editor.wait.Text, "2x")
	}
	// Fixing the text clears the error and commits.
	f.typeInto(f.editor.wait, "2d", true)
	if f.editor.waitError.Visible() || len(f.commands) != 1 {
		t.Errorf("after fixing: error visible %v, %d commands; want hidden, 1", f.editor.waitError.Visible(), len(f.commands))
	}
}

func TestStageEditorCAField(t *testing.T) {
	for _, tc := range []struct {
		typed    string
		emits    bool
		ca       float64
		recorded bool
	}{
		{"", true, 0, false}, // blank: not recorded
		{"75", true, 75, true},
		{"0", true, 0, true},
		{"100%", true, 100, true},
		{"150", false, 0, false},
		{"lots", false, 0, false},
	} {
		t.Run(tc.typed, func(t *testing.T) {
			f := newEditorFixture(t)
			f.typeInto(f.editor.ca, tc.typed, true)
			if !tc.emits {
				if len(f.commands) != 0 || !f.editor.caError.Visible() {
					t.Fatalf("%q: %d commands, error visible %v; want 0 and visible", tc.typed, len(f.commands), f.editor.caError.Visible())
				}
				return
			}
			if len(f.commands) != 1 {
				t.Fatalf("%q emitted %d commands, want 1", tc.typed, len(f.commands))
			}
			s := f.commands[0].(*workshop.EditStage).Stage
			if s.HasCA != tc.recorded || s.CA != tc.ca {
				t.Errorf("%q: HasCA %v CA %v, want %v %v", tc.typed, s.HasCA, s.CA, tc.recorded, tc.ca)
			}
		})
	}
}

func TestStageEditorIdeas(t *testing.T) {
	f := newEditorFixture(t)
	f.editor.Show(f.workshop, f.stageMap, "s4")
	if len(f.editor.ideas.rows) != 1 || f.editor.ideas.rows[0].text.Text != "Monthly budget slot" {
		t.Fatalf("s4 shows %d idea rows, want its one idea", len(f.editor.ideas.rows))
	}
	f.typeInto(f.editor.ideas.newText, "Pre-approved budget", false)
	f.typeInto(f.editor.ideas.newOwner, "Finance lead", false)
	f.editor.ideas.newOwner.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	want := []workshop.Idea{{Stage: "s4", Text: "Monthly budget slot", Owner: "CFO"}, {Stage: "s4", Text: "Pre-approved budget", Owner: "Finance lead"}}
	if len(f.commands) != 1 {
		t.Fatalf("adding an idea emitted %d commands, want 1", len(f.commands))
	}
	if got := f.commands[0].(*workshop.SetIdeas).Ideas; len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Fatalf("SetIdeas %+v, want %+v", got, want)
	}
	if len(f.editor.ideas.rows) != 2 || f.editor.ideas.newText.Text != "" {
		t.Errorf("after adding: %d rows, new text %q; want 2 rows and a cleared field", len(f.editor.ideas.rows), f.editor.ideas.newText.Text)
	}
	test.Tap(findRemoveButton(t, f.editor.ideas.rows[0].root))
	if got := f.stageMap.Ideas; len(got) != 1 || got[0] != want[1] {
		t.Errorf("after removing the first idea the map holds %+v, want %+v", got, want[1:])
	}
}

func TestStageEditorEmptyState(t *testing.T) {
	f := newEditorFixture(t)
	f.editor.Show(f.workshop, f.stageMap, "")
	if f.editor.form.Visible() || !f.editor.empty.Visible() {
		t.Errorf("Show with no stage: form visible %v, empty state visible %v", f.editor.form.Visible(), f.editor.empty.Visible())
	}
	f.editor.Show(f.workshop, f.stageMap, "s2")
	if !f.editor.form.Visible() || f.editor.name.Text != "Sales meeting" || f.editor.wait.Text != "3d" {
		t.Errorf("Show s2: name %q wait %q", f.editor.name.Text, f.editor.wait.Text)
	}
}
