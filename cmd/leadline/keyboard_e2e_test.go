package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// keyStep is one thing the facilitator does at the keyboard: a key (with xdotool's names,
// "Tab", "Return", "shift+Up") or a typed word.
type keyStep struct{ key, text string }

// stageKeys fills an on-card editor that has just opened on a new stage: name, Tab, process
// time, Tab, wait time, Enter.
func stageKeys(name, process, wait string) []keyStep {
	return []keyStep{{text: name}, {key: "Tab"}, {text: process}, {key: "Tab"}, {text: wait}, {key: "Return"}}
}

// quickKeys fills it by quick entry: the name with both times on the end, then Enter.
func quickKeys(name, process, wait string) []keyStep {
	return []keyStep{{text: name + " " + process + " " + wait}, {key: "Return"}}
}

// TestRealWindowKeyboardBuildsAForkAndJoin opens an empty workshop in a real window under
// Xvfb and builds "Idea → Build → {PO review, QA review} → Release", names and times, from
// the keyboard alone: no mouse event is sent. `leadline export` then shows the five stages,
// their times and the five flows saved. It prints how many key actions it took.
func TestRealWindowKeyboardBuildsAForkAndJoin(t *testing.T) {
	buildForkAndJoinByKeyboard(t, "keyboard", stageKeys)
}

// TestRealWindowKeyboardQuickEntryBuildsAForkAndJoin builds the same map with each name typed
// with its times ("Idea 30m 2d", Enter), and prints that count too.
func TestRealWindowKeyboardQuickEntryBuildsAForkAndJoin(t *testing.T) {
	buildForkAndJoinByKeyboard(t, "quick-entry", quickKeys)
}

// buildForkAndJoinByKeyboard drives the window with fill typing each stage's name and times;
// name prefixes the screenshots in test-artifacts.
func buildForkAndJoinByKeyboard(t *testing.T, name string, fill func(name, process, wait string) []keyStep) {
	bin := needRealWindow(t, "xdotool", "import")
	env, dir := appEnv(t, startXvfb(t))
	db := filepath.Join(dir, "library.db")
	run := func(args ...string) string { return runLeadline(t, bin, env, args...) }
	empty := filepath.Join(dir, "empty.json")
	if err := os.WriteFile(empty, []byte(`{"name": "Keyboard only", "maps": [{"name": "Current state", "state": "current", "stages": [], "flows": []}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	id := strings.TrimSpace(run("import", "--db", db, empty))

	app := exec.Command(bin, "--db", db, "--workshop", id)
	app.Env = env
	logFile, _ := os.Create(filepath.Join(dir, "app.log"))
	app.Stdout, app.Stderr = logFile, logFile
	if err := app.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = app.Process.Kill(); _, _ = app.Process.Wait() }()

	x := xdotool{t: t, env: env}
	win := strings.Fields(x.run("search", "--sync", "--onlyvisible", "--name", "^Leadline"))[0]
	x.run("windowmove", win, "0", "0")
	x.run("windowsize", win, "1600", "1000")
	x.run("windowfocus", "--sync", win) // keyboard focus without a click: no mouse event at all
	time.Sleep(2500 * time.Millisecond)

	var steps []keyStep
	steps = append(steps, keyStep{key: "Tab"}) // the first stage of an empty map
	steps = append(steps, fill("Idea", "30m", "2d")...)
	steps = append(steps, keyStep{key: "Tab"}) // the next stage, connected from Idea
	steps = append(steps, fill("Build", "2d", "1d")...)
	steps = append(steps, keyStep{key: "Tab"})
	steps = append(steps, fill("PO review", "1h", "3d")...)
	steps = append(steps, keyStep{key: "Return"}) // a parallel stage below, also fed by Build
	steps = append(steps, fill("QA review", "4h", "1d")...)
	steps = append(steps, keyStep{key: "shift+Up"}) // both reviews selected
	steps = append(steps, keyStep{key: "Tab"})      // one stage joining them
	steps = append(steps, fill("Release", "30m", "1w")...)
	keys, words := 0, 0
	for i, step := range steps {
		if step.text != "" {
			x.run("type", "--delay", "30", step.text)
			words++
		} else {
			x.run("key", step.key)
			keys++
		}
		time.Sleep(150 * time.Millisecond)
		if i == 0 {
			x.screenshot(artifactPath(t, name+"-first-editor.png")) // the hint under the name
		}
		if i == len(steps)-2 {
			x.screenshot(artifactPath(t, name+"-editor.png"))
		}
	}
	time.Sleep(1500 * time.Millisecond)
	x.screenshot(artifactPath(t, name+"-map.png"))
	t.Logf("%s: built 5 stages and 5 flows with %d key actions: %d keys and %d typed strings; %d counting a typed value with the Tab or Enter after it as one",
		name, keys+words, keys, words, keys+words-countFieldEnds(steps))

	// SIGKILL, as a dying laptop: what the window showed must already be in the library.
	if err := app.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_, _ = app.Process.Wait()
	out := filepath.Join(dir, "out.json")
	run("export", "--format", "json", "-o", out, "--db", db, "--workshop", id)
	var exported struct {
		Maps []struct {
			Stages []struct {
				ID, Name      string
				Process, Wait float64
			} `json:"stages"`
			Flows []struct {
				From, To string
				Rework   bool
			} `json:"flows"`
		} `json:"maps"`
	}
	data, _ := os.ReadFile(out)
	if err := json.Unmarshal(data, &exported); err != nil || len(exported.Maps) != 1 {
		t.Fatalf("export: %v\n%s", err, data)
	}
	m := exported.Maps[0]
	type figures struct{ process, wait float64 }
	want := map[string]figures{"Idea": {30, 960}, "Build": {960, 480}, "PO review": {60, 1440}, "QA review": {240, 480}, "Release": {30, 2400}}
	names := map[string]string{}
	for _, s := range m.Stages {
		names[s.ID] = s.Name
		if w, ok := want[s.Name]; !ok || w != (figures{s.Process, s.Wait}) {
			t.Errorf("stage %q: process %v, wait %v minutes; want %+v", s.Name, s.Process, s.Wait, want[s.Name])
		}
	}
	var flows []string
	for _, f := range m.Flows {
		flows = append(flows, names[f.From]+" → "+names[f.To])
	}
	slices.Sort(flows)
	wantFlows := []string{"Build → PO review", "Build → QA review", "Idea → Build", "PO review → Release", "QA review → Release"}
	if len(m.Stages) != 5 || !slices.Equal(flows, wantFlows) {
		log, _ := os.ReadFile(filepath.Join(dir, "app.log"))
		t.Errorf("saved %d stages and flows %q; want 5 and %q\napp log:\n%s", len(m.Stages), flows, wantFlows, log)
	}
}

// countFieldEnds counts the Tab and Enter presses that end a typed value: a facilitator
// thinks of "type it, Tab" as filling one field.
func countFieldEnds(steps []keyStep) int {
	n := 0
	for i := 1; i < len(steps); i++ {
		if steps[i-1].text != "" && (steps[i].key == "Tab" || steps[i].key == "Return") {
			n++
		}
	}
	return n
}
