package workshop

import (
	"fmt"
	"math"
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
			m, err := MeasureMap(visitsOf(t, tt.log), tt.opts)
			if err != nil {
				t.Fatal(err)
			}
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

// Stages get their wait and process ranges from the 10th and 90th percentiles of their
// samples, for the forecast; a rounded median outside them widens the range to hold it.
func TestMeasuredRanges(t *testing.T) {
	tests := []struct {
		name         string
		log          string
		process      float64
		processRange Range
		wait         float64
		waitRange    Range
	}{
		{
			// Ranks 0.4 and 3.6 of 10, 20, 30, 40, 100: 14 and 76 around the median 30.
			name:         "five samples",
			log:          "1 Build 0 10\n2 Build 0 20\n3 Build 0 30\n4 Build 0 40\n5 Build 0 100",
			process:      30,
			processRange: Range{Low: 14, High: 76},
		},
		{
			// Waits 0 and 1: the median 0.5 rounds to 1, above the 90th percentile 0.9.
			name:         "a rounded median above the 90th percentile",
			log:          "1 Plan 0 10\n1 Build 10 20\n2 Plan 0 10\n2 Build 11 21",
			process:      10,
			processRange: Range{}, // 10 and 10: no spread, no range
			wait:         1,
			waitRange:    Range{Low: 0.1, High: 1},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := MeasureMap(visitsOf(t, tt.log), LogOptions{})
			if err != nil {
				t.Fatal(err)
			}
			s := m.Stages[len(m.Stages)-1]
			near := func(a, b Range) bool { return math.Abs(a.Low-b.Low) < 1e-9 && math.Abs(a.High-b.High) < 1e-9 }
			if s.Process != tt.process || !near(s.ProcessRange, tt.processRange) || s.Wait != tt.wait || !near(s.WaitRange, tt.waitRange) {
				t.Errorf("%s: process %g %+v, wait %g %+v; want %g %+v, %g %+v", s.Name, s.Process, s.ProcessRange,
					s.Wait, s.WaitRange, tt.process, tt.processRange, tt.wait, tt.waitRange)
			}
			if err := m.Validate(); err != nil {
				t.Errorf("ranges do not validate: %v", err)
			}
		})
	}
}
