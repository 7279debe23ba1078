package workshop

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// Delay is one entry of the longest-delays ranking.
type Delay struct {
	Stage          *Stage
	Rank           int     // 1 for the longest wait
	ShareOfLead    float64 // wait ÷ map lead time, 0–1
	OnCriticalPath bool
}

// DepartmentTotal sums one department's stages.
type DepartmentTotal struct {
	Name    string
	Wait    float64
	Process float64
	Stages  int
}

// Comparison sets a future state's figures against its baseline's.
type Comparison struct {
	Baseline       string
	Before         *Metrics
	LeadTimeChange float64 // after − before, minutes
	ProcessChange  float64
	WaitChange     float64
	EfficiencyDiff float64 // after − before, as a fraction
}

// Percent returns change ÷ before, or 0 when before is 0.
func Percent(change, before float64) float64 {
	if before == 0 {
		return 0
	}
	return change / before
}

// Metrics are a map's figures, as defined in the README's Metrics section.
type Metrics struct {
	LeadTime       float64 // along the critical path, each stage weighing wait + process
	ProcessTime    float64 // along the critical path
	WaitTime       float64 // along the critical path
	FlowEfficiency float64 // ProcessTime ÷ LeadTime, 0 for an empty map
	RolledCA       float64 // product of recorded %C&A as a fraction; 1 when none is recorded
	CARecorded     int     // how many stages have a %C&A
	TotalProcess   float64 // process time of every stage, on the path or not
	CriticalPath   []*Stage
	LongestDelays  []Delay
	Departments    []DepartmentTotal
	Baseline       *Comparison // for a future state with a baseline
}

// OnCriticalPath tells whether the stage lies on the critical path.
func (mt *Metrics) OnCriticalPath(id string) bool {
	for _, s := range mt.CriticalPath {
		if s.ID == id {
			return true
		}
	}
	return false
}

// Compute returns the metrics of one map of the workshop, including the comparison with its
// baseline for a future state.
func (w *Workshop) Compute(m *Map) (*Metrics, error) {
	mt, err := m.Compute()
	if err != nil {
		return nil, err
	}
	if base := w.BaselineOf(m); base != nil {
		before, err := base.Compute()
		if err != nil {
			return nil, fmt.Errorf("baseline %q: %w", base.Name, err)
		}
		mt.Baseline = &Comparison{
			Baseline:       base.Name,
			Before:         before,
			LeadTimeChange: mt.LeadTime - before.LeadTime,
			ProcessChange:  mt.ProcessTime - before.ProcessTime,
			WaitChange:     mt.WaitTime - before.WaitTime,
			EfficiencyDiff: mt.FlowEfficiency - before.FlowEfficiency,
		}
	}
	return mt, nil
}

// Compute returns the map's own metrics, without a baseline. It costs O(stages + flows).
func (m *Map) Compute() (*Metrics, error) {
	g := m.buildForwardGraph()
	order, err := m.topologicalOrder(&g)
	if err != nil {
		return nil, err
	}
	mt := &Metrics{RolledCA: 1}
	path := m.criticalPath(&g, order)
	onPath := make([]bool, len(m.Stages))
	for _, i := range path {
		onPath[i] = true
		mt.CriticalPath = append(mt.CriticalPath, m.Stages[i])
	}
	mt.ProcessTime, mt.WaitTime = m.pathTimes(path)
	mt.LeadTime = mt.ProcessTime + mt.WaitTime
	if mt.LeadTime > 0 {
		mt.FlowEfficiency = mt.ProcessTime / mt.LeadTime
	}
	for _, s := range m.Stages {
		mt.TotalProcess += s.Process
		if s.HasCA {
			mt.RolledCA *= s.CA / 100
			mt.CARecorded++
		}
	}
	mt.LongestDelays = m.longestDelays(mt.LeadTime, onPath)
	mt.Departments = m.departmentTotals()
	return mt, nil
}

// pathTimes sums process and wait along a path of stage indexes, first stage first; the lead
// time is their sum. The forecast of a map without ranges uses it too, so that it repeats the
// metrics' lead time to the last bit.
func (m *Map) pathTimes(path []int) (process, wait float64) {
	for _, i := range path {
		process += m.Stages[i].Process
		wait += m.Stages[i].Wait
	}
	return process, wait
}

// criticalPath returns the stage indexes of the heaviest path through the forward flows, each
// stage weighing wait + process.
func (m *Map) criticalPath(g *forwardGraph, order []int) []int {
	n := len(m.Stages)
	weight := make([]float64, 2*n)
	weight, heaviest := weight[:n], weight[n:]
	for i, s := range m.Stages {
		weight[i] = s.LeadTime()
	}
	best := make([]int, n)
	var path []int
	for i := g.heaviestPath(order, weight, heaviest, best); i >= 0; i = best[i] {
		path = append(path, i)
	}
	slices.Reverse(path)
	return path
}

// heaviestPath fills heaviest (the heaviest path ending at each stage, the stage included) and
// best (the predecessor on that path, or -1), and returns the stage where the critical path
// ends, or -1 for no stages. Ties go to the stage earliest in map order, so the result is
// stable. The forecast calls it once per trial, so it allocates nothing.
func (g *forwardGraph) heaviestPath(order []int, weight, heaviest []float64, best []int) int {
	for _, i := range order {
		best[i] = -1
		for _, predecessor := range g.predecessors(i) {
			p := int(predecessor)
			if best[i] < 0 || heaviest[p] > heaviest[best[i]] || (heaviest[p] == heaviest[best[i]] && p < best[i]) {
				best[i] = p
			}
		}
		heaviest[i] = weight[i]
		if best[i] >= 0 {
			heaviest[i] += heaviest[best[i]]
		}
	}
	// The path ends where the flow ends: a stage without forward successors. Otherwise stages
	// not yet timed (weight 0) after the heaviest one would drop off the path.
	end := -1
	for i := range weight {
		if len(g.successors(i)) == 0 && (end < 0 || heaviest[i] > heaviest[end]) {
			end = i
		}
	}
	return end
}

func (m *Map) longestDelays(leadTime float64, onPath []bool) []Delay {
	type waiting struct {
		wait  float64
		index int
	}
	queue := make([]waiting, 0, len(m.Stages))
	for i, s := range m.Stages {
		if s.Wait > 0 { // also leaves out NaN, which would break the ordering below
			queue = append(queue, waiting{s.Wait, i})
		}
	}
	if len(queue) == 0 {
		return nil
	}
	// Longest wait first, ties in map order: with the index as tie-break an unstable sort of
	// small values gives the stable order, at a fraction of sort.SliceStable's cost.
	slices.SortFunc(queue, func(a, b waiting) int {
		switch {
		case a.wait > b.wait:
			return -1
		case a.wait < b.wait:
			return 1
		}
		return a.index - b.index
	})
	delays := make([]Delay, len(queue))
	for rank, q := range queue {
		delays[rank] = Delay{Stage: m.Stages[q.index], Rank: rank + 1, OnCriticalPath: onPath[q.index]}
		if leadTime > 0 {
			delays[rank].ShareOfLead = q.wait / leadTime
		}
	}
	return delays
}

func (m *Map) departmentTotals() []DepartmentTotal {
	var totals []DepartmentTotal
	atSpelling := map[string]int{} // the exact text: the common case, with no allocation
	atKey := map[string]int{}
	for _, s := range m.Stages {
		i, ok := atSpelling[s.Department]
		if !ok {
			// "QA", "qa" and "QA " typed live in the room are one department, as they are for
			// BuiltInDepartment and the colours; the first spelling names it.
			key := strings.ToLower(strings.TrimSpace(s.Department))
			if i, ok = atKey[key]; !ok {
				i = len(totals)
				atKey[key] = i
				totals = append(totals, DepartmentTotal{Name: strings.TrimSpace(s.Department)})
			}
			atSpelling[s.Department] = i
		}
		totals[i].Wait += s.Wait
		totals[i].Process += s.Process
		totals[i].Stages++
	}
	sort.SliceStable(totals, func(a, b int) bool { return totals[a].Wait > totals[b].Wait })
	return totals
}
