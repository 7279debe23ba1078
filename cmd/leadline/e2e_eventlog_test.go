package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestRealWindowMeasuredMap imports a Jira-style status log with --queue and --done, opens the
// app on it in a real window under Xvfb, and reads the totals pill back with OCR: the observed
// lead time stands beside the model's.
func TestRealWindowMeasuredMap(t *testing.T) {
	if os.Getenv("LEADLINE_E2E") == "" {
		t.Skip("set LEADLINE_E2E=1 and LEADLINE_BIN (make e2e) to drive a real window")
	}
	if _, err := exec.LookPath("tesseract"); err != nil {
		t.Skip("tesseract (package tesseract-ocr) reads the screenshot; it is not installed")
	}
	bin := os.Getenv("LEADLINE_BIN")
	env, dir := appEnv(t, startXvfb(t))
	db := filepath.Join(dir, "library.db")

	imp := exec.Command(bin, "import", "--db", db, "--queue", "Backlog", "--queue", "Ready for QA", "--done", "Done", "testdata/jira-status.csv")
	imp.Env = env
	out, err := imp.CombinedOutput()
	if err != nil {
		t.Fatalf("import: %v\n%s", err, out)
	}
	app := exec.Command(bin, "--db", db, "--workshop", strings.TrimSpace(string(out)))
	app.Env = env
	if err := app.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = app.Process.Kill(); _, _ = app.Process.Wait() }()

	x := xdotool{t: t, env: env}
	win := strings.Fields(x.run("search", "--sync", "--onlyvisible", "--name", "^Leadline"))[0]
	x.run("windowmove", win, "0", "0")
	x.run("windowsize", win, "1600", "1000")
	time.Sleep(2500 * time.Millisecond)
	shot := artifactPath(t, "e2e-measured.png")
	x.screenshot(shot)

	// A: 09:00–16:00, B: 09:00–14:00; P50 6h, P85 6h 42m in the pill.
	text, err := exec.Command("tesseract", shot, "-", "--psm", "11").Output()
	if err != nil {
		t.Fatalf("tesseract: %v", err)
	}
	read := strings.Join(strings.Fields(string(text)), " ")
	for _, want := range []string{"Observed P50 6h", "P85 6h 42m", "from 2 items"} {
		if !strings.Contains(read, want) {
			t.Errorf("the window does not read %q; OCR read: %s", want, read)
		}
	}
}
