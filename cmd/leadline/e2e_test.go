package main

import (
	"bufio"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestRealWindow runs the built binary in a real window under Xvfb on a fresh library, drags a
// department from the palette onto the canvas, types a wait time, kills the app, and checks
// with `leadline export` that the stage and its wait were saved. `make e2e` (part of
// `make test`) runs it with LEADLINE_E2E=1 and LEADLINE_BIN set.
func TestRealWindow(t *testing.T) {
	bin := needRealWindow(t, "xdotool", "import")
	env, dir := appEnv(t, startXvfb(t))
	db := filepath.Join(dir, "library.db")
	run := func(args ...string) string { return runLeadline(t, bin, env, args...) }

	app := exec.Command(bin, "--db", db)
	app.Env = env
	logFile, _ := os.Create(filepath.Join(dir, "app.log"))
	app.Stdout, app.Stderr = logFile, logFile
	if err := app.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = app.Process.Kill(); _, _ = app.Process.Wait() }()

	x := xdotool{t: t, env: env}
	win := x.run("search", "--sync", "--onlyvisible", "--name", "^Leadline")
	win = strings.Fields(win)[0]
	x.run("windowmove", win, "0", "0")
	x.run("windowsize", win, "1600", "1000")
	time.Sleep(2500 * time.Millisecond)
	geometry := x.geometry(win)
	shot := artifactPath(t, "e2e-before.png")
	x.screenshot(shot)

	x.dropMarketing(geometry)

	// The new stage's on-card editor is open on its name: rename it, move to the wait field,
	// and Enter saves both.
	x.run("key", "ctrl+a")
	x.run("type", "--delay", "40", "Campaign brief")
	for i := 0; i < tabsFromNameToWait; i++ {
		x.run("key", "Tab")
	}
	x.run("type", "--delay", "40", "2d 4h")
	x.run("key", "Return")
	time.Sleep(2000 * time.Millisecond)
	x.screenshot(artifactPath(t, "e2e-after.png"))

	// Kill the app as a dying laptop would (SIGKILL, no chance to save on the way out): the
	// edits, acknowledged on screen a moment ago, must already be in the library.
	if err := app.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_, _ = app.Process.Wait()

	out := filepath.Join(dir, "out.json")
	// A fresh library opens on its first sample workshop, "Idea to customer" (id 1).
	run("export", "--format", "json", "-o", out, "--db", db, "--workshop", "1")
	var exported struct {
		Maps []struct {
			Stages []struct {
				Name       string  `json:"name"`
				Department string  `json:"department"`
				Wait       float64 `json:"wait"`
			} `json:"stages"`
		} `json:"maps"`
	}
	data, _ := os.ReadFile(out)
	if err := json.Unmarshal(data, &exported); err != nil {
		t.Fatalf("export: %v\n%s", err, data)
	}
	if len(exported.Maps) == 0 {
		t.Fatalf("export has no maps: %s", data)
	}
	stages := exported.Maps[0].Stages
	added := stages[len(stages)-1]
	if added.Department != "Marketing" || added.Name != "Campaign brief" || added.Wait != 2*480+4*60 {
		log, _ := os.ReadFile(filepath.Join(dir, "app.log"))
		t.Errorf("last stage = %+v, want Marketing stage \"Campaign brief\" waiting 2d 4h (1200 minutes)\napp log:\n%s", added, log)
	}
}

// needRealWindow skips a test unless `make e2e` asked for real windows, checks that Xvfb and
// the given tools are installed, and returns the binary under test.
// appEnv is the environment of a real-window test on display, and the folder it lives in: its
// own home, config and runtime folder, so the app finds no settings of the machine it runs on.
func appEnv(t *testing.T, display string) ([]string, string) {
	t.Helper()
	dir := t.TempDir()
	runtimeDir := filepath.Join(dir, "runtime")
	if err := os.Mkdir(runtimeDir, 0o700); err != nil {
		t.Fatal(err)
	}
	return append(os.Environ(), "DISPLAY="+display, "LANG=en_US.UTF-8", "HOME="+dir,
		"XDG_CONFIG_HOME="+filepath.Join(dir, "config"), "XDG_RUNTIME_DIR="+runtimeDir, "LEADLINE_DEBUG="), dir
}

// runLeadline runs one subcommand of the binary in env and returns what it printed.
func runLeadline(t *testing.T, bin string, env []string, args ...string) string {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = env
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("leadline %v: %v\n%s", args, err, out)
	}
	return string(out)
}

func needRealWindow(t *testing.T, tools ...string) string {
	t.Helper()
	if os.Getenv("LEADLINE_E2E") == "" {
		t.Skip("set LEADLINE_E2E=1 and LEADLINE_BIN (make e2e) to drive a real window")
	}
	for _, tool := range append([]string{"Xvfb"}, tools...) {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is missing: run make setup", tool)
		}
	}
	return os.Getenv("LEADLINE_BIN")
}

// Where the palette's first department (Marketing) sits in the window, an empty spot of the
// canvas below the sample map, and how many Tab presses lead from the on-card editor's name
// field to its wait field (name, process time, wait time).
const (
	paletteX, paletteFirstY = 79, 179
	dropX, dropY            = 1000, 620
	tabsFromNameToWait      = 2
)

// dropMarketing drags the palette's first department (Marketing; the palette is the window's
// left column) onto an empty spot of the canvas in a window at g.
func (x xdotool) dropMarketing(g rect) {
	fromX, fromY := g.x+paletteX, g.y+paletteFirstY
	toX, toY := g.x+dropX, g.y+dropY
	x.run("mousemove", "--sync", itoa(fromX), itoa(fromY))
	x.run("mousedown", "1")
	for step := 1; step <= 12; step++ {
		x.run("mousemove", "--sync", itoa(fromX+(toX-fromX)*step/12), itoa(fromY+(toY-fromY)*step/12))
		time.Sleep(30 * time.Millisecond)
	}
	x.run("mouseup", "1")
	time.Sleep(1500 * time.Millisecond)
}

type xdotool struct {
	t   *testing.T
	env []string
}

func (x xdotool) run(args ...string) string {
	x.t.Helper()
	cmd := exec.Command("xdotool", args...)
	cmd.Env = x.env
	out, err := cmd.CombinedOutput()
	if err != nil {
		x.t.Fatalf("xdotool %v: %v\n%s", args, err, out)
	}
	return string(out)
}

type rect struct{ x, y, w, h int }

func (x xdotool) geometry(win string) rect {
	out := x.run("getwindowgeometry", "--shell", win)
	values := map[string]int{}
	for _, line := range strings.Split(out, "\n") {
		if k, v, ok := strings.Cut(line, "="); ok {
			values[k], _ = strconv.Atoi(v)
		}
	}
	return rect{values["X"], values["Y"], values["WIDTH"], values["HEIGHT"]}
}

func (x xdotool) screenshot(path string) {
	cmd := exec.Command("import", "-window", "root", path)
	cmd.Env = x.env
	if out, err := cmd.CombinedOutput(); err != nil {
		x.t.Logf("screenshot: %v %s", err, out)
		return
	}
	x.t.Logf("screenshot: %s", path)
}

// artifactPath keeps screenshots in test-artifacts/ at the top of the repo, for people to look at.
func artifactPath(t *testing.T, name string) string {
	dir := filepath.Join("..", "..", "test-artifacts")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	abs, _ := filepath.Abs(filepath.Join(dir, name))
	return abs
}

// startXvfb starts a private 1920×1080 X server (extra: more Xvfb options) or, asked for no
// options, returns LEADLINE_DISPLAY when that names one already running: a shared machine
// hands out display numbers.
func startXvfb(t *testing.T, extra ...string) string {
	if display := os.Getenv("LEADLINE_DISPLAY"); display != "" && len(extra) == 0 {
		return display
	}
	return startXvfbSized(t, "1920x1080x24", extra...)
}

// startXvfbSized starts Xvfb with one screen of the given geometry ("WxHxDEPTH"), with extra
// arguments such as "-extension", "GLX" for a display without OpenGL. Xvfb picks a free display
// number itself (-displayfd): it tells a stale socket or lock file of a killed server from a
// live one, which a scan of /tmp/.X11-unix cannot, so leftovers never use the numbers up.
func startXvfbSized(t *testing.T, geometry string, extra ...string) string {
	t.Helper()
	read, write, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer read.Close()
	xvfb := exec.Command("Xvfb", append([]string{"-displayfd", "3", "-screen", "0", geometry, "-nolisten", "tcp"}, extra...)...)
	xvfb.ExtraFiles = []*os.File{write} // fd 3 in the child
	if err := xvfb.Start(); err != nil {
		t.Fatal(err)
	}
	write.Close()
	// SIGTERM, not SIGKILL: Xvfb then removes its socket and lock file.
	t.Cleanup(func() { _ = xvfb.Process.Signal(syscall.SIGTERM); _, _ = xvfb.Process.Wait() })
	number := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(read).ReadString('\n')
		number <- strings.TrimSpace(line)
	}()
	select {
	case n := <-number:
		if n == "" {
			t.Fatal("Xvfb exited without a display")
		}
		return ":" + n
	case <-time.After(10 * time.Second):
		t.Fatal("Xvfb did not start within 10 s")
	}
	return ""
}

func itoa(n int) string { return strconv.Itoa(n) }
