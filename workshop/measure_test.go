package workshop

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"
)

// visitsOf reads "item stage start end" lines, times in minutes after a fixed moment and "-"
// for a visit without an exit.
func visitsOf(t *testing.T, text string) []Visit {
	t.Helper()
	base := time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)
	var out []Visit
	for _, line := range strings.Split(strings.TrimSpace(text), "\n") {
		f := strings.Fields(line)
		start, err := strconv.Atoi(f[2])
		if err != nil {
			t.Fatal(err)
		}
		v := Visit{Item: f[0], Status: f[1], Entered: base.Add(time.Duration(start) * time.Minute)}
		if f[3] != "-" {
			end, err := strconv.Atoi(f[3])
			if err != nil {
				t.Fatal(err)
			}
			v.Exited, v.HasExit = base.Add(time.Duration(end)*time.Minute), true
		}
		out = append(out, v)
	}
	return out
}

func TestMeasureMap(t *testing.T) {
	tests := []struct {
		name     string
		log      string
		opts     LogOptions
		stages   string // name process/wait [ca N], in stage order
		flows    string
		observed Observed
	}{
		{
			// Build and Docs overlap in both items: parallel between Plan and Ship. Ship
			// waits for the later of its two predecessors (10 and 30); item 3 skipped both, so
			// its Ship waits from Plan's end, an earlier first visit (10); item 4 has nothing
			// before Ship and waits from its own first entry (0). Waits 0, 10, 10, 30 → 10.
			name: "fork, join and the wait fallbacks",
			log: `
1 Plan 0 60
1 Build 60 120
1 Docs 60 90
1 Ship 130 140
2 Plan 0 60
2 Build 60 120
2 Docs 65 100
2 Ship 150 160
3 Plan 0 60
3 Ship 70 80
4 Ship 0 10`,
			// Docs works 30 and 35 after waits of 0 and 5: even counts, 32.5 → 33 and 2.5 → 3.
			stages: "Plan 60/0, Build 60/0, Docs 33/3, Ship 10/10",
			flows:  "Plan→Build, Plan→Docs, Build→Ship, Docs→Ship",
			// Lead times 10, 80, 140, 160: ranks 1.5, 2.55 and 2.85.
			observed: Observed{Items: 4, P50: 110, P85: 151, P95: 157},
		},
		{
			// Time in the queues is wait (Test waits 30 in Review). The revisit of Dev comes
			// from Test, the stage visit that ended last (120) before it began (150): rework
			// Test → Dev for the one item that visited Test, and Dev's %C&A is 0.
			name: "rework across a queue, completed by a done status",
			log: `
7 Dev 0 -
7 Review 60 -
7 Test 90 -
7 Ready 120 -
7 Dev 150 -
7 Test 180 -
7 Done 200 -`,
			opts:     LogOptions{Queues: []string{"review", "READY"}, Done: []string{"done"}},
			stages:   "Dev 60/0 ca 0, Test 30/30",
			flows:    "Dev→Test, Test→Dev rework 100%",
			observed: Observed{Items: 1, P50: 200, P85: 200, P95: 200},
		},
		{
			// Done, then reopened and finished with an exit: completed at its last end. An item
			// whose last visit is open is in progress.
			name: "reopened after done; one item in progress",
			log: `
1 Dev 0 60
1 Done 60 -
1 Dev 100 130
2 Dev 0 -`,
			opts:     LogOptions{Done: []string{"Done"}},
			stages:   "Dev 60/0",
			flows:    "",
			observed: Observed{Items: 1, P50: 130, P85: 130, P95: 130},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			measured, err := MeasureMap(visitsOf(t, tt.log), tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			m := measured.Map
			var stages, flows []string
			for _, s := range m.Stages {
				row := fmt.Sprintf("%s %g/%g", s.Name, s.Process, s.Wait)
				if s.HasCA {
					row += fmt.Sprintf(" ca %g", s.CA)
				}
				stages = append(stages, row)
			}
			for _, f := range m.Flows {
				row := m.Stage(f.From).Name + "→" + m.Stage(f.To).Name
				if f.Rework {
					row += fmt.Sprintf(" rework %g%%", f.ReworkPercent)
				}
				flows = append(flows, row)
			}
			if got := strings.Join(stages, ", "); got != tt.stages {
				t.Errorf("stages %s\n  want %s", got, tt.stages)
			}
			if got := strings.Join(flows, ", "); got != tt.flows {
				t.Errorf("flows %s\n  want %s", got, tt.flows)
			}
			if *m.Observed != tt.observed {
				t.Errorf("observed %+v, want %+v", *m.Observed, tt.observed)
			}
			if err := m.Validate(); err != nil {
				t.Errorf("measured map does not validate: %v", err)
			}
		})
	}
}

// The 10th and 90th percentiles of the samples bracket the stage's median, for the forecast.
func TestMeasureSpread(t *testing.T) {
	var log strings.Builder
	for i, length := range []int{10, 20, 30, 40, 100} {
		fmt.Fprintf(&log, "%d Build 0 %d\n", i, length)
	}
	measured, err := MeasureMap(visitsOf(t, log.String()), LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// Ranks 0.4 and 3.6 of 10, 20, 30, 40, 100: 14 and 76.
	got := measured.Spread["s1"]
	if got.ProcessLow != 14 || got.ProcessHigh != 76 || got.Samples != 5 || measured.Map.Stages[0].Process != 30 {
		t.Errorf("spread %+v, process %g; want 14–76 around 30 from 5 samples", got, measured.Map.Stages[0].Process)
	}
}
