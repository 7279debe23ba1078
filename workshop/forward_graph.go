package workshop

// forwardGraph holds a map's forward flows as adjacency lists over stage indexes. The lists are
// stored flat (compressed rows) so that a 10,000-stage map costs a handful of allocations
// rather than one per stage: metrics are recomputed after every edit.
type forwardGraph struct {
	successorStart   []int32 // the successors of stage i are successorList[successorStart[i]:successorStart[i+1]]
	successorList    []int32
	predecessorStart []int32
	predecessorList  []int32
}

// buildForwardGraph indexes the forward flows. Rework flows, and flows naming unknown stages
// (which Validate reports), are left out. Each list keeps the flows' map order.
func (m *Map) buildForwardGraph() forwardGraph {
	stageCount := len(m.Stages)
	index := make(map[string]int, stageCount)
	for i, s := range m.Stages {
		index[s.ID] = i
	}
	type edge struct{ from, to int32 } // int32 halves the memory the GC has to sweep
	edges := make([]edge, 0, len(m.Flows))
	for _, f := range m.Flows {
		if f.Rework {
			continue
		}
		from, okFrom := index[f.From]
		to, okTo := index[f.To]
		if okFrom && okTo {
			edges = append(edges, edge{int32(from), int32(to)})
		}
	}
	g := forwardGraph{
		successorStart:   make([]int32, stageCount+1),
		predecessorStart: make([]int32, stageCount+1),
		successorList:    make([]int32, len(edges)),
		predecessorList:  make([]int32, len(edges)),
	}
	for _, e := range edges {
		g.successorStart[e.from+1]++
		g.predecessorStart[e.to+1]++
	}
	for i := 0; i < stageCount; i++ {
		g.successorStart[i+1] += g.successorStart[i]
		g.predecessorStart[i+1] += g.predecessorStart[i]
	}
	nextSlot := make([]int32, 2*stageCount)
	nextSuccessor, nextPredecessor := nextSlot[:stageCount], nextSlot[stageCount:]
	copy(nextSuccessor, g.successorStart)
	copy(nextPredecessor, g.predecessorStart)
	for _, e := range edges {
		g.successorList[nextSuccessor[e.from]] = e.to
		nextSuccessor[e.from]++
		g.predecessorList[nextPredecessor[e.to]] = e.from
		nextPredecessor[e.to]++
	}
	return g
}

func (g *forwardGraph) successors(i int) []int32 {
	return g.successorList[g.successorStart[i]:g.successorStart[i+1]]
}

func (g *forwardGraph) predecessors(i int) []int32 {
	return g.predecessorList[g.predecessorStart[i]:g.predecessorStart[i+1]]
}

// forwardOrder returns stage indexes in a topological order of the forward flows, stable in
// map order, or a LoopError. Flows naming unknown stages are ignored here; Validate reports them.
func (m *Map) forwardOrder() ([]int, error) {
	g := m.buildForwardGraph()
	return m.topologicalOrder(&g)
}

func (m *Map) topologicalOrder(g *forwardGraph) ([]int, error) {
	inDegree := make([]int32, len(m.Stages))
	for i := range inDegree {
		inDegree[i] = int32(len(g.predecessors(i)))
	}
	order := make([]int, 0, len(m.Stages))
	for i, d := range inDegree {
		if d == 0 {
			order = append(order, i)
		}
	}
	for head := 0; head < len(order); head++ {
		for _, next := range g.successors(order[head]) {
			if inDegree[next]--; inDegree[next] == 0 {
				order = append(order, int(next))
			}
		}
	}
	if len(order) < len(m.Stages) {
		return nil, &LoopError{Map: m.Name, Stages: m.findLoop(g, inDegree)}
	}
	return order, nil
}

// findLoop names the stages of one loop among those Kahn's algorithm could not order. Each
// such stage keeps an unordered predecessor, so walking predecessors must repeat a stage.
func (m *Map) findLoop(g *forwardGraph, inDegree []int32) []string {
	predecessor := make([]int, len(m.Stages))
	for i := range predecessor {
		predecessor[i] = -1
	}
	for from := range m.Stages {
		for _, to := range g.successors(from) {
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
