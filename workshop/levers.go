package workshop

import (
	"math"
	"slices"
)

// Lever is what removing one stage's wait would buy: the drop in the map's lead time with that
// wait set to 0 and every other stage unchanged, the critical path recomputed. A wait off the
// critical path buys nothing; one on a branch that runs parallel with another buys only down
// to the next-slowest branch.
type Lever struct {
	Stage       *Stage
	Gain        float64 // minutes of lead time saved
	ShareOfLead float64 // Gain ÷ lead time, 0–1
}

// Levers ranks every stage with a wait by what removing that wait buys: gain descending, then
// wait descending, then map order. It costs O((stages + flows) · log stages), not one critical
// path per stage: see leadTimeWithout.
func (m *Map) Levers() ([]Lever, error) {
	g := m.buildForwardGraph()
	order, err := m.topologicalOrder(&g)
	if err != nil {
		return nil, err
	}
	paths := longestPaths(m, &g, order)
	var levers []Lever
	for i, s := range m.Stages {
		if !(s.Wait > 0) { // also leaves out NaN
			continue
		}
		lever := Lever{Stage: s, Gain: paths.gain(i, s.Wait)}
		if paths.lead > 0 {
			lever.ShareOfLead = lever.Gain / paths.lead
		}
		levers = append(levers, lever)
	}
	index := make(map[*Stage]int, len(m.Stages))
	for i, s := range m.Stages {
		index[s] = i
	}
	slices.SortFunc(levers, func(a, b Lever) int {
		switch {
		case a.Gain != b.Gain:
			return descending(a.Gain, b.Gain)
		case a.Stage.Wait != b.Stage.Wait:
			return descending(a.Stage.Wait, b.Stage.Wait)
		}
		return index[a.Stage] - index[b.Stage]
	})
	return levers, nil
}

func descending(a, b float64) int {
	if a > b {
		return -1
	}
	return 1
}

// longestPathTable holds, for each stage, the heaviest path ending there (forward, the stage
// included), the heaviest path starting there (backward, included), and the heaviest path that
// avoids the stage altogether (avoiding).
type longestPathTable struct {
	lead      float64
	weight    []float64
	forward   []float64
	backward  []float64
	avoiding  []float64
	tolerance float64 // float slack when telling whether a stage's best path is the lead time
}

// longestPaths runs one forward and one backward pass in topological order, then finds each
// stage's heaviest avoiding path. Any path that avoids stage v (at position p of the order)
// either lies wholly before p, wholly after p, or jumps over p along one flow a → b with
// pos(a) < p < pos(b). The first two are prefix and suffix maxima of forward and backward;
// the third is the largest forward[a] + backward[b] over the flows spanning p, which a segment
// tree of range maxima gathers in O(flows · log stages).
func longestPaths(m *Map, g *forwardGraph, order []int) *longestPathTable {
	n := len(m.Stages)
	t := &longestPathTable{
		weight: make([]float64, n), forward: make([]float64, n),
		backward: make([]float64, n), avoiding: make([]float64, n),
	}
	position := make([]int, n)
	for p, i := range order {
		position[i] = p
		t.weight[i] = m.Stages[i].LeadTime()
		best := 0.0
		for _, predecessor := range g.predecessors(i) {
			best = math.Max(best, t.forward[predecessor])
		}
		t.forward[i] = best + t.weight[i]
		t.lead = math.Max(t.lead, t.forward[i])
	}
	for p := n - 1; p >= 0; p-- {
		i := order[p]
		best := 0.0
		for _, successor := range g.successors(i) {
			best = math.Max(best, t.backward[successor])
		}
		t.backward[i] = best + t.weight[i]
	}
	spanning := newRangeMax(n)
	for from := range m.Stages {
		for _, to := range g.successors(from) {
			spanning.raise(position[from]+1, position[to], t.forward[from]+t.backward[to])
		}
	}
	before := 0.0 // heaviest path among the stages ordered before p
	for p, i := range order {
		t.avoiding[i] = math.Max(before, spanning.at(p))
		before = math.Max(before, t.forward[i])
	}
	after := 0.0
	for p := n - 1; p >= 0; p-- {
		i := order[p]
		t.avoiding[i] = math.Max(t.avoiding[i], after)
		after = math.Max(after, t.backward[i])
	}
	t.tolerance = 1e-9 * math.Max(1, t.lead)
	return t
}

// gain is the lead time saved by setting stage i's wait to 0: the lead time becomes the larger
// of the heaviest path avoiding i and the heaviest path through i less the wait.
func (t *longestPathTable) gain(i int, wait float64) float64 {
	through := t.forward[i] + t.backward[i] - t.weight[i]
	if through < t.lead-t.tolerance || t.avoiding[i] >= t.lead-t.tolerance {
		return 0 // i is not on every critical path: another one keeps the lead time
	}
	gain := math.Min(wait, t.lead-t.avoiding[i])
	return math.Max(0, gain)
}

// rangeMax raises every slot of a range to at least a value, and reads one slot: the
// bottom-up segment tree of range updates and point queries.
type rangeMax struct {
	size int
	tree []float64
}

func newRangeMax(size int) *rangeMax {
	return &rangeMax{size: size, tree: make([]float64, 2*size)}
}

// raise lifts slots [low, high) to at least value.
func (r *rangeMax) raise(low, high int, value float64) {
	for low, high = low+r.size, high+r.size; low < high; low, high = low/2, high/2 {
		if low%2 == 1 {
			r.tree[low] = math.Max(r.tree[low], value)
			low++
		}
		if high%2 == 1 {
			high--
			r.tree[high] = math.Max(r.tree[high], value)
		}
	}
}

func (r *rangeMax) at(slot int) float64 {
	best := 0.0
	for i := slot + r.size; i > 0; i /= 2 {
		best = math.Max(best, r.tree[i])
	}
	return best
}
