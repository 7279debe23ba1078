package store_test

import (
	"bufio"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"leadline.app/leadline/workshop"
)

// TestAcknowledgedEditsSurviveSIGKILL starts a writer process, lets it acknowledge a random
// number of saved edits, kills it with SIGKILL mid-stream, and reopens the library: the WAL and
// shared-memory files the dead process left behind must not make Open refuse the file, and
// every acknowledged edit must be there.
func TestAcknowledgedEditsSurviveSIGKILL(t *testing.T) {
	path := newLibraryPath(t)
	lib := openLibrary(t, path)
	id, err := lib.Create(sharedWorkshop())
	if err != nil {
		t.Fatal(err)
	}
	lib.Close()
	random := rand.New(rand.NewSource(1))
	var acknowledged []string
	for round := 0; round < 4; round++ {
		prefix := fmt.Sprintf("R%d", round)
		acknowledged = append(acknowledged, killWriterAfter(t, path, id, prefix, 5+random.Intn(60))...)
		if _, err := os.Stat(path + "-wal"); err != nil {
			t.Logf("round %d: no WAL left behind (%v)", round, err)
		}
		reopened := openLibrary(t, path)
		w, err := reopened.Load(id)
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		for _, stageID := range acknowledged {
			if s := w.Maps[0].Stage(stageID); s == nil || s.Y != 42 {
				t.Fatalf("round %d: acknowledged stage %s lost or half-saved: %+v", round, stageID, s)
			}
		}
		reopened.Close()
	}
	integrityCheck(t, path)
}

// killWriterAfter runs TestCrashWriterProcess, reads its acknowledgements, and kills it with
// SIGKILL after the given number; it returns the stage ids acknowledged.
func killWriterAfter(t *testing.T, path string, id int64, prefix string, acks int) []string {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashWriterProcess$", "-test.v")
	cmd.Env = append(os.Environ(), "LEADLINE_STORE_CRASH_WRITER="+path+"|"+strconv.FormatInt(id, 10)+"|"+prefix)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var seen []string
	lines := bufio.NewScanner(stdout)
	for len(seen) < acks && lines.Scan() {
		if stageID, ok := strings.CutPrefix(lines.Text(), "ack "); ok {
			seen = append(seen, stageID)
		}
	}
	_ = cmd.Process.Kill() // SIGKILL on Unix: no deferred Close, no checkpoint
	_ = cmd.Wait()
	if len(seen) < acks {
		t.Fatalf("writer %s stopped after %d acknowledgements, want %d", prefix, len(seen), acks)
	}
	return seen
}

// TestCrashWriterProcess is the child of TestAcknowledgedEditsSurviveSIGKILL: it saves edits
// until killed, printing "ack ID" only after each Save has returned.
func TestCrashWriterProcess(t *testing.T) {
	spec := os.Getenv("LEADLINE_STORE_CRASH_WRITER")
	if spec == "" {
		t.Skip("only runs as a child of TestAcknowledgedEditsSurviveSIGKILL")
	}
	parts := strings.Split(spec, "|")
	id, _ := strconv.ParseInt(parts[1], 10, 64)
	lib := openLibrary(t, parts[0])
	w, err := lib.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	for e := 0; e < 100000; e++ {
		stageID := fmt.Sprintf("%s-%d", parts[2], e)
		add := &workshop.AddStage{MapID: "m1", Stage: workshop.Stage{ID: stageID, Name: "Этап", Y: 42}}
		ch, err := add.Apply(w)
		if err != nil {
			t.Fatal(err)
		}
		if err := saveChange(lib, id, w, ch); err != nil {
			t.Fatal(err)
		}
		fmt.Println("ack " + stageID)
	}
}
