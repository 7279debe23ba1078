package workshop

import (
	"fmt"
	"sort"
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

// Metrics are a map's figures, as defined in DESIGN.md.
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
	order, err := m.forwardOrder()
	if err != nil {
		return nil, err
	}
	mt := &Metrics{RolledCA: 1}
	mt.CriticalPath = m.criticalPath(order)
	for _, s := range mt.CriticalPath {
		mt.ProcessTime += s.Process
		mt.WaitTime += s.Wait
	}
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
	mt.LongestDelays = m.longestDelays(mt)
	mt.Departments = m.departmentTotals()
	return mt, nil
}

// forwardOrder returns stage indexes in a topological order of the forward flows, stable in
// map order, or a LoopError. Flows naming unknown stages are ignored here; Validate reports them.
func (m *Map) forwardOrder() ([]int, error) {
	index := make(map[string]int, len(m.Stages))
	for i, s := range m.Stages {
		index[s.ID] = i
	}
	successors := make([][]int, len(m.Stages))
	inDegree := make([]int, len(m.Stages))
	for _, f := range m.Flows {
		from, okFrom := index[f.From]
		to, okTo := index[f.To]
		if f.Rework || !okFrom || !okTo {
			continue
		}
		successors[from] = append(successors[from], to)
		inDegree[to]++
	}
	order := make([]int, 0, len(m.Stages))
	for i, d := range inDegree {
		if d == 0 {
			order = append(order, i)
		}
	}
	for head := 0; head < len(order); head++ {
		for _, next := range successors[order[head]] {
			if inDegree[next]--; inDegree[next] == 0 {
				order = append(order, next)
			}
		}
	}
	if len(order) < len(m.Stages) {
		return nil, &LoopError{Map: m.Name, Stages: m.findLoop(successors, inDegree)}
	}
	return order, nil
}

// findLoop names the stages of one loop among those Kahn's algorithm could not order. Each
// such stage keeps an unordered predecessor, so walking predecessors must repeat a stage.
func (m *Map) findLoop(successors [][]int, inDegree []int) []string {
	predecessor := make([]int, len(m.Stages))
	for i := range predecessor {
		predecessor[i] = -1
	}
	for from, tos := range successors {
		for _, to := range tos {
			if inDegree[from] > 0 && inDegree[to] > 0 && predecessor[to] < 0 {
				predecessor[to] = from
			}
		}
	}
	start := -1
	for i := range m.Stages {
		if inDegree[i] > 0 {
			start = i
			break
		}
	}
	visitedAt := map[int]int{}
	var walk []int
	for current := start; current >= 0; current = predecessor[current] {
		if at, ok := visitedAt[current]; ok {
			loop := walk[at:]
			names := []string{m.Stages[current].Name}
			for i := len(loop) - 1; i >= 0; i-- {
				names = append(names, m.Stages[loop[i]].Name)
			}
			return names
		}
		visitedAt[current] = len(walk)
		walk = append(walk, current)
	}
	return nil
}

// criticalPath returns the heaviest path through the forward flows, each stage weighing
// wait + process. Ties go to the stage earliest in map order, so the result is stable.
func (m *Map) criticalPath(order []int) []*Stage {
	if len(m.Stages) == 0 {
		return nil
	}
	index := make(map[string]int, len(m.Stages))
	for i, s := range m.Stages {
		index[s.ID] = i
	}
	predecessors := make([][]int, len(m.Stages))
	hasSuccessor := make([]bool, len(m.Stages))
	for _, f := range m.Flows {
		from, okFrom := index[f.From]
		to, okTo := index[f.To]
		if !f.Rework && okFrom && okTo {
			predecessors[to] = append(predecessors[to], from)
			hasSuccessor[from] = true
		}
	}
	heaviest := make([]float64, len(m.Stages)) // heaviest path ending at the stage
	best := make([]int, len(m.Stages))         // the predecessor on that path, or -1
	for _, i := range order {
		best[i] = -1
		for _, p := range predecessors[i] {
			if best[i] < 0 || heaviest[p] > heaviest[best[i]] || (heaviest[p] == heaviest[best[i]] && p < best[i]) {
				best[i] = p
			}
		}
		heaviest[i] = m.Stages[i].LeadTime()
		if best[i] >= 0 {
			heaviest[i] += heaviest[best[i]]
		}
	}
	// The path ends where the flow ends: a stage without forward successors. Otherwise stages
	// not yet timed (weight 0) after the heaviest one would drop off the path.
	end := -1
	for i := range m.Stages {
		if !hasSuccessor[i] && (end < 0 || heaviest[i] > heaviest[end]) {
			end = i
		}
	}
	var path []*Stage
	for i := end; i >= 0; i = best[i] {
		path = append(path, m.Stages[i])
	}
	for l, r := 0, len(path)-1; l < r; l, r = l+1, r-1 {
		path[l], path[r] = path[r], path[l]
	}
	return path
}

func (m *Map) longestDelays(mt *Metrics) []Delay {
	onPath := make(map[string]bool, len(mt.CriticalPath))
	for _, s := range mt.CriticalPath {
		onPath[s.ID] = true
	}
	var delays []Delay
	for _, s := range m.Stages {
		if s.Wait > 0 {
			d := Delay{Stage: s, OnCriticalPath: onPath[s.ID]}
			if mt.LeadTime > 0 {
				d.ShareOfLead = s.Wait / mt.LeadTime
			}
			delays = append(delays, d)
		}
	}
	sort.SliceStable(delays, func(a, b int) bool { return delays[a].Stage.Wait > delays[b].Stage.Wait })
	for i := range delays {
		delays[i].Rank = i + 1
	}
	return delays
}

func (m *Map) departmentTotals() []DepartmentTotal {
	var totals []DepartmentTotal
	at := map[string]int{}
	for _, s := range m.Stages {
		i, ok := at[s.Department]
		if !ok {
			i = len(totals)
			at[s.Department] = i
			totals = append(totals, DepartmentTotal{Name: s.Department})
		}
		totals[i].Wait += s.Wait
		totals[i].Process += s.Process
		totals[i].Stages++
	}
	sort.SliceStable(totals, func(a, b int) bool { return totals[a].Wait > totals[b].Wait })
	return totals
}
