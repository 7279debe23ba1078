package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// How soon the window must show an edit made by `leadline edit` (issue 10: "within 2 s"), and
// how long it keeps taking screenshots to find out, so a slow run reports its real figure.
const (
	outsideEditBudget = 2 * time.Second
	outsideEditWatch  = 4 * time.Second
)

// The CLI's stage: a name no sample uses and OCR reads reliably, placed in an empty spot of the
// Hotfix map below "Fix", then moved one column to the left, below "Support ticket".
const (
	cliStageName     = "Zebra Audit"
	cliStageX        = 240
	cliStageY        = 420
	cliStageMovedX   = 40
	windowStageName  = "Window Pilot"
	hotfixWorkshopID = "2"
)

// TestRealWindowWithCommandLineEditor opens the Hotfix sample in a real window under Xvfb and,
// while it is open, edits the same workshop with `leadline edit`: the window must show the
// CLI's new stage within outsideEditBudget (read back from screenshots with tesseract), take an
// edit of its own (a department dropped from the palette and named), show a second CLI edit
// (a move), and after SIGTERM the library must hold all three.
func TestRealWindowWithCommandLineEditor(t *testing.T) {
	if os.Getenv("LEADLINE_E2E") == "" {
		t.Skip("set LEADLINE_E2E=1 and LEADLINE_BIN (make e2e) to drive a real window")
	}
	for _, tool := range []string{"Xvfb", "xdotool", "import", "tesseract"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is missing: run make setup", tool)
		}
	}
	bin := os.Getenv("LEADLINE_BIN")
	env, dir := roomEnv(t, "1920x1080x24")
	db := freshLibrary(t, bin)
	app := startTerminableApp(t, env, dir, "--db", db, "--workshop", hotfixWorkshopID)

	x := xdotool{t: t, env: env}
	win := strings.Fields(x.run("search", "--sync", "--onlyvisible", "--name", "^Leadline"))[0]
	x.place(win, rect{0, 0, 1600, 1000})
	time.Sleep(2500 * time.Millisecond)
	before := artifactPath(t, "editors-before.png")
	x.screenshot(before)
	if found := ocrFind(ocrWords(t, before), cliStageName); found != nil {
		t.Fatalf("%q is on screen before the CLI added it; see %s", cliStageName, before)
	}

	// 1. The CLI adds a stage; the window must show it.
	edit(t, bin, db, fmt.Sprintf(`{"op":"add","name":%q,"department":"Legal","x":%d,"y":%d}`, cliStageName, cliStageX, cliStageY))
	shown := watchFor(t, x, "editors-cli-add", func(shot string) bool { return ocrFind(ocrWords(t, shot), cliStageName) != nil })
	t.Logf("the window showed the CLI's new stage %v after `leadline edit` acknowledged it (upper bound: the screenshot's end)", shown.Round(time.Millisecond))
	if shown > outsideEditBudget {
		t.Errorf("the window took %v to show the CLI's stage %q, over the %v of issue 10", shown, cliStageName, outsideEditBudget)
	}

	// 2. An edit in the window: the gesture of TestRealWindow, a Marketing stage dropped and
	// named in its on-card editor, which Enter saves.
	x.dropMarketing(x.geometry(win))
	x.run("key", "ctrl+a")
	x.run("type", "--delay", "40", windowStageName)
	x.run("key", "Return")
	time.Sleep(1500 * time.Millisecond)
	windowEdit := artifactPath(t, "editors-window-edit.png")
	x.screenshot(windowEdit)
	if movedLeftOfFix(t, windowEdit) {
		t.Fatalf("%q is already left of the Fix card before the CLI moves it; see %s", cliStageName, windowEdit)
	}

	// 3. The CLI moves its stage one column left; the window must show that too.
	id := stageNamed(t, exportHotfix(t, bin, db), cliStageName).ID
	edit(t, bin, db, fmt.Sprintf(`{"op":"move","stage":%q,"x":%d,"y":%d}`, id, cliStageMovedX, cliStageY))
	moved := watchFor(t, x, "editors-cli-move", func(shot string) bool { return movedLeftOfFix(t, shot) })
	t.Logf("the window showed the CLI's move %v after it was acknowledged", moved.Round(time.Millisecond))
	if shot := artifactPath(t, "editors-cli-move.png"); ocrFind(ocrWords(t, shot), windowStageName) == nil {
		t.Errorf("the window's own stage %q is gone from the screen once it showed the CLI's move; see %s", windowStageName, shot)
	}

	// 4. Close the app as a session manager would; all three edits must be in the library.
	app.terminate(t)
	w := exportHotfix(t, bin, db)
	if s := stageNamed(t, w, cliStageName); s.X != cliStageMovedX || s.Y != cliStageY || s.Department != "Legal" {
		t.Errorf("the CLI's stage is %+v, want Legal at (%d, %d) after the CLI's move", s, cliStageMovedX, cliStageY)
	}
	if s := stageNamed(t, w, windowStageName); s.Department != "Marketing" {
		t.Errorf("the window's stage is %+v, want a Marketing stage", s)
	}
	if got := len(w.Maps[0].Stages); got != 10 {
		t.Errorf("the library has %d stages, want the sample's 8 plus the CLI's and the window's", got)
	}
}

// place moves and sizes a window until it is where asked: the app sizes its window to the
// screen itself once it is up, which would undo a move made as soon as it is mapped.
func (x xdotool) place(win string, want rect) {
	x.t.Helper()
	for deadline := time.Now().Add(20 * time.Second); ; {
		x.run("windowmove", win, itoa(want.x), itoa(want.y))
		x.run("windowsize", win, itoa(want.w), itoa(want.h))
		time.Sleep(500 * time.Millisecond)
		got := x.geometry(win)
		if got == want {
			return
		}
		if time.Now().After(deadline) {
			x.t.Fatalf("the window stays at %+v, not %+v", got, want)
		}
	}
}

// terminableApp is the built binary in a window, to be stopped with SIGTERM as a user's
// session would stop it, not killed.
type terminableApp struct {
	cmd    *exec.Cmd
	log    string
	exited chan error
}

func startTerminableApp(t *testing.T, env []string, dir string, args ...string) *terminableApp {
	t.Helper()
	a := &terminableApp{cmd: exec.Command(os.Getenv("LEADLINE_BIN"), args...), log: filepath.Join(dir, "app.log"), exited: make(chan error, 1)}
	a.cmd.Env = env
	logFile, err := os.Create(a.log)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { logFile.Close() })
	a.cmd.Stdout, a.cmd.Stderr = logFile, logFile
	if err := a.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { a.exited <- a.cmd.Wait() }()
	t.Cleanup(func() {
		if a.cmd.ProcessState == nil {
			_ = a.cmd.Process.Kill()
		}
	})
	return a
}

// terminate sends SIGTERM and waits for the app to exit by itself.
func (a *terminableApp) terminate(t *testing.T) {
	t.Helper()
	start := time.Now()
	if err := a.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-a.exited:
		t.Logf("the app exited %v after SIGTERM (%v)", time.Since(start).Round(time.Millisecond), err)
	case <-time.After(5 * time.Second):
		log, _ := os.ReadFile(a.log)
		t.Fatalf("the app did not exit within 5 s of SIGTERM\napp log:\n%s", log)
	}
}

// edit runs one `leadline edit` line on the Hotfix workshop and insists on its "ok".
func edit(t *testing.T, bin, db, line string) {
	t.Helper()
	cmd := exec.Command(bin, "edit", "--db", db, "--workshop", hotfixWorkshopID)
	cmd.Stdin = strings.NewReader(line + "\n")
	out, err := cmd.CombinedOutput()
	if err != nil || strings.TrimSpace(string(out)) != "ok 1" {
		t.Fatalf("leadline edit %s: %v\n%s", line, err, out)
	}
}

// watchFor takes screenshots for outsideEditWatch from now, then reads them in order and
// returns how long after the call the first one that shows what it looks for had been taken.
// It fails the test if none does.
func watchFor(t *testing.T, x xdotool, name string, shows func(shot string) bool) time.Duration {
	t.Helper()
	type shot struct {
		path string
		done time.Duration
	}
	var shots []shot
	dir := t.TempDir()
	start := time.Now()
	for i := 0; time.Since(start) < outsideEditWatch; i++ {
		path := filepath.Join(dir, fmt.Sprintf("%s-%02d.png", name, i))
		cmd := exec.Command("import", "-window", "root", path)
		cmd.Env = x.env
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("screenshot: %v\n%s", err, out)
		}
		shots = append(shots, shot{path, time.Since(start)})
	}
	keep := func(path string) string { // the shot that answered, for people to look at
		kept := artifactPath(t, name+".png")
		if data, err := os.ReadFile(path); err == nil {
			_ = os.WriteFile(kept, data, 0o644)
		}
		return kept
	}
	for _, s := range shots {
		if shows(s.path) {
			t.Logf("screenshot: %s, taken by %v of %d over %v", keep(s.path), s.done.Round(time.Millisecond), len(shots), outsideEditWatch)
			return s.done
		}
	}
	last := keep(shots[len(shots)-1].path)
	t.Fatalf("none of %d screenshots over %v shows the %s; the last is %s", len(shots), outsideEditWatch, name, last)
	return 0
}

// movedLeftOfFix tells whether the CLI's stage shows a column left of the "Fix" card it was
// added below (200 map units, ~200 px at the Hotfix sample's zoom): measured against a card on
// the same screen, so that a pan of the view cannot pass for the move.
func movedLeftOfFix(t *testing.T, shot string) bool {
	t.Helper()
	words := ocrWords(t, shot)
	zebra := ocrFind(words, cliStageName)
	if zebra == nil {
		return false
	}
	for _, w := range words {
		if w.text == "Fix" && w.top < zebra.top { // the card above it, not the ladder's label below
			return zebra.left < w.left-100
		}
	}
	return false
}

// ocrFind returns the first word of phrase among the words tesseract read, if every word of
// the phrase is there (sparse-text OCR does not keep a card's words in order).
func ocrFind(words []ocrWord, phrase string) *ocrWord {
	wanted := strings.Fields(phrase)
	var first *ocrWord
	for _, w := range wanted {
		var found *ocrWord
		for i := range words {
			if words[i].text == w {
				found = &words[i]
				break
			}
		}
		if found == nil {
			return nil
		}
		if first == nil {
			first = found
		}
	}
	return first
}

// leadlineExport is the part of `leadline export --format json` this test reads.
type leadlineExport struct {
	Maps []struct {
		Stages []exportedStage `json:"stages"`
	} `json:"maps"`
}

type exportedStage struct {
	ID         string  `json:"id"`
	Name       string  `json:"name"`
	Department string  `json:"department"`
	X          float64 `json:"x"`
	Y          float64 `json:"y"`
}

func exportHotfix(t *testing.T, bin, db string) leadlineExport {
	t.Helper()
	out := filepath.Join(t.TempDir(), "hotfix.json")
	if msg, err := exec.Command(bin, "export", "--format", "json", "-o", out, "--db", db, "--workshop", hotfixWorkshopID).CombinedOutput(); err != nil {
		t.Fatalf("leadline export: %v\n%s", err, msg)
	}
	var w leadlineExport
	data, err := os.ReadFile(out)
	if err == nil {
		err = json.Unmarshal(data, &w)
	}
	if err != nil || len(w.Maps) == 0 {
		t.Fatalf("export %s: %v\n%s", out, err, data)
	}
	return w
}

func stageNamed(t *testing.T, w leadlineExport, name string) exportedStage {
	t.Helper()
	for _, s := range w.Maps[0].Stages {
		if s.Name == name {
			return s
		}
	}
	t.Fatalf("the library has no stage named %q: %+v", name, w.Maps[0].Stages)
	return exportedStage{}
}
