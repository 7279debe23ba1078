package workshop

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
)

// Forecast defaults: enough trials that P95 moves by well under 1 % between seeds, and a fixed
// seed so that two runs on the same map print the same figures.
const (
	DefaultTrials = 10000
	DefaultSeed   = 1
	MaxTrials     = 1000000 // a million trials already keeps 8 MB of lead times
)

// Forecast is the outcome of a Monte Carlo run over a map's ranges.
type Forecast struct {
	Trials         int
	P50, P85, P95  float64 // lead-time percentiles, minutes
	Mean           float64
	Criticality    []Criticality // every stage, most often critical first, ties in map order
	LeadTime       float64       // the map's lead time with the most likely values
	RangesRecorded bool          // false: every trial is the lead time
}

// Criticality is the share of trials in which a stage lay on the critical path: the
// "criticality index" of project scheduling.
type Criticality struct {
	Stage *Stage
	Share float64 // 0–1
}

// MostCriticalUncertain returns up to n stages that carry a range, most often critical first:
// the uncertainty that moves the lead time.
func (f *Forecast) MostCriticalUncertain(n int) []Criticality {
	var out []Criticality
	for _, c := range f.Criticality {
		if len(out) < n && c.Stage.HasRange() && c.Share > 0 {
			out = append(out, c)
		}
	}
	return out
}

// Forecast runs trials of the map: each trial draws every ranged wait and process time
// independently from a triangular distribution (low, most likely, high), and takes the longest
// path through the forward flows with those weights. The generator is PCG seeded with
// (seed, seed), so a seed repeats exactly. Percentiles interpolate linearly between closest
// ranks, as numpy does by default.
func (m *Map) Forecast(trials int, seed uint64) (*Forecast, error) {
	if trials < 1 || trials > MaxTrials {
		return nil, fmt.Errorf("forecast %q: %d trials: must be between 1 and %d", m.Name, trials, MaxTrials)
	}
	g := m.buildForwardGraph()
	order, err := m.topologicalOrder(&g)
	if err != nil {
		return nil, err
	}
	run := newTrialRun(m, &g, order)
	f := &Forecast{Trials: trials, RangesRecorded: m.HasRanges()}
	// The lead time as the metrics add it up (process plus wait along the path), so that a map
	// without ranges forecasts exactly the lead time `metrics` prints, to the last bit.
	run.leadTime(run.likely)
	var path []int
	for i := run.end; i >= 0; i = run.best[i] {
		path = append(path, i)
	}
	slices.Reverse(path)
	process, wait := m.pathTimes(path)
	f.LeadTime = process + wait
	critical := make([]int, len(m.Stages))
	leadTimes := make([]float64, trials)
	if !f.RangesRecorded {
		// Every trial is the same; skipping the draws keeps the figures exact.
		run.markCritical(critical)
		for i := range leadTimes {
			leadTimes[i] = f.LeadTime
		}
		f.Mean = f.LeadTime
	} else {
		random := rand.New(rand.NewPCG(seed, seed))
		sum := 0.0
		for trial := range leadTimes {
			run.sample(random)
			leadTimes[trial] = run.leadTime(run.sampled)
			run.markCritical(critical)
			sum += leadTimes[trial]
		}
		f.Mean = sum / float64(trials)
	}
	slices.Sort(leadTimes)
	f.P50, f.P85, f.P95 = Percentile(leadTimes, 0.50), Percentile(leadTimes, 0.85), Percentile(leadTimes, 0.95)
	for i, s := range m.Stages {
		share := 1.0
		if f.RangesRecorded {
			share = float64(critical[i]) / float64(trials)
		} else if critical[i] == 0 {
			share = 0
		}
		f.Criticality = append(f.Criticality, Criticality{Stage: s, Share: share})
	}
	slices.SortStableFunc(f.Criticality, func(a, b Criticality) int {
		switch {
		case a.Share > b.Share:
			return -1
		case a.Share < b.Share:
			return 1
		}
		return 0
	})
	return f, nil
}

// Percentile reads quantile q (0–1) of sorted values, interpolating linearly between the
// closest ranks (numpy's default, "linear"). It returns 0 for no values.
func Percentile(sorted []float64, q float64) float64 {
	if len(sorted) == 0 {
		return 0
	}
	h := float64(len(sorted)-1) * q
	low := int(math.Floor(h))
	if low >= len(sorted)-1 {
		return sorted[len(sorted)-1]
	}
	return sorted[low] + (h-float64(low))*(sorted[low+1]-sorted[low])
}

// Triangular maps u in [0, 1) onto the triangular distribution with that low, mode and high,
// by inverting its distribution function.
func Triangular(u, low, mode, high float64) float64 {
	span := high - low
	if span <= 0 {
		return mode
	}
	if u < (mode-low)/span {
		return low + math.Sqrt(u*span*(mode-low))
	}
	return high - math.Sqrt((1-u)*span*(high-mode))
}

// trialRun holds what every trial reuses, so that a trial allocates nothing.
type trialRun struct {
	m        *Map
	g        *forwardGraph
	order    []int
	ranged   []int // stages with a range, in map order
	likely   []float64
	sampled  []float64
	heaviest []float64
	best     []int
	end      int
}

func newTrialRun(m *Map, g *forwardGraph, order []int) *trialRun {
	n := len(m.Stages)
	run := &trialRun{m: m, g: g, order: order, likely: make([]float64, n), sampled: make([]float64, n),
		heaviest: make([]float64, n), best: make([]int, n)}
	for i, s := range m.Stages {
		run.likely[i] = s.LeadTime()
		run.sampled[i] = run.likely[i]
		if s.HasRange() {
			run.ranged = append(run.ranged, i)
		}
	}
	return run
}

// sample draws the ranged stages' weights: wait, then process, stage by stage in map order.
func (run *trialRun) sample(random *rand.Rand) {
	for _, i := range run.ranged {
		s := run.m.Stages[i]
		wait, process := s.Wait, s.Process
		if s.WaitRange.IsSet() {
			wait = Triangular(random.Float64(), s.WaitRange.Low, s.Wait, s.WaitRange.High)
		}
		if s.ProcessRange.IsSet() {
			process = Triangular(random.Float64(), s.ProcessRange.Low, s.Process, s.ProcessRange.High)
		}
		run.sampled[i] = wait + process
	}
}

// leadTime is the heaviest path with these weights, ties broken as for the critical path.
func (run *trialRun) leadTime(weight []float64) float64 {
	run.end = run.g.heaviestPath(run.order, weight, run.heaviest, run.best)
	if run.end < 0 {
		return 0
	}
	return run.heaviest[run.end]
}

// markCritical counts the stages of the last trial's critical path.
func (run *trialRun) markCritical(counts []int) {
	for i := run.end; i >= 0; i = run.best[i] {
		counts[i]++
	}
}
