package app

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"leadline.app/leadline/workshop"
	edit "leadline.app/leadline/workshop/session"
	"leadline.app/leadline/workshop/store"
)

// newTestLibrary makes a real library file with one workshop of two stages.
func newTestLibrary(t *testing.T) (*store.Library, int64, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "library.db")
	lib, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	w := workshop.NewWorkshop("Release — Релиз 🚀")
	w.Maps = []*workshop.Map{{ID: "m1", Name: "Feature release", State: workshop.Current, Stages: []*workshop.Stage{
		{ID: "a", Name: "Build", Department: "Development", Process: 60, Wait: 30},
		{ID: "b", Name: "QA sign-off", Department: "QA", Process: 120, Wait: 2400, X: 200},
	}, Flows: []workshop.Flow{{From: "a", To: "b"}}}}
	id, err := lib.Create(w)
	if err != nil {
		t.Fatal(err)
	}
	return lib, id, path
}

// reopenWorkshop reads a workshop back from the library file, as the next start would.
func reopenWorkshop(t *testing.T, path string, id int64) *workshop.Workshop {
	t.Helper()
	lib, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	w, err := lib.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// newTestUI opens the app on a fresh test library; it shuts down when the test ends.
func newTestUI(t *testing.T) *App {
	t.Helper()
	lib, _, _ := newTestLibrary(t)
	ui := New(test.NewTempApp(t), Options{Library: lib})
	t.Cleanup(ui.shutdown)
	return ui
}

func TestOpensLastWorkshopWithTitle(t *testing.T) {
	ui := newTestUI(t)
	if got := ui.Window().Title(); !strings.HasPrefix(got, "Leadline — Feature release") {
		t.Errorf("title = %q, want it to start with %q", got, "Leadline — Feature release")
	}
	if ui.editor == nil || ui.editor.session == nil || len(ui.editor.session.workshop().Maps[0].Stages) != 2 {
		t.Fatal("the workshop did not open in the editor")
	}
}

// Every edit reaches the library file, and undo and redo do too.
func TestEditsAreAutosaved(t *testing.T) {
	a := test.NewTempApp(t)
	lib, id, path := newTestLibrary(t)
	ui := New(a, Options{Library: lib})
	e := ui.editor
	if err := e.apply(&workshop.MoveStage{MapID: "m1", StageID: "a", X: 40, Y: 80}); err != nil {
		t.Fatal(err)
	}
	if err := e.apply(&workshop.AddStage{MapID: "m1", Stage: workshop.Stage{Name: "Release", Department: "Operations", Wait: 960}}); err != nil {
		t.Fatal(err)
	}
	e.undo()
	e.redo()
	ui.shutdown()

	w := reopenWorkshop(t, path, id)
	m := w.Maps[0]
	if s := m.Stage("a"); s.X != 40 || s.Y != 80 {
		t.Errorf("moved stage at %v,%v after reopening, want 40,80", s.X, s.Y)
	}
	if len(m.Stages) != 3 || m.Stages[2].Name != "Release" || m.Stages[2].Wait != 960 {
		t.Errorf("added stage not saved: %+v", m.Stages)
	}
}

// A refused edit (a loop of forward flows) changes nothing and says why.
func TestRefusedLoopShowsMessage(t *testing.T) {
	ui := newTestUI(t)
	e := ui.editor
	err := e.apply(&workshop.AddFlow{MapID: "m1", Flow: workshop.Flow{From: "b", To: "a"}})
	var loop *workshop.LoopError
	if !errors.As(err, &loop) {
		t.Fatalf("err = %v, want a LoopError", err)
	}
	if len(e.session.workshop().Maps[0].Flows) != 1 {
		t.Error("the refused flow was added")
	}
	if !strings.Contains(e.status.label.Text, "loop") {
		t.Errorf("status shows %q, want the loop message", e.status.label.Text)
	}
	if e.session.edits.CanUndo() {
		t.Error("a refused edit reached the undo stack")
	}
}

func TestFutureStateComparesWithBaseline(t *testing.T) {
	ui := newTestUI(t)
	e := ui.editor
	e.mapTabs.createFutureState()
	w := e.session.workshop()
	if len(w.Maps) != 2 || e.session.currentMap().State != workshop.Future {
		t.Fatalf("no future state on screen: %d maps", len(w.Maps))
	}
	mt, err := e.session.metrics()
	if err != nil || mt.Baseline == nil || mt.Baseline.Baseline != "Feature release" {
		t.Fatalf("future state metrics lack the baseline: %+v %v", mt, err)
	}
	e.undo()
	if len(w.Maps) != 1 {
		t.Error("undo did not remove the future state")
	}
}

// A corrupt library is explained, not opened, and the file stays as it was.
func TestCorruptLibraryIsExplained(t *testing.T) {
	a := test.NewTempApp(t)
	path := filepath.Join(t.TempDir(), "library.db")
	garbage := []byte("this is not a database, just words")
	if err := os.WriteFile(path, garbage, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := store.Open(path)
	if err == nil {
		t.Fatal("store opened garbage")
	}
	ui := New(a, Options{LibraryPath: path, OpenError: err})
	if !strings.Contains(ui.Window().Title(), "not opened") {
		t.Errorf("title %q does not say the library was not opened", ui.Window().Title())
	}
	after, _ := os.ReadFile(path)
	if string(after) != string(garbage) {
		t.Error("the refused file was changed")
	}
}

// Text typed into the stage panel and not yet committed is saved when the window closes.
func TestClosingCommitsTypingInProgress(t *testing.T) {
	a := test.NewTempApp(t)
	lib, id, path := newTestLibrary(t)
	ui := New(a, Options{Library: lib})
	e := ui.editor
	e.stageEditor.IdleCommit = 0 // only an explicit commit, such as closing, may save it
	e.mapView.Select("b")
	e.showStage("b")
	e.stageEditor.FocusName() // selects the name, as after a drop
	name := ui.Window().Canvas().Focused()
	if name == nil {
		t.Fatal("FocusName focused nothing")
	}
	name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	test.Type(name, "QA and security sign-off")
	ui.shutdown()
	w := reopenWorkshop(t, path, id)
	if got := w.Maps[0].Stage("b").Name; got != "QA and security sign-off" {
		t.Errorf("after closing, stage name is %q", got)
	}
}

func TestComparisonShowsBeforeAndAfter(t *testing.T) {
	ui := newTestUI(t)
	e := ui.editor
	if e.comparison.content.Visible() {
		t.Error("a current state shows a before/after comparison")
	}
	e.mapTabs.createFutureState()
	// Halve the QA wait of the future state: 2400 → 1200 minutes.
	m := e.session.currentMap()
	edited := *m.Stage("b")
	edited.Wait = 1200
	if err := e.apply(&workshop.EditStage{MapID: m.ID, StageID: "b", Stage: edited}); err != nil {
		t.Fatal(err)
	}
	if !e.comparison.content.Visible() {
		t.Fatal("the future state shows no comparison")
	}
	var texts []string
	for _, o := range e.comparison.grid.Objects {
		texts = append(texts, o.(*widget.Label).Text)
	}
	// Lead time before: 30 + 60 + 2400 + 120 = 2610 = 1w (2400) 3h 30m; after 1410 = 2d 7h 30m;
	// change −1200 = −2d 4h, −46 %; efficiency 180/2610 = 6.9 % before, 180/1410 = 13 % after.
	joined := strings.Join(texts, "|")
	for _, want := range []string{"Lead time|1w 3h 30m|2d 7h 30m|−2d 4h (−46 %)", "Flow efficiency|6.9 %|13 %|+5.9 pts"} {
		if !strings.Contains(joined, want) {
			t.Errorf("comparison %q lacks %q", joined, want)
		}
	}
}

// The totals pill follows the metrics: lead time 30+60+2400+120 = 2610 min = 1w 3h 30m (2400 a
// week), written in full as everywhere but on cards and badges.
func TestTotalsPillFollowsEdits(t *testing.T) {
	ui := newTestUI(t)
	e := ui.editor
	if got := e.totals.figures.Text; !strings.Contains(got, "Lead time 1w 3h 30m") {
		t.Errorf("pill says %q", got)
	}
	m := e.session.currentMap()
	edited := *m.Stage("b")
	edited.Wait = 0 // lead time 30 + 60 + 120 = 210 min = 3h 30m; efficiency 180/210 = 86 %
	if err := e.apply(&workshop.EditStage{MapID: m.ID, StageID: "b", Stage: edited}); err != nil {
		t.Fatal(err)
	}
	if got := e.totals.figures.Text; !strings.Contains(got, "Lead time 3h 30m") {
		t.Errorf("after the edit the pill says %q", got)
	}
	if got := e.totals.efficiency.Text; got != "86 %" {
		t.Errorf("efficiency %q, want 86 %%", got)
	}
}

// uiQueue stands in for the window's event loop: the session's writer posts to it, and the
// test drains it on its own goroutine, as the GL driver does on the UI goroutine.
type uiQueue struct {
	mu    sync.Mutex
	queue []func()
}

func (q *uiQueue) post(f func()) {
	q.mu.Lock()
	q.queue = append(q.queue, f)
	q.mu.Unlock()
}

// drainUntil runs what was posted until cond holds, or fails after five seconds.
func (q *uiQueue) drainUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); !cond(); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		q.mu.Lock()
		queue := q.queue
		q.queue = nil
		q.mu.Unlock()
		for _, f := range queue {
			f()
		}
	}
}

// Edits made by another process (here `leadline edit`'s session) show within about a second,
// and the window's own edits are neither lost nor lose their undo.
func TestShowsEditsMadeElsewhere(t *testing.T) {
	a := test.NewTempApp(t)
	lib, id, path := newTestLibrary(t)
	q := &uiQueue{}
	ui := New(a, Options{Library: lib, RunOnUI: q.post})
	defer ui.shutdown()
	e := ui.editor
	if err := e.apply(&workshop.MoveStage{MapID: "m1", StageID: "a", X: 500, Y: 500}); err != nil {
		t.Fatal(err)
	}
	q.drainUntil(t, "the window's move to be saved", e.session.edits.Saved)

	other, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	cli, err := edit.Open(other, id)
	if err != nil {
		t.Fatal(err)
	}
	edited := *cli.Workshop().Maps[0].Stage("b")
	edited.Wait = 60
	if _, err := cli.Do(&workshop.EditStage{MapID: "m1", StageID: "b", Stage: edited}); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	q.drainUntil(t, "the window to show the other process's edit", func() bool {
		return e.session.workshop().Maps[0].Stage("b").Wait == 60
	})
	t.Logf("the window showed the outside edit after %v", time.Since(start).Round(10*time.Millisecond))
	if !strings.Contains(ui.editor.status.label.Text, "changed in another window") {
		t.Errorf("status %q does not say the workshop changed elsewhere", ui.editor.status.label.Text)
	}
	if !e.session.edits.CanUndo() {
		t.Fatal("taking in the outside edit dropped the window's undo history")
	}
	e.undo()
	ui.shutdown()
	got := reopenWorkshop(t, path, id)
	if a, b := got.Maps[0].Stage("a"), got.Maps[0].Stage("b"); a.X == 500 || b.Wait != 60 {
		t.Errorf("after undo: a at x %v (want the move undone), b waits %v (want the other's 60)", a.X, b.Wait)
	}
}

// Ctrl+Z and Ctrl+Y reach the window as Fyne's undo and redo shortcuts, not as plain keys.
func TestUndoRedoShortcuts(t *testing.T) {
	ui := newTestUI(t)
	e := ui.editor
	if err := e.apply(&workshop.MoveStage{MapID: "m1", StageID: "a", X: 500, Y: 500}); err != nil {
		t.Fatal(err)
	}
	shortcuts := &ui.shortcuts
	shortcuts.TypedShortcut(&fyne.ShortcutUndo{})
	if s := e.session.workshop().Maps[0].Stage("a"); s.X != 0 || s.Y != 0 {
		t.Fatalf("after Ctrl+Z the stage is at %v,%v, want 0,0", s.X, s.Y)
	}
	shortcuts.TypedShortcut(&fyne.ShortcutRedo{})
	if s := e.session.workshop().Maps[0].Stage("a"); s.X != 500 {
		t.Fatalf("after Ctrl+Y the stage is at x %v, want 500", s.X)
	}
}

// Undoing an edit of another map shows that map.
func TestUndoShowsTheMapItChanged(t *testing.T) {
	ui := newTestUI(t)
	e := ui.editor
	e.mapTabs.createFutureState() // now on the future state
	future := e.session.mapID
	e.switchMap("m1")
	if err := e.apply(&workshop.MoveStage{MapID: "m1", StageID: "a", X: 10, Y: 10}); err != nil {
		t.Fatal(err)
	}
	e.switchMap(future)
	e.undo()
	if e.session.mapID != "m1" {
		t.Errorf("after undoing a move on m1 the screen shows %q", e.session.mapID)
	}
}

func TestHelpOverlayClosesWithEscape(t *testing.T) {
	ui := newTestUI(t)
	ui.window.Resize(fyne.NewSize(1280, 720))
	ui.windowRune('?')
	if ui.help == nil || !ui.help.Visible() {
		t.Fatal("? did not show the help overlay")
	}
	if height := ui.help.Content.MinSize().Height; height > ui.window.Canvas().Size().Height {
		t.Errorf("the help is %v px tall in a %v px window", height, ui.window.Canvas().Size().Height)
	}
	ui.windowKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if ui.help.Visible() {
		t.Error("Escape did not close the help overlay")
	}
	if ui.presenting {
		t.Error("Escape closing the help also toggled presenter mode")
	}
}

// Clicking a flow shows its form; turning it into rework with a percentage is one undoable
// edit, a bad percentage is explained and changes nothing.
func TestFlowFormEditsRework(t *testing.T) {
	ui := newTestUI(t)
	e := ui.editor
	e.showFlow("a", "b")
	if !e.flowForm.content.Visible() || e.stageEditor.Content().Visible() {
		t.Fatal("the flow form did not take the stage panel's place")
	}
	e.flowForm.percent.SetText("150")
	e.flowForm.commit()
	if !e.flowForm.problem.Visible() || !strings.Contains(e.flowForm.problem.Text, "150") {
		t.Errorf("a bad percentage shows %q", e.flowForm.problem.Text)
	}
	if e.session.edits.CanUndo() {
		t.Fatal("a bad percentage reached the undo stack")
	}
	e.flowForm.percent.SetText("20")
	e.flowForm.rework.SetChecked(true) // commits
	f := e.session.workshop().Maps[0].Flows[0]
	if !f.Rework || f.ReworkPercent != 20 {
		t.Fatalf("flow after the edit: %+v, want rework 20%%", f)
	}
	mt, _ := e.session.metrics()
	if len(mt.CriticalPath) != 1 || mt.CriticalPath[0].ID != "b" {
		t.Errorf("with the flow as rework the critical path should be the heavier stage b alone, got %d stages", len(mt.CriticalPath))
	}
	e.undo()
	if f := e.session.workshop().Maps[0].Flows[0]; f.Rework {
		t.Error("undo did not make the flow forward again")
	}
	e.selectionChanged([]string{"a"})
	if e.flowForm.content.Visible() || !e.stageEditor.Content().Visible() {
		t.Error("selecting a stage did not bring the stage panel back")
	}
}

// The file dialogs open without a crash (Fyne's FileDialog must be shown before it is resized).
func TestFileDialogsOpen(t *testing.T) {
	ui := newTestUI(t)
	ui.Window().Resize(fyne.NewSize(1400, 900))
	ui.exportHandoutDialog()
	ui.importDialog()
	ui.exportJSONDialog(ui.editor.session.workshop())
	if len(ui.Window().Canvas().Overlays().List()) == 0 {
		t.Error("no dialog is showing")
	}
}

// Typing in the workshop details and closing the window at once (before the idle commit) keeps
// what was typed; the idle commit firing after the close is refused quietly, never a panic.
func TestClosingCommitsTheWorkshopForm(t *testing.T) {
	a := test.NewTempApp(t)
	lib, id, path := newTestLibrary(t)
	ui := New(a, Options{Library: lib})
	e := ui.editor
	e.form.IdleCommit = 50 * time.Millisecond
	entries := entriesIn(e.form.Content())
	if len(entries) < 2 {
		t.Fatalf("the workshop form shows %d entries", len(entries))
	}
	facilitator := entries[1] // name, facilitator, date, …
	test.Type(facilitator, "Ada Lovelace")
	ui.shutdown()
	time.Sleep(150 * time.Millisecond) // the idle commit fires on a closed session
	if got := reopenWorkshop(t, path, id).Facilitator; got != "Ada Lovelace" {
		t.Errorf("after closing, the facilitator is %q", got)
	}
}

// entriesIn lists the text entries under an object, in layout order.
func entriesIn(o fyne.CanvasObject) []fyne.Focusable {
	var out []fyne.Focusable
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *fyne.Container:
			for _, child := range x.Objects {
				walk(child)
			}
			return
		case fyne.Focusable:
			if _, ok := x.(fyne.Shortcutable); ok { // entries take shortcuts; buttons do not
				out = append(out, x)
				return
			}
		}
		if w, ok := o.(fyne.Widget); ok {
			for _, child := range test.WidgetRenderer(w).Objects() {
				walk(child)
			}
		}
	}
	walk(o)
	return out
}
