package formats_test

import (
	"strings"
	"testing"

	"leadline.app/leadline/workshop"
	"leadline.app/leadline/workshop/formats"
)

func TestLeadlineRanges(t *testing.T) {
	// 1d = 480, 3w = 7200; the process range is in minutes.
	file := `{"name": "R", "stages": [
		{"id": "a", "name": "Approval", "wait": "1w", "waitRange": ["1d", "3w"], "process": 60, "processRange": [30, "2h"]},
		{"id": "b", "name": "Build", "wait": 10, "process": 20}]}`
	w, err := formats.ParseLeadline("r.json", []byte(file))
	if err != nil {
		t.Fatal(err)
	}
	a, b := w.Maps[0].Stages[0], w.Maps[0].Stages[1]
	if a.WaitRange != (workshop.Range{Low: 480, High: 7200}) || a.ProcessRange != (workshop.Range{Low: 30, High: 120}) {
		t.Errorf("ranges %+v %+v", a.WaitRange, a.ProcessRange)
	}
	if b.HasRange() {
		t.Errorf("Build has ranges %+v %+v, want none", b.WaitRange, b.ProcessRange)
	}
	out, err := formats.ExportLeadline(w)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), `"waitRange": [`) || strings.Count(string(out), "Range") != 2 {
		t.Errorf("export writes ranges only where given:\n%s", out)
	}
	back, err := formats.ParseLeadline("back.json", out)
	if err != nil {
		t.Fatal(err)
	}
	if got := back.Maps[0].Stages[0]; got.WaitRange != a.WaitRange || got.ProcessRange != a.ProcessRange {
		t.Errorf("round trip lost the ranges: %+v %+v", got.WaitRange, got.ProcessRange)
	}
}

func TestLeadlineRefusesBadRanges(t *testing.T) {
	tests := []struct {
		stage string
		want  string
	}{
		{`"wait": "4w", "waitRange": ["1d", "3w"]`, `r.json line 1: stage "S" field waitRange: ["1d", "3w"] must hold the most likely value 4w: low ≤ value ≤ high`},
		{`"process": 10, "processRange": [20, 30]`, `stage "S" field processRange: [20, 30] must hold the most likely value 10m`},
		{`"wait": 10, "waitRange": [5]`, `stage "S" field waitRange: expected [low, high]`},
		{`"wait": 10, "waitRange": "1d"`, `stage "S" field waitRange: expected [low, high]`},
		{`"wait": 10, "waitRange": ["-1d", 20]`, `stage "S" field waitRange: low: duration "-1d": must not be negative`},
		{`"wait": 10, "waitRange": [5, "3x"]`, `stage "S" field waitRange: high: duration "3x": unknown unit "x"`},
	}
	for _, tc := range tests {
		_, err := formats.ParseLeadline("r.json", []byte(`{"name": "R", "stages": [{"name": "S", `+tc.stage+`}]}`))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want %q", tc.stage, err, tc.want)
		}
	}
}

func TestMetricsReportLevers(t *testing.T) {
	w, err := formats.ParseLeadline("release.json", []byte(`{"name": "Release", "stages": [
		{"id": "st", "name": "Staging", "wait": 60, "process": 30},
		{"id": "pm", "name": "PM", "wait": 960, "process": 60},
		{"id": "po", "name": "PO", "wait": 1440, "process": 120},
		{"id": "qa", "name": "QA", "wait": 480, "process": 480},
		{"id": "rel", "name": "Release", "wait": 2400, "process": 30}],
		"flows": [{"from": "st", "to": "pm"}, {"from": "st", "to": "po"}, {"from": "st", "to": "qa"},
			{"from": "pm", "to": "rel"}, {"from": "po", "to": "rel"}, {"from": "qa", "to": "rel"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	report, err := formats.BuildMetricsReport(w)
	if err != nil {
		t.Fatal(err)
	}
	want := []formats.LeverJSON{
		{ID: "rel", Name: "Release", WaitMinutes: 2400, GainMinutes: 2400},
		{ID: "po", Name: "PO", WaitMinutes: 1440, GainMinutes: 540},
		{ID: "st", Name: "Staging", WaitMinutes: 60, GainMinutes: 60},
		{ID: "pm", Name: "PM", WaitMinutes: 960, GainMinutes: 0},
		{ID: "qa", Name: "QA", WaitMinutes: 480, GainMinutes: 0},
	}
	got := report.Maps[0].Levers
	if len(got) != len(want) {
		t.Fatalf("levers %+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("lever %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	forecast, err := formats.BuildForecastReport(w, 100, 1)
	if err != nil {
		t.Fatal(err)
	}
	if f := forecast.Maps[0]; f.Trials != 100 || f.P50Minutes != 4080 || f.P95Minutes != 4080 || len(f.Criticality) != 5 {
		t.Errorf("forecast without ranges %+v, want every percentile 4080", f)
	}
}
