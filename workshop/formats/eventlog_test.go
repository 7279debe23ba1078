package formats_test

import (
	"fmt"
	"strings"
	"testing"

	"leadline.app/leadline/workshop"
	"leadline.app/leadline/workshop/formats"
)

// measured imports a log given as text and returns its one map.
func measured(t *testing.T, name, data string, opts workshop.LogOptions) (*workshop.Workshop, *workshop.Map) {
	t.Helper()
	w, format, err := formats.ImportWith(name, []byte(data), formats.ImportOptions{Log: opts})
	if err != nil {
		t.Fatalf("import: %v", err)
	}
	if !formats.IsEventLog(format) {
		t.Fatalf("format = %q, want an event log", format)
	}
	if len(w.Maps) != 1 {
		t.Fatalf("%d maps, want 1", len(w.Maps))
	}
	return w, w.Maps[0]
}

// stageRow is a stage as the tests read it: "name process/wait" plus %C&A when recorded.
func stageRows(m *workshop.Map) []string {
	var rows []string
	for _, s := range m.Stages {
		row := fmt.Sprintf("%s %g/%g", s.Name, s.Process, s.Wait)
		if s.HasCA {
			row += fmt.Sprintf(" ca %g", s.CA)
		}
		if s.Department != "" {
			row += " @" + s.Department
		}
		rows = append(rows, row)
	}
	return rows
}

func flowRows(m *workshop.Map) []string {
	var rows []string
	for _, f := range m.Flows {
		row := m.Stage(f.From).Name + "→" + m.Stage(f.To).Name
		if f.Rework {
			row += fmt.Sprintf(" rework %g%%", f.ReworkPercent)
		}
		rows = append(rows, row)
	}
	return rows
}

func sameRows(t *testing.T, what string, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s:\n got %q\nwant %q", what, got, want)
	}
}

func observedOf(m *workshop.Map) workshop.Observed {
	if m.Observed == nil {
		return workshop.Observed{Items: -1}
	}
	return *m.Observed
}

const workedExample = `workItemId,stage,enteredAt,exitedAt
1,Dev,2026-01-05T09:00:00Z,2026-01-05T10:00:00Z
1,Test,2026-01-05T12:00:00Z,2026-01-05T12:30:00Z
1,Dev,2026-01-05T13:00:00Z,2026-01-05T13:30:00Z
1,Test,2026-01-05T14:00:00Z,2026-01-05T14:30:00Z
2,Dev,2026-01-05T09:00:00Z,2026-01-05T11:00:00Z
2,Test,2026-01-05T11:00:00Z,2026-01-05T11:30:00Z
2,PM sign-off,2026-01-05T12:00:00Z,2026-01-05T13:00:00Z
2,QA sign-off,2026-01-05T12:30:00Z,2026-01-05T15:00:00Z
2,Deploy,2026-01-05T16:00:00Z,2026-01-05T16:10:00Z
`

// The worked example of the README, as JSON in both shapes too: every figure exactly.
func TestEventLogWorkedExample(t *testing.T) {
	var events []string
	for _, line := range strings.Split(strings.TrimSpace(workedExample), "\n")[1:] {
		f := strings.Split(line, ",")
		events = append(events, fmt.Sprintf(`{"WorkItemId": %s, "STAGE": %q, "enteredat": %q, "exitedAt": %q}`, f[0], f[1], f[2], f[3]))
	}
	list := "[\n" + strings.Join(events, ",\n") + "\n]"
	for _, tt := range []struct{ name, data string }{
		{"release.csv", workedExample},
		{"release.json", list},
		{"release.json", `{"source": "jira", "events": ` + list + `}`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			w, m := measured(t, tt.name, tt.data, workshop.LogOptions{})
			if w.Name != "release" || m.Name != "Current state (measured)" || w.Calendar != workshop.MeasuredCalendar {
				t.Errorf("workshop %q, map %q, calendar %+v", w.Name, m.Name, w.Calendar)
			}
			// Dev 60 and 120 → 90; wait from the first entry: 0. Test waits 120 (item 1,
			// after Dev ended at 10:00) and 0 → 60. Deploy waits from the later sign-off.
			sameRows(t, "stages", stageRows(m), []string{"Dev 90/0 ca 50", "Test 30/60",
				"PM sign-off 60/30", "QA sign-off 150/60", "Deploy 10/60"})
			sameRows(t, "flows", flowRows(m), []string{"Dev→Test", "Test→PM sign-off", "Test→QA sign-off",
				"PM sign-off→Deploy", "QA sign-off→Deploy", "Test→Dev rework 50%"})
			// Lead times 330 and 430: P50 380, P85 330 + 0.85·100, P95 330 + 0.95·100.
			if got := observedOf(m); got != (workshop.Observed{Items: 2, P50: 380, P85: 415, P95: 425}) {
				t.Errorf("observed = %+v", got)
			}
			// Left to right by stage order, the parallel sign-offs stacked in one column.
			pm, qa, deploy := m.Stages[2], m.Stages[3], m.Stages[4]
			if pm.X != qa.X || pm.Y >= qa.Y || deploy.X <= pm.X || m.Stages[1].X <= m.Stages[0].X {
				t.Errorf("layout: PM (%g,%g) QA (%g,%g) Deploy x %g", pm.X, pm.Y, qa.X, qa.Y, deploy.X)
			}
		})
	}
}

// A Jira-style status history: entries only, queue statuses between the stages, a done status.
const statusChanges = `workItemId,stage,enteredAt,department
A,Backlog,2026-01-05 09:00,
A,Dev,2026-01-05 10:00,development
A,Ready for QA,2026-01-05 12:00,
A,QA,2026-01-05 15:00,QA
A,Done,2026-01-05 16:00,
B,Backlog,2026-01-05 09:00,
B,Dev,2026-01-05 11:00,Marketing
B,Ready for QA,2026-01-05 12:00,
B,QA,2026-01-05 13:00,
B,Done,2026-01-05 14:00,
C,Backlog,2026-01-05 09:00,
C,Dev,2026-01-05 10:30,
`

func TestEventLogStatusChanges(t *testing.T) {
	tests := []struct {
		name     string
		opts     workshop.LogOptions
		stages   []string
		flows    []string
		observed workshop.Observed
	}{
		{
			// Queue time is wait: Dev waits 60 and 120 in the backlog → 90, works 120 and 60
			// → 90 (C is still in Dev and not measured). QA waits 180 and 60 after Dev ended
			// at 12:00 → 120. Items A (420) and B (300) are done: P50 360, P85 402, P95 414.
			name:     "queues and done",
			opts:     workshop.LogOptions{Queues: []string{"backlog", "Ready for QA"}, Done: []string{"DONE"}},
			stages:   []string{"Dev 90/90 @Development", "QA 60/120 @QA"},
			flows:    []string{"Dev→QA"},
			observed: workshop.Observed{Items: 2, P50: 360, P85: 402, P95: 414},
		},
		{
			// Without options every status is a stage (Backlog lasts 60, 120 and 90 → 90), and
			// "Done" is only the last, open visit: every item is still in progress.
			name: "every status a stage",
			stages: []string{"Backlog 90/0", "Dev 90/0 @Development", "Ready for QA 120/0", "QA 60/0 @QA",
				"Done 0/0"},
			flows:    []string{"Backlog→Dev", "Dev→Ready for QA", "Ready for QA→QA", "QA→Done"},
			observed: workshop.Observed{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, m := measured(t, "jira.csv", statusChanges, tt.opts)
			sameRows(t, "stages", stageRows(m), tt.stages)
			sameRows(t, "flows", flowRows(m), tt.flows)
			if got := observedOf(m); got != tt.observed {
				t.Errorf("observed = %+v, want %+v", got, tt.observed)
			}
		})
	}
}

// The same moments written with different zones measure the same; bare dates are midnight UTC.
func TestEventLogTimezones(t *testing.T) {
	log := `workItemId;stage;enteredAt;exitedAt
1,Dev,2026-01-05T11:00:00+02:00,2026-01-05T10:00:00Z
1,Test,2026-01-05T06:30:00-05:00,2026-01-05 12:30
2,Dev,2026-01-05 09:00:00,2026-01-05T05:00:00-05:00
2,Test,2026-01-05T12:30:00.000+01:00,2026-01-05T12:00:00Z
3,Plan,2026-01-01,2026-01-03
`
	log = strings.Replace(log, ";", ",", -1)
	_, m := measured(t, "zones.csv", log, workshop.LogOptions{})
	// Dev works 09:00–10:00 UTC in both items; Test starts at 11:30 UTC in both (wait 90)
	// and works 60 and 30 → 45. Plan, an item of its own, works two calendar days (2880
	// minutes) and ties with Dev at offset 0: by name, Dev first.
	sameRows(t, "stages", stageRows(m), []string{"Dev 60/0", "Plan 2880/0", "Test 45/90"})
	if got := workshop.FormatDuration(m.Stages[1].Process, workshop.MeasuredCalendar); got != "2d" {
		t.Errorf("two calendar days read %q", got)
	}
}

// Stage order ties go by name; 80 % of the items that visited both decide precedence.
func TestEventLogPrecedence(t *testing.T) {
	var b strings.Builder
	b.WriteString("workItemId,stage,enteredAt,exitedAt\n")
	// Five items: Build then Review. In one item Review starts before Build ends (4 of 5 =
	// 80 %: Build precedes Review). Docs runs beside Build in every item: parallel, and it
	// starts with Build, so the tie goes by name (Build before Docs).
	for i := 1; i <= 5; i++ {
		reviewStart := "11:00"
		if i == 5 {
			reviewStart = "10:30"
		}
		fmt.Fprintf(&b, "%d,Build,2026-01-05 09:00,2026-01-05 11:00\n", i)
		fmt.Fprintf(&b, "%d,Docs,2026-01-05 09:00,2026-01-05 10:00\n", i)
		fmt.Fprintf(&b, "%d,Review,2026-01-05 %s,2026-01-05 12:00\n", i, reviewStart)
	}
	_, m := measured(t, "p.csv", b.String(), workshop.LogOptions{})
	sameRows(t, "flows", flowRows(m), []string{"Build→Review", "Docs→Review"})
	// Two overlaps of five (60 %) make Build and Review parallel.
	twoOverlaps := strings.Replace(b.String(), "4,Review,2026-01-05 11:00", "4,Review,2026-01-05 10:45", 1)
	_, m = measured(t, "p.csv", twoOverlaps, workshop.LogOptions{})
	sameRows(t, "flows", flowRows(m), []string{"Docs→Review"})
	if names := []string{m.Stages[0].Name, m.Stages[1].Name}; names[0] != "Build" || names[1] != "Docs" {
		t.Errorf("order %q, want Build before Docs by name", names)
	}
}

func TestEventLogRefused(t *testing.T) {
	header := "workItemId,stage,enteredAt,exitedAt\n"
	var many strings.Builder
	many.WriteString(header)
	for i := 0; i <= formats.MaxLogRows; i++ {
		fmt.Fprintf(&many, "%d,Dev,2026-01-05,\n", i)
	}
	tests := []struct {
		name, data string
		want       []string
	}{
		{"missing column", "workItemId,stage,exitedAt\n1,Dev,2026-01-05\n", []string{"log.csv line 1", "missing column enteredAt"}},
		{"no items", header, []string{"no work items"}},
		{"no events", `{"events": []}`, []string{"no work items"}},
		{"unparseable time", header + "1,Dev,2026-01-05T09:00:00Z,\n2,Dev,05/01/2026 09:00,\n", []string{"line 3", "field enteredAt", `"05/01/2026 09:00"`}},
		{"time without zone", header + "1,Dev,2026-01-05T09:00:00,\n", []string{"line 2", "field enteredAt", `"2026-01-05T09:00:00"`}},
		{"exit before entry", header + "1,Dev,2026-01-05T09:00:00Z,2026-01-05T08:00:00Z\n", []string{"line 2", "field exitedAt", "before enteredAt"}},
		{"empty stage", header + "1, ,2026-01-05,\n", []string{"line 2", "field stage", "empty"}},
		{"too many rows", many.String(), []string{fmt.Sprintf("line %d", formats.MaxLogRows+2), "more than 200000 rows"}},
		{"json wrong type", "[\n{\"workItemId\": 1, \"stage\": \"Dev\", \"enteredAt\": \"2026-01-05\"},\n{\"workItemId\": 2, \"stage\": 7, \"enteredAt\": \"2026-01-05\"}\n]",
			[]string{"line 3", "event 2 field stage", "expected text, found 7"}},
		{"json missing field", `[{"workItemId": 1, "enteredAt": "2026-01-05"}]`, []string{"line 1", "field stage", "missing"}},
		{"json not an object", `{"events": [{"workItemId": 1, "stage": "a", "enteredAt": "2026-01-05"}, 3]}`, []string{"event 2", "expected an object"}},
		{"only queue statuses", header + "1,Backlog,2026-01-05,\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			name := "log.csv"
			opts := formats.ImportOptions{}
			if tt.want == nil {
				opts.Log.Queues = []string{"Backlog"}
				tt.want = []string{"every status", "queue or done"}
			}
			w, _, err := formats.ImportWith(name, []byte(tt.data), opts)
			if w != nil {
				t.Fatalf("accepted: %+v", w)
			}
			for _, part := range tt.want {
				wantErrorNaming(t, err, part)
			}
		})
	}
	big := header + strings.Repeat("1,Dev,2026-01-05T09:00:00Z,2026-01-05T10:00:00Z\n", formats.MaxFileSize/48+1)
	if _, _, err := formats.ImportWith("big.csv", []byte(big), formats.ImportOptions{}); err == nil || !strings.Contains(err.Error(), "larger than 10 MB") {
		t.Errorf("11 MB log: %v", err)
	}
}
