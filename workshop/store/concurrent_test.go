package store_test

import (
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"testing"

	"leadline.app/leadline/workshop"
	"leadline.app/leadline/workshop/session"
	"leadline.app/leadline/workshop/store"
)

func sharedWorkshop() *workshop.Workshop {
	w := workshop.NewWorkshop("Shared board")
	w.Maps = []*workshop.Map{{ID: "m1", Name: "Everyone adds here", State: workshop.Current}}
	return w
}

// addAndMove saves edits as the app does: add a stage, then move it, each its own transaction.
// Every writer works through its own edit session on its own copy of the model, so that all
// of its edits must be in the file at the end, whatever the interleaving: a stale save is
// replayed on a fresh copy, never written over the other's.
func addAndMove(lib *store.Library, id int64, prefix string, edits int) error {
	s, err := session.Open(lib, id)
	if err != nil {
		return err
	}
	for e := 0; e < edits; e++ {
		stageID := fmt.Sprintf("%s-%d", prefix, e)
		add := &workshop.AddStage{MapID: "m1", Stage: workshop.Stage{ID: stageID, Name: "Этап " + stageID, Wait: float64(e)}}
		if _, err := s.Do(add); err != nil {
			return fmt.Errorf("%s: %w", stageID, err)
		}
		move := &workshop.MoveStage{MapID: "m1", StageID: stageID, X: float64(e), Y: 42}
		if _, err := s.Do(move); err != nil {
			return fmt.Errorf("%s: %w", stageID, err)
		}
	}
	return s.Close()
}

// checkAllStages loads the shared workshop and checks that every writer's every edit is there.
func checkAllStages(t *testing.T, lib *store.Library, id int64, prefixes []string, edits int) {
	t.Helper()
	w, err := lib.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	stages := w.Maps[0].Stages
	if want := len(prefixes) * edits; len(stages) != want {
		t.Fatalf("%d stages in the file, want %d", len(stages), want)
	}
	for _, prefix := range prefixes {
		for e := 0; e < edits; e++ {
			s := w.Maps[0].Stage(fmt.Sprintf("%s-%d", prefix, e))
			if s == nil || s.X != float64(e) || s.Y != 42 || s.Wait != float64(e) {
				t.Errorf("stage %s-%d lost or half-saved: %+v", prefix, e, s)
			}
		}
	}
}

func TestTwoLibrariesWriteConcurrently(t *testing.T) {
	path := newLibraryPath(t)
	libraries := []*store.Library{openLibrary(t, path), openLibrary(t, path)}
	id, err := libraries[0].Create(sharedWorkshop())
	if err != nil {
		t.Fatal(err)
	}
	const writersPerLibrary, edits, creates = 3, 20, 10
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	var prefixes []string
	for li, lib := range libraries {
		for g := 0; g < writersPerLibrary; g++ {
			prefix := fmt.Sprintf("L%dG%d", li, g)
			prefixes = append(prefixes, prefix)
			wg.Add(1)
			go func() {
				defer wg.Done()
				if err := addAndMove(lib, id, prefix, edits); err != nil {
					errs <- err
				}
			}()
		}
		wg.Add(1)
		go func() { // other workshops come and go meanwhile, and the list is read
			defer wg.Done()
			for i := 0; i < creates; i++ {
				if _, err := lib.Create(richWorkshop()); err != nil {
					errs <- err
					return
				}
				if _, err := lib.List(); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("concurrent write failed: %v", err)
	}
	for _, lib := range libraries {
		checkAllStages(t, lib, id, prefixes, edits)
		if list, _ := lib.List(); len(list) != 1+2*creates {
			t.Errorf("List() holds %d workshops, want %d", len(list), 1+2*creates)
		}
	}
	for _, lib := range libraries {
		lib.Close()
	}
	integrityCheck(t, path)
}

// TestTwoProcessesWriteConcurrently runs this test binary twice more as writer processes on
// one library, as the app and the command line would share it.
func TestTwoProcessesWriteConcurrently(t *testing.T) {
	path := newLibraryPath(t)
	lib := openLibrary(t, path)
	id, err := lib.Create(sharedWorkshop())
	if err != nil {
		t.Fatal(err)
	}
	const edits = 100
	prefixes := []string{"P1", "P2"}
	var commands []*exec.Cmd
	var outputs []*strings.Builder
	for _, prefix := range prefixes {
		cmd := exec.Command(os.Args[0], "-test.run=^TestWriterProcess$")
		cmd.Env = append(os.Environ(), "LEADLINE_STORE_WRITER="+strings.Join([]string{path, strconv.FormatInt(id, 10), prefix, strconv.Itoa(edits)}, "|"))
		out := &strings.Builder{}
		cmd.Stdout, cmd.Stderr = out, out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		commands, outputs = append(commands, cmd), append(outputs, out)
	}
	for i, cmd := range commands {
		if err := cmd.Wait(); err != nil {
			t.Errorf("writer %s: %v\n%s", prefixes[i], err, outputs[i])
		}
	}
	checkAllStages(t, lib, id, prefixes, edits) // this process sees both others' edits
	lib.Close()
	integrityCheck(t, path)
}

// TestWriterProcess is the child of TestTwoProcessesWriteConcurrently; alone it does nothing.
func TestWriterProcess(t *testing.T) {
	spec := os.Getenv("LEADLINE_STORE_WRITER")
	if spec == "" {
		t.Skip("only runs as a child of TestTwoProcessesWriteConcurrently")
	}
	parts := strings.Split(spec, "|")
	id, _ := strconv.ParseInt(parts[1], 10, 64)
	edits, _ := strconv.Atoi(parts[3])
	lib := openLibrary(t, parts[0])
	if err := addAndMove(lib, id, parts[2], edits); err != nil {
		t.Fatal(err)
	}
}
