package main

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"leadline.app/leadline/workshop/formats"
)

// Figures of testdata/release.json, by hand (8 h days, 5-day weeks):
//
//	dev  = 1d wait + 2d process      = 480 + 960  = 1440
//	pm   = 3d + 1h                   = 1440 + 60  = 1500
//	qa   = 1w + 4h                   = 2400 + 240 = 2640  (slower branch: wins)
//	rel  = 2d + 30m                  = 960 + 30   = 990
//
// lead = 1440 + 2640 + 990 = 5070; process = 960 + 240 + 30 = 1230; wait = 3840
// rolled %C&A = 0.8 × 0.9 × 0.5 = 0.36; total effort = 960 + 60 + 240 + 30 = 1290
// future: dev 1440 + qa (480 + 240) + rel 30 = 2190; process 1230; change −2880 (−56.8%)
func TestMetricsJSON(t *testing.T) {
	var out bytes.Buffer
	if err := runMetrics([]string{"--json", "testdata/release.json"}, &out); err != nil {
		t.Fatal(err)
	}
	var got formats.MetricsReport
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out.String())
	}
	if got.Workshop != "Release with parallel sign-offs" || len(got.Maps) != 2 {
		t.Fatalf("workshop %q with %d maps", got.Workshop, len(got.Maps))
	}
	current := got.Maps[0]
	checks := []struct {
		name      string
		got, want float64
	}{
		{"leadTimeMinutes", current.LeadTimeMinutes, 5070},
		{"processTimeMinutes", current.ProcessTimeMinutes, 1230},
		{"waitTimeMinutes", current.WaitTimeMinutes, 3840},
		{"flowEfficiency", current.FlowEfficiency, 1230.0 / 5070},
		{"rolledCA", current.RolledCA, 0.36},
		{"totalProcessMinutes", current.TotalProcessMinutes, 1290},
		{"first delay share", current.LongestDelays[0].ShareOfLeadTime, 2400.0 / 5070},
	}
	for _, c := range checks {
		if math.Abs(c.got-c.want) > 1e-9 {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
	if strings.Join(current.CriticalPath, ",") != "dev,qa,rel" {
		t.Errorf("criticalPath = %v, want dev,qa,rel", current.CriticalPath)
	}
	var order []string
	for _, d := range current.LongestDelays {
		order = append(order, d.ID)
	}
	if strings.Join(order, ",") != "qa,pm,rel,dev" {
		t.Errorf("longestDelays order = %v, want qa,pm,rel,dev", order)
	}
	if current.Baseline != nil {
		t.Error("a current state must have no baseline")
	}
	future := got.Maps[1]
	if future.Baseline == nil {
		t.Fatal("future state lacks its baseline")
	}
	if future.LeadTimeMinutes != 2190 || future.Baseline.LeadTimeChangeMinutes != -2880 {
		t.Errorf("future lead %v change %v, want 2190 and -2880", future.LeadTimeMinutes, future.Baseline.LeadTimeChangeMinutes)
	}
	if math.Abs(future.Baseline.LeadTimeChangePercent-(-2880.0/5070)) > 1e-9 {
		t.Errorf("leadTimeChangePercent = %v", future.Baseline.LeadTimeChangePercent)
	}
}

// The JSON keys are a contract with other tools: check them literally.
func TestMetricsJSONKeys(t *testing.T) {
	var out bytes.Buffer
	if err := runMetrics([]string{"testdata/release.json", "--json"}, &out); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{`"workshop"`, `"maps"`, `"name"`, `"state"`, `"leadTimeMinutes"`, `"processTimeMinutes"`,
		`"waitTimeMinutes"`, `"flowEfficiency"`, `"rolledCA"`, `"totalProcessMinutes"`, `"criticalPath"`,
		`"longestDelays"`, `"id"`, `"department"`, `"waitMinutes"`, `"shareOfLeadTime"`, `"departments"`,
		`"processMinutes"`, `"stages"`, `"baseline"`} {
		if !strings.Contains(out.String(), key) {
			t.Errorf("metrics --json lacks %s", key)
		}
	}
}

func TestMetricsTable(t *testing.T) {
	var out bytes.Buffer
	if err := runMetrics([]string{"testdata/release.json"}, &out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Lead time", "2w 4h 30m", "Development → QA sign-off → Release", "QA sign-off"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("table lacks %q:\n%s", want, out.String())
		}
	}
}

func TestCommandLineErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, []byte(`{"name": "X", "stages": [{"id": "a", "name": "A", "wait": "2x"}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name     string
		args     []string
		wantCode int
		wantText string
	}{
		{"unknown command", []string{"frobnicate"}, 2, "frobnicate"},
		{"metrics without file", []string{"metrics"}, 2, "metrics"},
		{"missing file", []string{"metrics", filepath.Join(dir, "nope.json")}, 1, "nope.json"},
		{"bad duration", []string{"metrics", bad}, 1, "2x"},
		{"export without -o", []string{"export", "testdata/release.json"}, 2, "-o"},
		{"export bad format", []string{"export", "--format", "xml", "-o", filepath.Join(dir, "x"), "testdata/release.json"}, 2, "xml"},
		{"export bad id", []string{"export", "-o", filepath.Join(dir, "x"), "--db", filepath.Join(dir, "l.db"), "--workshop", "abc"}, 2, "abc"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := run(c.args)
			if err == nil {
				t.Fatal("no error")
			}
			if exitCode(err) != c.wantCode {
				t.Errorf("exit code %d, want %d (%v)", exitCode(err), c.wantCode, err)
			}
			if !strings.Contains(err.Error(), c.wantText) {
				t.Errorf("error %q does not name %q", err, c.wantText)
			}
			if strings.Contains(oneLine(err.Error()), "\n") {
				t.Error("error spans lines")
			}
		})
	}
}

// import → list → export through a real library file gives the workshop back.
func TestImportListExport(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "library.db")
	var out bytes.Buffer
	if err := runImport([]string{"--db", db, "testdata/release.json"}, &out); err != nil {
		t.Fatal(err)
	}
	id := strings.TrimSpace(out.String())
	out.Reset()
	if err := runList([]string{"--db", db}, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "Release with parallel sign-offs") {
		t.Fatalf("list lacks the import:\n%s", out.String())
	}
	jsonOut := filepath.Join(dir, "out.json")
	if err := runExport([]string{"--format", "json", "-o", jsonOut, "--db", db, "--workshop", id}, &out); err != nil {
		t.Fatal(err)
	}
	var before, after bytes.Buffer
	if err := runMetrics([]string{"--json", "testdata/release.json"}, &before); err != nil {
		t.Fatal(err)
	}
	if err := runMetrics([]string{"--json", jsonOut}, &after); err != nil {
		t.Fatal(err)
	}
	if before.String() != after.String() {
		t.Errorf("metrics changed across import/export:\n%s\n---\n%s", before.String(), after.String())
	}
	pdfOut := filepath.Join(dir, "out.pdf")
	if err := runExport([]string{"--format", "pdf", "-o", pdfOut, "testdata/release.json"}, &out); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(pdfOut)
	if err != nil || !bytes.HasPrefix(data, []byte("%PDF")) {
		t.Fatalf("export --format pdf wrote no PDF (%v)", err)
	}
}

// Without a screen the app says so in one line instead of the GL driver's panic.
func TestNoDisplayIsAClearError(t *testing.T) {
	needX11Platform(t)
	t.Setenv("DISPLAY", "")
	t.Setenv("WAYLAND_DISPLAY", "")
	err := run([]string{"--db", filepath.Join(t.TempDir(), "library.db")})
	if err == nil || !strings.Contains(err.Error(), "no display") {
		t.Fatalf("err = %v, want a no-display error", err)
	}
}

func TestUnreachableDisplayIsAClearError(t *testing.T) {
	needX11Platform(t)
	t.Setenv("DISPLAY", ":4321")
	t.Setenv("WAYLAND_DISPLAY", "")
	err := run([]string{"--db", filepath.Join(t.TempDir(), "library.db")})
	if err == nil || !strings.Contains(err.Error(), `":4321"`) {
		t.Fatalf("err = %v, want one naming the display", err)
	}
}

func TestExportIntoMissingFolderNamesTheFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "missing", "out.json")
	err := run([]string{"export", "--format", "json", "-o", out, "testdata/release.json"})
	if err == nil || !strings.Contains(err.Error(), out) || strings.Contains(err.Error(), ".out.json.") {
		t.Fatalf("err = %v, want it to name %s and not the temporary file", err, out)
	}
}

// needX11Platform skips a test of checkDisplay where there is no DISPLAY to check: Windows
// and macOS always have a screen for the window, so the test would open one.
func needX11Platform(t *testing.T) {
	t.Helper()
	switch runtime.GOOS {
	case "linux", "freebsd", "openbsd", "netbsd":
	default:
		t.Skipf("%s has no DISPLAY: the window would open", runtime.GOOS)
	}
}
