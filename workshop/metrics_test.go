package workshop_test

import (
	"errors"
	"math"
	"reflect"
	"testing"

	"leadline.app/leadline/workshop"
)

// st builds a stage whose ID is also its name; times in minutes.
func st(id, department string, wait, process float64) *workshop.Stage {
	return &workshop.Stage{ID: id, Name: id, Department: department, Wait: wait, Process: process}
}

// withCA records a %C&A on a stage.
func withCA(s *workshop.Stage, ca float64) *workshop.Stage {
	s.CA, s.HasCA = ca, true
	return s
}

func fwd(from, to string) workshop.Flow { return workshop.Flow{From: from, To: to} }

func rework(from, to string) workshop.Flow {
	return workshop.Flow{From: from, To: to, Rework: true, ReworkPercent: 20}
}

func newMap(stages []*workshop.Stage, flows ...workshop.Flow) *workshop.Map {
	return &workshop.Map{ID: "m1", Name: "Map", State: workshop.Current, Stages: stages, Flows: flows}
}

func ids(stages []*workshop.Stage) []string {
	out := []string{}
	for _, s := range stages {
		out = append(out, s.ID)
	}
	return out
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestCriticalPathMetrics(t *testing.T) {
	tests := []struct {
		name                        string
		m                           *workshop.Map
		lead, process, wait, effort float64
		path                        []string
	}{
		{
			// A 15 + B 30 + C 30 = 75; process 5+10+30 = 45; wait 10+20+0 = 30.
			name: "chain",
			m:    newMap([]*workshop.Stage{st("A", "", 10, 5), st("B", "", 20, 10), st("C", "", 0, 30)}, fwd("A", "B"), fwd("B", "C")),
			lead: 75, process: 45, wait: 30, effort: 45,
			path: []string{"A", "B", "C"},
		},
		{
			// A → {B, C} → D. Via B: 10 + 80 + 10 = 100; via C: 10 + 40 + 10 = 60. The slowest
			// branch wins, and C does not add on top (adding every stage would give 140).
			// process 10+20+10 = 40, wait 60; effort counts C too: 10+20+10+10 = 50.
			name: "branch and join",
			m: newMap([]*workshop.Stage{st("A", "", 0, 10), st("B", "", 60, 20), st("C", "", 30, 10), st("D", "", 0, 10)},
				fwd("A", "B"), fwd("A", "C"), fwd("B", "D"), fwd("C", "D")),
			lead: 100, process: 40, wait: 60, effort: 50,
			path: []string{"A", "B", "D"},
		},
		{
			// Two starts join in C: via A 120 + 10 = 130, via B 20 + 10 = 30.
			// process 20+5 = 25, wait 100+5 = 105; effort 20+10+5 = 35.
			name: "join of two starts",
			m:    newMap([]*workshop.Stage{st("B", "", 10, 10), st("A", "", 100, 20), st("C", "", 5, 5)}, fwd("A", "C"), fwd("B", "C")),
			lead: 130, process: 25, wait: 105, effort: 35,
			path: []string{"A", "C"},
		},
		{
			// Starts A (10) and B (50) join in C (30), which splits to ends D (5) and E (50).
			// Heaviest: C = max(10, 50) + 30 = 80, D = 85, E = 130 → B, C, E.
			// process 0+10+10 = 20, wait 50+20+40 = 110; effort 10+0+10+5+10 = 35.
			name: "several starts and ends",
			m: newMap([]*workshop.Stage{st("A", "", 0, 10), st("B", "", 50, 0), st("C", "", 20, 10), st("D", "", 0, 5), st("E", "", 40, 10)},
				fwd("A", "C"), fwd("B", "C"), fwd("C", "D"), fwd("C", "E")),
			lead: 130, process: 20, wait: 110, effort: 35,
			path: []string{"B", "C", "E"},
		},
		{
			// The chain weighs 10 + 20 = 30; the isolated X weighs 100 + 5 = 105 and is the path
			// alone. process 5, wait 100; effort 10+20+5 = 35.
			name: "isolated stage heavier than the chain",
			m:    newMap([]*workshop.Stage{st("A", "", 0, 10), st("B", "", 0, 20), st("X", "", 100, 5)}, fwd("A", "B")),
			lead: 105, process: 5, wait: 100, effort: 35,
			path: []string{"X"},
		},
		{
			// The isolated X (5) is lighter than the chain (30) and stays off the path.
			name: "isolated stage lighter than the chain",
			m:    newMap([]*workshop.Stage{st("X", "", 0, 5), st("A", "", 0, 10), st("B", "", 0, 20)}, fwd("A", "B")),
			lead: 30, process: 30, wait: 0, effort: 35,
			path: []string{"A", "B"},
		},
		{
			// Rework C → A and B → A are ignored: A 10 + B 15 + C 10 = 35; process 30, wait 5.
			name: "rework loops",
			m: newMap([]*workshop.Stage{st("A", "", 0, 10), st("B", "", 5, 10), st("C", "", 0, 10)},
				fwd("A", "B"), fwd("B", "C"), rework("C", "A"), rework("B", "A")),
			lead: 35, process: 30, wait: 5, effort: 30,
			path: []string{"A", "B", "C"},
		},
		{
			name: "empty map",
			m:    newMap(nil),
			path: []string{},
		},
		{
			// B and C both weigh 10 + 10 = 20: C comes first in map order and wins.
			name: "tie between branches",
			m: newMap([]*workshop.Stage{st("A", "", 0, 10), st("C", "", 10, 0), st("B", "", 10, 0)},
				fwd("A", "B"), fwd("A", "C")),
			lead: 20, process: 10, wait: 10, effort: 10,
			path: []string{"A", "C"},
		},
		{
			// B and C both weigh 20 and join in D: the predecessor first in map order wins.
			// A 10 + C 20 + D 5 = 35; process 10+0+5 = 15, wait 20.
			name: "tie at a join",
			m: newMap([]*workshop.Stage{st("A", "", 0, 10), st("C", "", 20, 0), st("B", "", 20, 0), st("D", "", 0, 5)},
				fwd("A", "B"), fwd("A", "C"), fwd("B", "D"), fwd("C", "D")),
			lead: 35, process: 15, wait: 20, effort: 15,
			path: []string{"A", "C", "D"},
		},
		{
			// Two isolated stages of 30 each: the first in map order is the path.
			name: "tie between isolated stages",
			m:    newMap([]*workshop.Stage{st("Y", "", 0, 30), st("X", "", 30, 0)}),
			lead: 30, process: 30, wait: 0, effort: 30,
			path: []string{"Y"},
		},
		{
			// A stage not timed yet still belongs to the path that runs through it to the end.
			name: "untimed stages at the end",
			m:    newMap([]*workshop.Stage{st("A", "", 0, 10), st("B", "", 0, 0)}, fwd("A", "B")),
			lead: 10, process: 10, wait: 0, effort: 10,
			path: []string{"A", "B"},
		},
		{
			name: "nothing timed yet",
			m:    newMap([]*workshop.Stage{st("A", "", 0, 0), st("B", "", 0, 0), st("C", "", 0, 0)}, fwd("A", "B"), fwd("B", "C")),
			path: []string{"A", "B", "C"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mt, err := tt.m.Compute()
			if err != nil {
				t.Fatalf("Compute: %v", err)
			}
			if got := ids(mt.CriticalPath); !reflect.DeepEqual(got, tt.path) {
				t.Errorf("critical path %v, want %v", got, tt.path)
			}
			wantEfficiency := 0.0
			if tt.lead > 0 {
				wantEfficiency = tt.process / tt.lead
			}
			for _, c := range []struct {
				field     string
				got, want float64
			}{
				{"LeadTime", mt.LeadTime, tt.lead},
				{"ProcessTime", mt.ProcessTime, tt.process},
				{"WaitTime", mt.WaitTime, tt.wait},
				{"TotalProcess", mt.TotalProcess, tt.effort},
				{"FlowEfficiency", mt.FlowEfficiency, wantEfficiency},
			} {
				if !near(c.got, c.want) {
					t.Errorf("%s = %v, want %v", c.field, c.got, c.want)
				}
			}
			for _, id := range tt.path {
				if !mt.OnCriticalPath(id) {
					t.Errorf("OnCriticalPath(%q) = false", id)
				}
			}
		})
	}
}

func TestEmptyMapMetrics(t *testing.T) {
	mt, err := newMap(nil).Compute()
	if err != nil {
		t.Fatalf("Compute: %v", err)
	}
	if mt.LeadTime != 0 || mt.ProcessTime != 0 || mt.WaitTime != 0 || mt.FlowEfficiency != 0 || mt.TotalProcess != 0 {
		t.Errorf("empty map has figures: %+v", mt)
	}
	if mt.RolledCA != 1 || mt.CARecorded != 0 {
		t.Errorf("rolled %%C&A %v from %d stages, want 1 from 0", mt.RolledCA, mt.CARecorded)
	}
	if len(mt.CriticalPath) != 0 || len(mt.LongestDelays) != 0 || len(mt.Departments) != 0 || mt.Baseline != nil {
		t.Errorf("empty map has lists: %+v", mt)
	}
	if math.IsNaN(mt.FlowEfficiency) {
		t.Error("flow efficiency is NaN")
	}
}

func TestComputeRefusesForwardLoop(t *testing.T) {
	m := newMap([]*workshop.Stage{st("A", "", 0, 1), st("B", "", 0, 1)}, fwd("A", "B"), fwd("B", "A"))
	_, err := m.Compute()
	var loop *workshop.LoopError
	if !errors.As(err, &loop) {
		t.Fatalf("Compute on a loop: error %v, want a LoopError", err)
	}
}

func TestRolledCA(t *testing.T) {
	tests := []struct {
		name     string
		stages   []*workshop.Stage
		want     float64
		recorded int
	}{
		// 0.9 × 0.8 × 0.5 = 0.36; the stage without a %C&A does not count as 0 or 100.
		{"recorded ones only", []*workshop.Stage{withCA(st("A", "", 0, 1), 90), withCA(st("B", "", 0, 1), 80), st("C", "", 0, 1), withCA(st("D", "", 0, 1), 50)}, 0.36, 3},
		{"none recorded", []*workshop.Stage{st("A", "", 0, 1), st("B", "", 0, 1)}, 1, 0},
		// 0.9 × 0 = 0: a recorded 0 is a real 0, unlike "not recorded".
		{"a recorded zero", []*workshop.Stage{withCA(st("A", "", 0, 1), 90), withCA(st("B", "", 0, 1), 0)}, 0, 2},
		// Off-path stages count: X is isolated and light, yet 0.5 × 0.5 = 0.25.
		{"off the path too", []*workshop.Stage{withCA(st("A", "", 0, 100), 50), withCA(st("X", "", 0, 1), 50)}, 0.25, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mt, err := newMap(tt.stages).Compute()
			if err != nil {
				t.Fatalf("Compute: %v", err)
			}
			if !near(mt.RolledCA, tt.want) || mt.CARecorded != tt.recorded {
				t.Errorf("rolled %%C&A %v from %d stages, want %v from %d", mt.RolledCA, mt.CARecorded, tt.want, tt.recorded)
			}
		})
	}
}

func TestLongestDelays(t *testing.T) {
	// A → {B, C} → D plus the isolated E. Path A, B, D: 10 + 80 + 10 = 100.
	m := newMap([]*workshop.Stage{st("A", "Sales", 0, 10), st("B", "Legal", 60, 20), st("C", "Finance", 30, 10),
		st("D", "Sales", 0, 10), st("E", "HR", 30, 5), st("F", "HR", 60, 0)},
		fwd("A", "B"), fwd("A", "C"), fwd("B", "D"), fwd("C", "D"))
	mt, err := m.Compute()
	if err != nil {
		t.Fatalf("Compute: %v", err)
	}
	want := []struct {
		id     string
		rank   int
		share  float64
		onPath bool
	}{
		{"B", 1, 0.6, true},  // 60 / 100, first in map order among the waits of 60
		{"F", 2, 0.6, false}, // 60 / 100
		{"C", 3, 0.3, false}, // 30 / 100, before E in map order
		{"E", 4, 0.3, false}, // 30 / 100
	} // A and D do not wait and are left out
	if len(mt.LongestDelays) != len(want) {
		t.Fatalf("%d delays, want %d: %+v", len(mt.LongestDelays), len(want), mt.LongestDelays)
	}
	for i, w := range want {
		got := mt.LongestDelays[i]
		if got.Stage.ID != w.id || got.Rank != w.rank || !near(got.ShareOfLead, w.share) || got.OnCriticalPath != w.onPath {
			t.Errorf("delay %d = {%s rank %d share %v on path %v}, want %+v", i, got.Stage.ID, got.Rank, got.ShareOfLead, got.OnCriticalPath, w)
		}
	}
}

func TestDepartments(t *testing.T) {
	m := newMap([]*workshop.Stage{st("A", "Sales", 10, 5), st("B", "Legal", 100, 10), st("C", "Sales", 50, 20),
		st("D", "Finance", 0, 5), st("E", "", 0, 7), st("F", "Product", 100, 1), st("G", " sales ", 5, 1)},
		fwd("A", "B"), fwd("B", "C"))
	mt, err := m.Compute()
	if err != nil {
		t.Fatalf("Compute: %v", err)
	}
	want := []workshop.DepartmentTotal{
		{Name: "Legal", Wait: 100, Process: 10, Stages: 1},
		{Name: "Product", Wait: 100, Process: 1, Stages: 1}, // ties with Legal: map order
		{Name: "Sales", Wait: 65, Process: 26, Stages: 3},   // A + C + " sales ": 10+50+5, 5+20+1
		{Name: "Finance", Wait: 0, Process: 5, Stages: 1},
		{Name: "", Wait: 0, Process: 7, Stages: 1}, // no department is a group of its own
	}
	if !reflect.DeepEqual(mt.Departments, want) {
		t.Errorf("departments\n got %+v\nwant %+v", mt.Departments, want)
	}
}

func TestFutureStateAgainstBaseline(t *testing.T) {
	w := workshop.NewWorkshop("Release")
	// Before: A 120 + B 80 = 200; process 20+20 = 40, wait 100+60 = 160; efficiency 0.2.
	now := newMap([]*workshop.Stage{st("A", "QA", 100, 20), st("B", "Operations", 60, 20)}, fwd("A", "B"))
	now.Name = "Now"
	// After: A 40 + B 20 = 60; process 40, wait 20; efficiency 40/60.
	next := newMap([]*workshop.Stage{st("A", "QA", 20, 20), st("B", "Operations", 0, 20)}, fwd("A", "B"))
	next.ID, next.Name, next.State, next.Baseline = "m2", "Next", workshop.Future, "Now"
	w.Maps = []*workshop.Map{now, next}

	mt, err := w.Compute(next)
	if err != nil {
		t.Fatalf("Compute: %v", err)
	}
	cmp := mt.Baseline
	if cmp == nil {
		t.Fatal("future state has no comparison")
	}
	if cmp.Baseline != "Now" || !near(cmp.Before.LeadTime, 200) {
		t.Errorf("compared with %q (lead %v), want Now (200)", cmp.Baseline, cmp.Before.LeadTime)
	}
	for _, c := range []struct {
		field                 string
		change, before        float64
		wantChange, wantRatio float64
	}{
		{"lead time", cmp.LeadTimeChange, cmp.Before.LeadTime, -140, -0.7}, // 60 − 200; −140 / 200
		{"wait time", cmp.WaitChange, cmp.Before.WaitTime, -140, -0.875},   // 20 − 160; −140 / 160
		{"process time", cmp.ProcessChange, cmp.Before.ProcessTime, 0, 0},  // 40 − 40
		{"efficiency", cmp.EfficiencyDiff, cmp.Before.FlowEfficiency, 40.0/60 - 0.2, (40.0/60 - 0.2) / 0.2},
	} {
		if !near(c.change, c.wantChange) || !near(workshop.Percent(c.change, c.before), c.wantRatio) {
			t.Errorf("%s change %v (%v), want %v (%v)", c.field, c.change, workshop.Percent(c.change, c.before), c.wantChange, c.wantRatio)
		}
	}

	// A current state, or a future state without a baseline, has no comparison.
	for _, m := range []*workshop.Map{now, {ID: "m3", Name: "Orphan", State: workshop.Future}} {
		mt, err := w.Compute(m)
		if err != nil || mt.Baseline != nil {
			t.Errorf("map %q: comparison %+v, error %v; want none", m.Name, mt.Baseline, err)
		}
	}
}

func TestPercent(t *testing.T) {
	tests := []struct{ change, before, want float64 }{
		{-140, 200, -0.7},
		{50, 200, 0.25},
		{10, 0, 0}, // nothing to compare with
		{0, 0, 0},
	}
	for _, tt := range tests {
		if got := workshop.Percent(tt.change, tt.before); !near(got, tt.want) {
			t.Errorf("Percent(%v, %v) = %v, want %v", tt.change, tt.before, got, tt.want)
		}
	}
}
