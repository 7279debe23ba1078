package main

import (
	"bufio"
	"crypto/sha256"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	_ "github.com/mattn/go-sqlite3" // the read-only integrity check opens its own connection

	"leadline.app/leadline/workshop"
	"leadline.app/leadline/workshop/store"
)

// These tests drive the built binary as a user's script would. Like the real-window test they
// need LEADLINE_BIN; run them with
//
//	go build -o bin/leadline ./cmd/leadline
//	LEADLINE_BIN=$PWD/bin/leadline go test -run 'TestCrashSafety|TestTwoEditors|TestBadLibrary' ./cmd/leadline/
func leadlineBin(t *testing.T) string {
	t.Helper()
	bin := os.Getenv("LEADLINE_BIN")
	if bin == "" {
		t.Skip("set LEADLINE_BIN to the built binary (go build -o bin/leadline ./cmd/leadline)")
	}
	return bin
}

// freshLibrary lets the binary create and seed a library: workshop 1 "Idea to customer",
// workshop 2 "Hotfix".
func freshLibrary(t *testing.T, bin string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "library.db")
	if out, err := exec.Command(bin, "list", "--db", path).CombinedOutput(); err != nil {
		t.Fatalf("leadline list: %v\n%s", err, out)
	}
	return path
}

// editRun is one `leadline edit` process: the lines sent, in order, and the line numbers it
// acknowledged.
type editRun struct {
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	stderr strings.Builder

	mu    sync.Mutex
	sent  []string // sent[n-1] is input line n
	acked []int
	done  chan struct{} // closed once stdout reaches EOF
}

func startEdit(t *testing.T, bin, path, workshopID string) *editRun {
	t.Helper()
	r := &editRun{done: make(chan struct{})}
	r.cmd = exec.Command(bin, "edit", "--db", path, "--workshop", workshopID)
	r.cmd.Env = append(os.Environ(), "LANG=en_US.UTF-8")
	r.cmd.Stderr = &r.stderr
	var err error
	if r.stdin, err = r.cmd.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	stdout, err := r.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := r.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		defer close(r.done)
		lines := bufio.NewScanner(stdout)
		for lines.Scan() {
			n, err := strconv.Atoi(strings.TrimPrefix(lines.Text(), "ok "))
			if err != nil {
				continue
			}
			r.mu.Lock()
			r.acked = append(r.acked, n)
			r.mu.Unlock()
		}
	}()
	return r
}

// send writes one edit line; it reports false once the process is gone.
func (r *editRun) send(line string) bool {
	r.mu.Lock()
	r.sent = append(r.sent, line)
	r.mu.Unlock()
	_, err := io.WriteString(r.stdin, line+"\n")
	return err == nil
}

// finish closes stdin, waits for the process to end and returns its acknowledged lines.
func (r *editRun) finish(t *testing.T) []int {
	t.Helper()
	r.stdin.Close()
	<-r.done
	if err := r.cmd.Wait(); err != nil {
		t.Fatalf("leadline edit: %v\nstderr: %s", err, r.stderr.String())
	}
	return r.acked
}

// TestCrashSafety kills `leadline edit` with SIGKILL at a random moment, 20 times, and checks
// after each kill that every acknowledged edit is in the library and the file is intact.
// LEADLINE_CRASH_SEED replays a logged run.
func TestCrashSafety(t *testing.T) {
	bin := leadlineBin(t)
	path := freshLibrary(t, bin)
	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv("LEADLINE_CRASH_SEED"); s != "" {
		seed, _ = strconv.ParseUint(s, 10, 64)
	}
	t.Logf("seed %d (LEADLINE_CRASH_SEED=%d replays it)", seed, seed)
	random := rand.New(rand.NewPCG(seed, 0))
	totalAcks := 0
	for round := 0; round < 20; round++ {
		before := loadWorkshop(t, path, 2)
		delay := time.Duration(20+random.IntN(480)) * time.Millisecond
		// The writer draws from its own source, so a replayed seed gives the same edits even
		// though how many get written before the kill varies.
		edits := rand.New(rand.NewPCG(seed, uint64(round)))
		run := startEdit(t, bin, path, "2")
		stageIDs := stageIDsOf(before.Maps[0])
		writerDone := make(chan struct{})
		go func() {
			defer close(writerDone)
			for n := 1; ; n++ {
				if !run.send(crashEdit(edits, round, n, stageIDs)) {
					return
				}
			}
		}()
		time.Sleep(delay)
		_ = run.cmd.Process.Kill() // SIGKILL: no deferred Close, no checkpoint, no flush
		<-run.done                 // acks already in the pipe were printed before the kill: they count
		_ = run.cmd.Wait()
		<-writerDone
		run.mu.Lock()
		acked := append([]int(nil), run.acked...)
		sent := append([]string(nil), run.sent...)
		run.mu.Unlock()
		totalAcks += len(acked)
		t.Logf("round %2d: killed after %v, %d edits acknowledged", round, delay, len(acked))
		after := loadWorkshop(t, path, 2)
		checkAcknowledged(t, round, before, after, sent, acked)
		integrityCheck(t, path)
	}
	if totalAcks < 20 {
		t.Errorf("only %d edits acknowledged in 20 rounds: the kills came too early to prove anything", totalAcks)
	}
}

// crashEdit makes input line n of a round: mostly moves to a position unique to (round, n),
// every fifth an add named after (round, n), every seventh a wait of n minutes.
func crashEdit(random *rand.Rand, round, n int, stageIDs []string) string {
	stage := stageIDs[random.IntN(len(stageIDs))]
	switch {
	case n%5 == 0:
		return fmt.Sprintf(`{"op":"add","name":"crash r%d n%d","department":"QA","wait":"%dm"}`, round, n, n)
	case n%7 == 0:
		return fmt.Sprintf(`{"op":"wait","stage":%q,"wait":%d}`, stage, n)
	}
	return fmt.Sprintf(`{"op":"move","stage":%q,"x":%d,"y":%d}`, stage, n, round)
}

// checkAcknowledged replays the acknowledged lines over the workshop as it was before the
// round. The line after the last acknowledged one may have been saved just before the kill,
// so either outcome is accepted for it; nothing else may differ.
func checkAcknowledged(t *testing.T, round int, before, after *workshop.Workshop, sent []string, acked []int) {
	t.Helper()
	for i, n := range acked {
		if n != i+1 {
			t.Fatalf("round %d: acknowledgement %d is for line %d: acknowledged out of order", round, i+1, n)
		}
	}
	known := map[string]bool{}
	for _, id := range stageIDsOf(before.Maps[0]) {
		known[id] = true
	}
	expected := replay(t, before, sent[:len(acked)])
	if sameStages(expected.Maps[0], after.Maps[0], known) {
		return
	}
	if len(sent) > len(acked) {
		withNext := replay(t, before, sent[:len(acked)+1])
		if sameStages(withNext.Maps[0], after.Maps[0], known) {
			return
		}
	}
	t.Fatalf("round %d: after %d acknowledged edits the library differs from them:\n%s", round, len(acked),
		stageDiff(expected.Maps[0], after.Maps[0], known))
}

// stageDiff lists the stages that differ, at most ten each way.
func stageDiff(want, got *workshop.Map, known map[string]bool) string {
	wantLines := strings.Split(describeStages(want, known), "\n")
	gotLines := strings.Split(describeStages(got, known), "\n")
	var out []string
	for _, side := range []struct {
		label       string
		lines, than []string
	}{{"lost:", wantLines, gotLines}, {"unexpected:", gotLines, wantLines}} {
		other := map[string]bool{}
		for _, l := range side.than {
			other[l] = true
		}
		shown := 0
		for _, l := range side.lines {
			if !other[l] && shown < 10 {
				out = append(out, side.label+l)
				shown++
			}
		}
	}
	return strings.Join(out, "\n")
}

// replay applies edit lines to a copy of the workshop with the same code the binary runs.
func replay(t *testing.T, w *workshop.Workshop, lines []string) *workshop.Workshop {
	t.Helper()
	editor := &lineEditor{w: w.Clone()}
	var history workshop.History
	for i, line := range lines {
		var e editLine
		if err := jsonUnmarshalStrict(line, &e); err != nil {
			t.Fatalf("line %d %s: %v", i+1, line, err)
		}
		cmd, _, err := editor.command(e)
		if err == nil {
			_, err = history.Do(editor.w, cmd)
		}
		if err != nil {
			t.Fatalf("replay line %d %s: %v", i+1, line, err)
		}
	}
	return editor.w
}

func jsonUnmarshalStrict(line string, v any) error {
	decoder := json.NewDecoder(strings.NewReader(line))
	decoder.DisallowUnknownFields()
	return decoder.Decode(v)
}

func sameStages(a, b *workshop.Map, known map[string]bool) bool {
	return describeStages(a, known) == describeStages(b, known)
}

// describeStages lists a map's stages. A stage added in this round has a random id, different
// in the replay and in the binary, so it is described as "new" and told apart by its name.
func describeStages(m *workshop.Map, known map[string]bool) string {
	var lines []string
	for _, s := range m.Stages {
		id := s.ID
		if !known[id] {
			id = "new"
		}
		lines = append(lines, fmt.Sprintf("  %s %q %s wait %v at (%v, %v)", id, s.Name, s.Department, s.Wait, s.X, s.Y))
	}
	return strings.Join(lines, "\n")
}

func stageIDsOf(m *workshop.Map) []string {
	ids := make([]string, len(m.Stages))
	for i, s := range m.Stages {
		ids[i] = s.ID
	}
	return ids
}

func loadWorkshop(t *testing.T, path string, id int64) *workshop.Workshop {
	t.Helper()
	lib, err := store.Open(path)
	if err != nil {
		t.Fatalf("reopen after kill: %v", err)
	}
	defer lib.Close()
	w, err := lib.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// integrityCheck reads the file through its own read-only connection, so that nothing in the
// store can mask damage.
func integrityCheck(t *testing.T, path string) {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro&_busy_timeout=5000")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var result string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&result); err != nil {
		t.Fatalf("integrity_check: %v", err)
	}
	if result != "ok" {
		t.Fatalf("integrity_check: %s", result)
	}
}

func fileHash(t *testing.T, path string) [32]byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(data)
}

// TestTwoEditorsOneLibrary runs two `leadline edit` processes on one library at once: one on
// the Hotfix workshop, one moving other Hotfix stages and editing "Idea to customer". Neither
// may report "database is locked" (or anything else), and a third process started afterwards
// works on top of both: its map-wide edit (a delete) must keep every earlier edit.
func TestTwoEditorsOneLibrary(t *testing.T) {
	bin := leadlineBin(t)
	path := freshLibrary(t, bin)
	const rounds = 300
	first := startEdit(t, bin, path, "2")
	second := startEdit(t, bin, path, "2")
	third := startEdit(t, bin, path, "1")
	idea := loadWorkshop(t, path, 1).Maps[0]
	var wg sync.WaitGroup
	for _, job := range []struct {
		run  *editRun
		edit func(n int) string
	}{
		{first, func(n int) string {
			if n%10 == 0 {
				return fmt.Sprintf(`{"op":"add","name":"first %d","department":"Support","wait":"%dm"}`, n, n)
			}
			return fmt.Sprintf(`{"op":"move","stage":%q,"x":%d,"y":1}`, []string{"ticket", "fix", "staging"}[n%3], n)
		}},
		{second, func(n int) string {
			return fmt.Sprintf(`{"op":"move","stage":%q,"x":%d,"y":2}`, []string{"pm", "qa", "deploy"}[n%3], n)
		}},
		{third, func(n int) string {
			return fmt.Sprintf(`{"op":"wait","map":%q,"stage":%q,"wait":%d}`, idea.ID, idea.Stages[n%len(idea.Stages)].ID, n)
		}},
	} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := 1; n <= rounds; n++ {
				job.run.send(job.edit(n))
			}
		}()
	}
	wg.Wait()
	for i, run := range []*editRun{first, second, third} {
		acked := run.finish(t)
		if len(acked) != rounds || run.stderr.Len() > 0 {
			t.Errorf("editor %d: %d of %d edits acknowledged; stderr %q", i+1, len(acked), rounds, run.stderr.String())
		}
	}

	after := startEdit(t, bin, path, "2")
	after.send(`{"op":"delete","stage":"verify"}`)
	if acked := after.finish(t); len(acked) != 1 {
		t.Fatalf("the later editor acknowledged %v", acked)
	}
	hotfix := loadWorkshop(t, path, 2).Maps[0]
	// Each stage's last move; the first editor adds instead of moving on every tenth line.
	want := map[string][2]float64{}
	for n := 1; n <= rounds; n++ {
		if n%10 != 0 {
			want[[]string{"ticket", "fix", "staging"}[n%3]] = [2]float64{float64(n), 1}
		}
		want[[]string{"pm", "qa", "deploy"}[n%3]] = [2]float64{float64(n), 2}
	}
	for id, xy := range want {
		s := hotfix.Stage(id)
		if s == nil || s.X != xy[0] || s.Y != xy[1] {
			t.Errorf("stage %s = %+v, want at %v", id, s, xy)
		}
	}
	added := 0
	for _, s := range hotfix.Stages {
		if strings.HasPrefix(s.Name, "first ") {
			added++
		}
	}
	if added != rounds/10 || hotfix.Stage("verify") != nil {
		t.Errorf("%d stages added by the first editor (want %d); verify deleted: %v", added, rounds/10, hotfix.Stage("verify") == nil)
	}
	for i, s := range loadWorkshop(t, path, 1).Maps[0].Stages {
		// The last n (≤ rounds) with n % stages == i.
		last := rounds - (rounds-i)%len(idea.Stages)
		if last >= 1 && s.Wait != float64(last) {
			t.Errorf("Idea to customer stage %s waits %v, want %d", s.ID, s.Wait, last)
		}
	}
	integrityCheck(t, path)
}

// TestBadLibraryRefused gives `leadline list` a truncated, a garbled and a foreign file: each is
// refused with one stderr line naming the file, a non-zero exit, and not one byte changed.
func TestBadLibraryRefused(t *testing.T) {
	bin := leadlineBin(t)
	good, err := os.ReadFile(freshLibrary(t, bin))
	if err != nil {
		t.Fatal(err)
	}
	garbled := append([]byte(nil), good...)
	for i := 100; i < len(garbled); i += 97 {
		garbled[i] ^= 0x5a
	}
	cases := []struct {
		name string
		data []byte
	}{
		{"truncated", good[:len(good)/3]},
		{"garbled", garbled},
		{"not SQLite", []byte("name,lead time,process time\nBuild,4,2\n")},
		{"empty", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "Bibliothèque "+strings.ReplaceAll(c.name, " ", "-")+".db")
			if err := os.WriteFile(path, c.data, 0o600); err != nil {
				t.Fatal(err)
			}
			hash := fileHash(t, path)
			cmd := exec.Command(bin, "list", "--db", path)
			var stdout, stderr strings.Builder
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			err := cmd.Run()
			if err == nil {
				t.Fatalf("exit 0; stdout %q", stdout.String())
			}
			message := strings.TrimSuffix(stderr.String(), "\n")
			if strings.Contains(message, "\n") || !strings.Contains(message, path) {
				t.Errorf("stderr must be one line naming %s, got %q", path, stderr.String())
			}
			t.Logf("%s: %s", c.name, message)
			if fileHash(t, path) != hash {
				t.Error("the refused file was changed")
			}
			for _, sidecar := range []string{"-wal", "-shm", "-journal"} {
				if _, err := os.Stat(path + sidecar); err == nil {
					t.Errorf("a %s file was left beside the refused library", sidecar)
				}
			}
		})
	}
}
