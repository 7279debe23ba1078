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

// Levers of testdata/release.json (figures in TestMetricsJSON): qa's wait 2400 at 0 leaves its
// branch 240 against pm's 1500, so it buys 2640 − 1500 = 1140; rel (960) and dev (480) lie on
// every path and buy themselves; pm is off the critical path and buys 0.
func TestMetricsJSONLevers(t *testing.T) {
	var out bytes.Buffer
	if err := runMetrics([]string{"--json", "testdata/release.json"}, &out); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{`"levers"`, `"gainMinutes"`} {
		if !strings.Contains(out.String(), key) {
			t.Errorf("metrics --json lacks %s", key)
		}
	}
	var got formats.MetricsReport
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	want := []formats.LeverJSON{
		{ID: "qa", Name: "QA sign-off", WaitMinutes: 2400, GainMinutes: 1140},
		{ID: "rel", Name: "Release", WaitMinutes: 960, GainMinutes: 960},
		{ID: "dev", Name: "Development", WaitMinutes: 480, GainMinutes: 480},
		{ID: "pm", Name: "PM sign-off", WaitMinutes: 1440, GainMinutes: 0},
	}
	levers := got.Maps[0].Levers
	if len(levers) != len(want) {
		t.Fatalf("levers %+v, want %+v", levers, want)
	}
	for i := range want {
		if levers[i] != want[i] {
			t.Errorf("lever %d = %+v, want %+v", i, levers[i], want[i])
		}
	}
}

const rangedRelease = `{"name": "Ranged", "stages": [
	{"id": "dev", "name": "Development", "wait": "1d", "process": "2d", "processRange": ["1d", "1w"]},
	{"id": "pm", "name": "PM sign-off", "wait": "3d", "waitRange": ["1d", "2w"], "process": "1h"},
	{"id": "qa", "name": "QA sign-off", "wait": "1w", "waitRange": ["2d", "2w"], "process": "4h"},
	{"id": "rel", "name": "Release", "wait": "2d", "process": "30m"}],
	"flows": [{"from": "dev", "to": "pm"}, {"from": "dev", "to": "qa"}, {"from": "pm", "to": "rel"}, {"from": "qa", "to": "rel"}]}`

func TestForecastCommand(t *testing.T) {
	ranged := filepath.Join(t.TempDir(), "ranged.json")
	if err := os.WriteFile(ranged, []byte(rangedRelease), 0o644); err != nil {
		t.Fatal(err)
	}
	runJSON := func(args ...string) (formats.ForecastReport, string) {
		t.Helper()
		var out bytes.Buffer
		if err := runForecast(args, &out); err != nil {
			t.Fatal(err)
		}
		var report formats.ForecastReport
		if err := json.Unmarshal(out.Bytes(), &report); err != nil {
			t.Fatalf("not JSON: %v\n%s", err, out.String())
		}
		return report, out.String()
	}
	plain, text := runJSON("--json", "testdata/release.json")
	for _, key := range []string{`"workshop"`, `"maps"`, `"name"`, `"trials"`, `"p50Minutes"`, `"p85Minutes"`,
		`"p95Minutes"`, `"meanMinutes"`, `"criticality"`, `"id"`, `"share"`} {
		if !strings.Contains(text, key) {
			t.Errorf("forecast --json lacks %s", key)
		}
	}
	if m := plain.Maps[0]; m.Trials != 10000 || m.P50Minutes != 5070 || m.P85Minutes != 5070 || m.P95Minutes != 5070 || m.MeanMinutes != 5070 {
		t.Errorf("without ranges %+v, want 10,000 trials all at the lead time 5070", m)
	}
	first, firstText := runJSON(ranged, "--json")
	_, againText := runJSON("--json", "--seed", "1", ranged)
	if firstText != againText {
		t.Error("the default seed is 1, and a seed repeats exactly; the outputs differ")
	}
	m := first.Maps[0]
	// The modes give 5070; every range reaches above its mode further than below, so the
	// forecast sits above the single-point lead time, P50 ≤ P85 ≤ P95.
	if !(m.P50Minutes > 5070 && m.P50Minutes <= m.P85Minutes && m.P85Minutes <= m.P95Minutes) {
		t.Errorf("percentiles %+v", m)
	}
	other, _ := runJSON("--json", "--seed", "9", "--trials", "500", ranged)
	if other.Maps[0].Trials != 500 || other.Maps[0].P50Minutes == m.P50Minutes {
		t.Errorf("--seed 9 --trials 500 gave %+v", other.Maps[0])
	}
	var table bytes.Buffer
	if err := runForecast([]string{ranged}, &table); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"P50", "P85", "P95", "Critical in", "QA sign-off"} {
		if !strings.Contains(table.String(), want) {
			t.Errorf("table lacks %q:\n%s", want, table.String())
		}
	}
	for _, bad := range [][]string{{"--trials", "0", ranged}, {"--seed", "-1", ranged}, {}} {
		if err := runForecast(bad, &table); exitCode(err) != 2 {
			t.Errorf("forecast %v: error %v, want a usage error", bad, err)
		}
	}
}
