package workshop_test

import (
	"errors"
	"math/rand/v2"
	"strconv"
	"testing"

	"leadline.app/leadline/workshop"
)

// releaseMap is the worked example: PM, PO and QA sign off in parallel between staging
// and a weekly release.
func releaseMap() *workshop.Map {
	return newMap([]*workshop.Stage{
		st("Staging", "Operations", 60, 30),
		st("PM", "Product", 960, 60),
		st("PO", "Product", 1440, 120),
		st("QA", "QA", 480, 480),
		st("Release", "Operations", 2400, 30),
	},
		fwd("Staging", "PM"), fwd("Staging", "PO"), fwd("Staging", "QA"),
		fwd("PM", "Release"), fwd("PO", "Release"), fwd("QA", "Release"))
}

type leverRow struct {
	id   string
	gain float64
}

func TestLevers(t *testing.T) {
	tests := []struct {
		name string
		m    *workshop.Map
		want []leverRow // in ranking order
	}{
		{
			// Branches: PM 960+60 = 1020, PO 1440+120 = 1560, QA 480+480 = 960; PO sets the pace.
			// Release's wait 2400 and Staging's 60 lie on every path: each buys itself.
			// PO at 0 leaves 120, so PM's 1020 sets the pace: 1560 − 1020 = 540, not 1440.
			// PM and QA are off the critical path: 0. Ties at 0 go by wait: PM 960, QA 480.
			name: "worked example: parallel sign-offs",
			m:    releaseMap(),
			want: []leverRow{{"Release", 2400}, {"PO", 540}, {"Staging", 60}, {"PM", 0}, {"QA", 0}},
		},
		{
			// A chain: every wait is on the only path, so each buys all of itself.
			// A 10+5, B 20+10, C 0+30: C has no wait and is no lever.
			name: "chain",
			m:    newMap([]*workshop.Stage{st("A", "", 10, 5), st("B", "", 20, 10), st("C", "", 0, 30)}, fwd("A", "B"), fwd("B", "C")),
			want: []leverRow{{"B", 20}, {"A", 10}},
		},
		{
			// A → {B, C} → D. Via B 10 + (60+20) + 10 = 100, via C 10 + (30+10) + 10 = 60.
			// B at 0: via B 10 + 20 + 10 = 40, so C's 60 sets the pace: 100 − 60 = 40 (not 60).
			// C is off the critical path: 0.
			name: "branch and join buys down to the next-slowest branch",
			m: newMap([]*workshop.Stage{st("A", "", 0, 10), st("B", "", 60, 20), st("C", "", 30, 10), st("D", "", 0, 10)},
				fwd("A", "B"), fwd("A", "C"), fwd("B", "D"), fwd("C", "D")),
			want: []leverRow{{"B", 40}, {"C", 0}},
		},
		{
			// Two starts join in C: via A 100+20+10 = 130, via B 10+10+10 = 30.
			// A at 0: via A 20 + 10 = 30, via B 30: 130 − 30 = 100, all of A's wait.
			// C (wait 5) is on every path: 5. B is off the path: 0.
			name: "join of two starts",
			m:    newMap([]*workshop.Stage{st("B", "", 10, 10), st("A", "", 100, 20), st("C", "", 5, 5)}, fwd("A", "C"), fwd("B", "C")),
			want: []leverRow{{"A", 100}, {"C", 5}, {"B", 0}},
		},
		{
			// Two equal branches B and C (each 50+10): removing either wait leaves the other at
			// 60, so neither buys anything; D's wait lies on both and buys itself.
			// Ties at gain 0 and wait 50: map order, B before C.
			name: "tied branches",
			m: newMap([]*workshop.Stage{st("A", "", 0, 10), st("B", "", 50, 10), st("C", "", 50, 10), st("D", "", 20, 10)},
				fwd("A", "B"), fwd("A", "C"), fwd("B", "D"), fwd("C", "D")),
			want: []leverRow{{"D", 20}, {"B", 0}, {"C", 0}},
		},
		{
			// A wait on a side branch that ends on its own: A → B → C is 10+100+10 = 120;
			// A → S is 10+60+0 = 70, off the critical path: 0. B at 0: max(20, 70) = 70 → 50.
			name: "wait off the critical path",
			m: newMap([]*workshop.Stage{st("A", "", 0, 10), st("B", "", 90, 10), st("C", "", 0, 10), st("S", "", 60, 0)},
				fwd("A", "B"), fwd("B", "C"), fwd("A", "S")),
			want: []leverRow{{"B", 50}, {"S", 0}},
		},
		{
			// Equal gains rank by wait, then by map order: X and Y are a chain of two waits of
			// 30 (each buys 30), Z waits 40 on a branch parallel to both (0+40 vs 30+30+0): Z at
			// 0 buys nothing; X at 0 leaves max(30, 40) = 40, so X buys 60 − 40 = 20, Y too.
			name: "ties by wait then map order",
			m:    newMap([]*workshop.Stage{st("X", "", 30, 0), st("Y", "", 30, 0), st("Z", "", 40, 0)}, fwd("X", "Y")),
			want: []leverRow{{"X", 20}, {"Y", 20}, {"Z", 0}},
		},
		{
			// A rework flow back from C to A is not part of the path: same as the chain.
			name: "rework flows are left out",
			m:    newMap([]*workshop.Stage{st("A", "", 10, 5), st("B", "", 20, 10), st("C", "", 0, 30)}, fwd("A", "B"), fwd("B", "C"), rework("C", "A")),
			want: []leverRow{{"B", 20}, {"A", 10}},
		},
		{
			name: "empty map",
			m:    newMap(nil),
			want: nil,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			levers, err := tc.m.Levers()
			if err != nil {
				t.Fatal(err)
			}
			var got []leverRow
			for _, l := range levers {
				got = append(got, leverRow{l.Stage.ID, l.Gain})
			}
			if len(got) != len(tc.want) {
				t.Fatalf("levers %v, want %v", got, tc.want)
			}
			for i := range got {
				if got[i].id != tc.want[i].id || !near(got[i].gain, tc.want[i].gain) {
					t.Fatalf("levers %v, want %v", got, tc.want)
				}
			}
			if brute := bruteForceGains(t, tc.m); len(brute) != len(levers) {
				t.Fatalf("brute force found %d levers, Levers %d", len(brute), len(levers))
			}
		})
	}
}

func TestLeverShareOfLead(t *testing.T) {
	levers, err := releaseMap().Levers()
	if err != nil {
		t.Fatal(err)
	}
	// Lead: Staging 90 + PO 1560 + Release 2430 = 4080; PO buys 540 of it.
	if levers[1].Stage.ID != "PO" || !near(levers[1].ShareOfLead, 540.0/4080) {
		t.Errorf("PO lever %+v, want share 540/4080", levers[1])
	}
}

func TestLeversRefuseALoop(t *testing.T) {
	m := newMap([]*workshop.Stage{st("A", "", 10, 5), st("B", "", 20, 10)}, fwd("A", "B"), fwd("B", "A"))
	var loop *workshop.LoopError
	if _, err := m.Levers(); !errors.As(err, &loop) {
		t.Fatalf("error %v, want a LoopError", err)
	}
}

// bruteForceGains recomputes the critical path once per stage with a wait, the definition
// itself: lead time − lead time with that wait at 0.
func bruteForceGains(t *testing.T, m *workshop.Map) map[string]float64 {
	t.Helper()
	base, err := m.Compute()
	if err != nil {
		t.Fatal(err)
	}
	gains := map[string]float64{}
	for i, s := range m.Stages {
		if s.Wait <= 0 {
			continue
		}
		without := m.Clone()
		without.Stages[i].Wait = 0
		mt, err := without.Compute()
		if err != nil {
			t.Fatal(err)
		}
		gains[s.ID] = base.LeadTime - mt.LeadTime
	}
	return gains
}

// randomDAG draws a map whose forward flows only go from lower to higher index (so no loops),
// with whole-minute weights that make ties common.
func randomDAG(r *rand.Rand, stages int) *workshop.Map {
	m := newMap(nil)
	for i := 0; i < stages; i++ {
		id := "s" + strconv.Itoa(i)
		m.Stages = append(m.Stages, st(id, "", float64(r.IntN(5)*30), float64(r.IntN(4)*10)))
		for j := 0; j < i; j++ {
			if r.IntN(stages) < 2 {
				m.Flows = append(m.Flows, fwd("s"+strconv.Itoa(j), id))
			}
		}
	}
	// Shuffle map order so that it differs from the topological order.
	r.Shuffle(len(m.Stages), func(a, b int) { m.Stages[a], m.Stages[b] = m.Stages[b], m.Stages[a] })
	return m
}

func TestLeversMatchBruteForce(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	for trial := 0; trial < 400; trial++ {
		m := randomDAG(r, 1+r.IntN(14))
		levers, err := m.Levers()
		if err != nil {
			t.Fatal(err)
		}
		want := bruteForceGains(t, m)
		if len(levers) != len(want) {
			t.Fatalf("trial %d: %d levers, brute force %d", trial, len(levers), len(want))
		}
		for k, l := range levers {
			if !near(l.Gain, want[l.Stage.ID]) {
				t.Fatalf("trial %d: stage %s gains %v, brute force %v (flows %v)", trial, l.Stage.ID, l.Gain, want[l.Stage.ID], m.Flows)
			}
			if k > 0 {
				prev := levers[k-1]
				if prev.Gain < l.Gain || (prev.Gain == l.Gain && prev.Stage.Wait < l.Stage.Wait) ||
					(prev.Gain == l.Gain && prev.Stage.Wait == l.Stage.Wait && m.StageIndex(prev.Stage.ID) > m.StageIndex(l.Stage.ID)) {
					t.Fatalf("trial %d: %s ranked before %s", trial, prev.Stage.ID, l.Stage.ID)
				}
			}
		}
	}
}

// BenchmarkLevers500 ranks the levers of a 500-stage map (25 layers of 20, ~750 flows): the
// budget is 20 ms.
func BenchmarkLevers500(b *testing.B) {
	m := layeredMap(25, 20)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := m.Levers(); err != nil {
			b.Fatal(err)
		}
	}
}
