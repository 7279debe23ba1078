package session_test

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"leadline.app/leadline/workshop"
	"leadline.app/leadline/workshop/session"
	"leadline.app/leadline/workshop/store"
)

// newLibrary creates a library file holding one two-stage workshop and returns its path and id.
func newLibrary(t *testing.T) (string, int64) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "lib.db")
	lib := openLib(t, path)
	w := workshop.NewWorkshop("Release")
	w.Maps = []*workshop.Map{{ID: "m1", Name: "Now", State: workshop.Current, Stages: []*workshop.Stage{
		{ID: "a", Name: "Build", Process: 60, Wait: 30},
		{ID: "b", Name: "Test", Process: 120, Wait: 240},
	}, Flows: []workshop.Flow{{From: "a", To: "b"}}}}
	id, err := lib.Create(w)
	if err != nil {
		t.Fatal(err)
	}
	return path, id
}

// openLib opens the file as another process would: its own handle and connection pool.
func openLib(t *testing.T, path string) *store.Library {
	t.Helper()
	lib, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lib.Close() })
	return lib
}

func openSession(t *testing.T, path string, id int64) *session.Session {
	t.Helper()
	s, err := session.Open(openLib(t, path), id)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func load(t *testing.T, path string, id int64) *workshop.Workshop {
	t.Helper()
	w, err := openLib(t, path).Load(id)
	if err != nil {
		t.Fatal(err)
	}
	return w
}

func addStage(name string) *workshop.AddStage {
	return &workshop.AddStage{MapID: "m1", Stage: workshop.Stage{Name: name, Wait: 10}}
}

// TestStaleWriterReplaysInsteadOfOverwriting is finding 1 of the edit-path issue: two writers
// loaded the same workshop; each adds stages. Before revisions, both picked "s3" from their
// copies and the second overwrote the first; a later map-wide save undid the other's deletes.
func TestStaleWriterReplaysInsteadOfOverwriting(t *testing.T) {
	path, id := newLibrary(t)
	first, second := openSession(t, path, id), openSession(t, path, id)
	for i := 0; i < 3; i++ {
		if _, err := first.Do(addStage(fmt.Sprintf("first %d", i))); err != nil {
			t.Fatal(err)
		}
		if _, err := second.Do(addStage(fmt.Sprintf("second %d", i))); err != nil {
			t.Fatal(err)
		}
	}
	// The second writer deletes a stage; the first, still holding it, then moves another one.
	if _, err := second.Do(&workshop.DeleteStage{MapID: "m1", StageID: "a"}); err != nil {
		t.Fatal(err)
	}
	if _, err := first.Do(&workshop.MoveStage{MapID: "m1", StageID: "b", X: 500, Y: 5}); err != nil {
		t.Fatal(err)
	}
	got := load(t, path, id).Maps[0]
	var names []string
	for _, s := range got.Stages {
		names = append(names, s.Name)
	}
	want := "Test first 0 second 0 first 1 second 1 first 2 second 2"
	if strings.Join(names, " ") != want {
		t.Errorf("stages %q, want %q", strings.Join(names, " "), want)
	}
	if b := got.Stage("b"); b == nil || b.X != 500 {
		t.Errorf("the first writer's move of b is lost: %+v", b)
	}
	if first.Workshop().Maps[0].Stage("a") != nil {
		t.Error("the first writer's model still holds the stage the second deleted")
	}
}

// TestEditThatNoLongerAppliesIsRefused: a stage deleted elsewhere cannot be moved; the refusal
// says why, the model is the fresh one, and undo does not try the refused edit.
func TestEditThatNoLongerAppliesIsRefused(t *testing.T) {
	path, id := newLibrary(t)
	first, second := openSession(t, path, id), openSession(t, path, id)
	if _, err := second.Do(&workshop.DeleteStage{MapID: "m1", StageID: "b"}); err != nil {
		t.Fatal(err)
	}
	_, err := first.Do(&workshop.MoveStage{MapID: "m1", StageID: "b", X: 1, Y: 1})
	if err == nil || !strings.Contains(err.Error(), "Move stage no longer applies") || !strings.Contains(err.Error(), "another window") {
		t.Fatalf("move of a stage deleted elsewhere = %v, want a refusal naming the edit and why", err)
	}
	if first.CanUndo() {
		t.Errorf("undo still offers %q, an edit that was refused", first.UndoLabel())
	}
	if got := load(t, path, id).Maps[0]; got.Stage("b") != nil || len(got.Stages) != 1 {
		t.Errorf("the refused move brought the deleted stage back: %+v", got.Stages)
	}
}

// TestRenameInLibraryViewIsKept is finding 2: a rename made beside the open session (the
// library view writes the store directly) must survive the session's next workshop-wide edit.
func TestRenameInLibraryViewIsKept(t *testing.T) {
	path, id := newLibrary(t)
	s := openSession(t, path, id)
	if err := openLib(t, path).Rename(id, "Renamed in the library"); err != nil {
		t.Fatal(err)
	}
	fields := s.Workshop().Fields()
	fields.Facilitator = "Ada"
	if _, err := s.Do(&workshop.EditWorkshop{Fields: fields}); err != nil {
		t.Fatal(err)
	}
	if got := load(t, path, id); got.Name != "Renamed in the library" || got.Facilitator != "Ada" {
		t.Errorf("name %q facilitator %q, want the rename and the edit both", got.Name, got.Facilitator)
	}
}

// TestEditAfterCloseIsAnError is finding 3's second half: never a panic, never a lost write.
func TestEditAfterCloseIsAnError(t *testing.T) {
	path, id := newLibrary(t)
	s := openSession(t, path, id)
	s.StartWriter(session.Writer{Post: func(f func()) { f() }})
	if _, err := s.Do(addStage("before close")); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Do(addStage("after close")); !errors.Is(err, session.ErrClosed) {
		t.Errorf("Do after Close = %v, want ErrClosed", err)
	}
	if _, err := s.Undo(); !errors.Is(err, session.ErrClosed) {
		t.Errorf("Undo after Close = %v, want ErrClosed", err)
	}
	if got := load(t, path, id).Maps[0]; len(got.Stages) != 3 || got.Stages[2].Name != "before close" {
		t.Errorf("Close did not save the queued edit: %+v", got.Stages)
	}
}

// uiLoop stands in for the window's event loop: Post queues a function, run executes them on
// the test goroutine, as fyne.Do does on the UI goroutine.
type uiLoop struct {
	mu    sync.Mutex
	queue []func()
}

func (u *uiLoop) post(f func()) {
	u.mu.Lock()
	u.queue = append(u.queue, f)
	u.mu.Unlock()
}

// runUntil runs posted functions until cond holds or the deadline passes.
func (u *uiLoop) runUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		u.mu.Lock()
		queue := u.queue
		u.queue = nil
		u.mu.Unlock()
		for _, f := range queue {
			f()
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// TestWindowTakesInOutsideEditsAndKeepsItsUndo: the app's writer notices another process's
// edit by polling, swaps in the fresh model on the UI goroutine, and its own earlier edit can
// still be undone.
func TestWindowTakesInOutsideEditsAndKeepsItsUndo(t *testing.T) {
	path, id := newLibrary(t)
	ui := &uiLoop{}
	window := openSession(t, path, id)
	reloads := 0
	window.StartWriter(session.Writer{Post: ui.post, Poll: 20 * time.Millisecond,
		OnReload: func([]error) { reloads++ }, OnError: func(err error) { t.Errorf("writer: %v", err) }})
	if _, err := window.Do(&workshop.MoveStage{MapID: "m1", StageID: "a", X: 42}); err != nil {
		t.Fatal(err)
	}
	ui.runUntil(t, "the move to be saved", window.Saved)

	cli := openSession(t, path, id)
	if _, err := cli.Do(addStage("from the command line")); err != nil {
		t.Fatal(err)
	}
	ui.runUntil(t, "the window to take in the outside edit", func() bool {
		return len(window.Workshop().Maps[0].Stages) == 3
	})
	if reloads == 0 {
		t.Error("OnReload was not called")
	}
	if _, err := window.Undo(); err != nil {
		t.Fatalf("undo of the window's own move after the reload: %v", err)
	}
	ui.runUntil(t, "the undo to be saved", window.Saved)
	if err := window.Close(); err != nil {
		t.Fatal(err)
	}
	got := load(t, path, id).Maps[0]
	if len(got.Stages) != 3 || got.Stage("a").X != 0 {
		t.Errorf("after undo: stages %d, a at x %v; want the CLI's stage kept and the move undone", len(got.Stages), got.Stage("a").X)
	}
}

// TestAsyncWritersInterleave: a window writing asynchronously and a command-line writer adding
// stages at once; every edit of both is in the file at the end.
func TestAsyncWritersInterleave(t *testing.T) {
	path, id := newLibrary(t)
	ui := &uiLoop{}
	window := openSession(t, path, id)
	window.StartWriter(session.Writer{Post: ui.post, Poll: 10 * time.Millisecond,
		OnError: func(err error) { t.Errorf("writer: %v", err) }})
	done := make(chan error)
	go func() {
		cli, err := session.Open(openLib(t, path), id)
		if err != nil {
			done <- err
			return
		}
		for i := 0; i < 20; i++ {
			if _, err := cli.Do(addStage(fmt.Sprintf("cli %d", i))); err != nil {
				done <- err
				return
			}
		}
		done <- cli.Close()
	}()
	for i := 0; i < 20; i++ {
		if _, err := window.Do(addStage(fmt.Sprintf("window %d", i))); err != nil {
			t.Fatal(err)
		}
		ui.runUntil(t, "a turn of the UI loop", func() bool { return true })
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	ui.runUntil(t, "the window's edits to be saved", window.Saved)
	if err := window.Close(); err != nil {
		t.Fatal(err)
	}
	if got := load(t, path, id).Maps[0]; len(got.Stages) != 42 {
		t.Errorf("%d stages, want 2 + 20 + 20", len(got.Stages))
	}
}

// A library that cannot be written refuses every edit before it touches the model, so the
// screen never shows an edit that will not be kept.
func TestReadOnlyLibraryRefusesEdits(t *testing.T) {
	path, id := newLibrary(t)
	lib, err := store.OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	s, err := session.Open(lib, id)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Do(addStage("never kept")); !errors.Is(err, store.ErrReadOnly) {
		t.Fatalf("Do on a read-only library = %v, want ErrReadOnly", err)
	}
	if n := len(s.Workshop().Maps[0].Stages); n != 2 || s.CanUndo() {
		t.Errorf("the refused edit reached the model (%d stages) or the history (%v)", n, s.CanUndo())
	}
}
