package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"leadline.app/leadline/workshop/formats"
)

// --queue and --done reach the event-log import of metrics, import and export alike, and the
// observed figures survive the library.
func TestEventLogOptions(t *testing.T) {
	logFlags := []string{"--queue", "Backlog", "--queue", "ready for qa", "--done", "Done"}
	var out bytes.Buffer
	if err := runMetrics(append([]string{"--json", "testdata/jira-status.csv"}, logFlags...), &out); err != nil {
		t.Fatal(err)
	}
	var report formats.MetricsReport
	if err := json.Unmarshal(out.Bytes(), &report); err != nil {
		t.Fatal(err)
	}
	// A: 09:00–16:00 (420), B: 09:00–14:00 (300). Dev waits 60 and 120 in the backlog.
	o := report.Maps[0].Observed
	if o == nil || *o != (formats.ObservedJSON{Items: 2, P50Minutes: 360, P85Minutes: 402, P95Minutes: 414}) {
		t.Fatalf("observed = %+v", o)
	}
	if got := len(report.Maps[0].LongestDelays); got != 2 {
		t.Errorf("%d stages with a wait, want Dev and QA only (queues and done are no stages)", got)
	}

	db := filepath.Join(t.TempDir(), "lib.db")
	out.Reset()
	if err := runImport(append([]string{"--db", db, "testdata/jira-status.csv"}, logFlags...), &out); err != nil {
		t.Fatal(err)
	}
	id := strings.TrimSpace(out.String())
	exported := filepath.Join(t.TempDir(), "out.json")
	if err := runExport([]string{"--db", db, "--workshop", id, "--format", "json", "-o", exported}, &out); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	if err := runMetrics([]string{"--json", exported}, &out); err != nil {
		t.Fatal(err)
	}
	var again formats.MetricsReport
	if err := json.Unmarshal(out.Bytes(), &again); err != nil {
		t.Fatal(err)
	}
	if again.Maps[0].Observed == nil || *again.Maps[0].Observed != *o {
		t.Errorf("after the library and an export: observed = %+v, want %+v", again.Maps[0].Observed, o)
	}
	if again.Maps[0].LeadTimeMinutes != report.Maps[0].LeadTimeMinutes {
		t.Errorf("lead time %v after the round trip, was %v", again.Maps[0].LeadTimeMinutes, report.Maps[0].LeadTimeMinutes)
	}
}

// export --format png|svg writes the chosen map from a file or from the library.
func TestExportPicture(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "lib.db")
	var out bytes.Buffer
	if err := runImport([]string{"--db", db, "testdata/release.json"}, &out); err != nil {
		t.Fatal(err)
	}
	id := strings.TrimSpace(out.String())
	tests := []struct {
		name, out string
		args      []string
		want      string // what the file must start with and hold
		holds     string
	}{
		{"png from a log", "map.png", []string{"--format", "png", "testdata/jira-status.csv", "--done", "Done"}, "\x89PNG", "IHDR"},
		{"svg of a named map from the library", "map.svg", []string{"--format", "SVG", "--map", "release FUTURE", "--db", db, "--workshop", id}, "<?xml", ">Release with parallel sign-offs — Release future</text>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, tt.out)
			if err := runExport(append(tt.args, "-o", path), &bytes.Buffer{}); err != nil {
				t.Fatal(err)
			}
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(string(data), tt.want) || !strings.Contains(string(data), tt.holds) {
				t.Errorf("%s starts %q; want %q and %q in it", tt.out, data[:min(len(data), 40)], tt.want, tt.holds)
			}
		})
	}
	err := runExport([]string{"--format", "png", "--map", "Nope", "-o", filepath.Join(dir, "x.png"), "testdata/release.json"}, &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), `no map named "Nope"`) {
		t.Errorf("unknown map: %v", err)
	}
}
