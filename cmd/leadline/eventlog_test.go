package main

import (
	"bytes"
	"encoding/json"
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
