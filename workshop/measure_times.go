package workshop

import (
	"container/heap"
	"slices"
)

// stageTimes are the wait and process samples of one stage's finished first visits, sorted.
type stageTimes struct{ wait, process []float64 }

// firstVisitTimes is steps 6 and 7 for every finished first visit. The wait of a first visit
// to B runs from the latest end, among the item's first visits to B's direct predecessors
// that ended by B's entry; failing that, among any of its earlier first visits that ended by
// then; failing that, from the item's first entry. So time in queues and gaps is wait.
func (log *eventLog) firstVisitTimes(pos []int, direct bitMatrix) []stageTimes {
	times := make([]stageTimes, len(log.stageNames))
	for i := range log.items {
		item := &log.items[i]
		for n, k := range item.first {
			v := item.visits[k]
			if !v.hasEnd {
				continue
			}
			fromPredecessor, fromEarlier := false, false
			var predecessorEnd, earlierEnd float64
			for _, e := range item.first[:n] {
				u := item.visits[e]
				if !u.hasEnd || u.end > v.entry {
					continue
				}
				if direct.has(pos[u.stage], pos[v.stage]) {
					if !fromPredecessor || u.end > predecessorEnd {
						predecessorEnd, fromPredecessor = u.end, true
					}
				}
				if !fromEarlier || u.end > earlierEnd {
					earlierEnd, fromEarlier = u.end, true
				}
			}
			// A direct predecessor entered at the same moment as B sorts after it in file
			// order yet still counts; look at the rest of the item's first visits for those.
			for _, e := range item.first[n+1:] {
				u := item.visits[e]
				if u.entry > v.entry {
					break
				}
				if u.hasEnd && u.end <= v.entry && direct.has(pos[u.stage], pos[v.stage]) &&
					(!fromPredecessor || u.end > predecessorEnd) {
					predecessorEnd, fromPredecessor = u.end, true
				}
			}
			start := item.firstEntry
			switch {
			case fromPredecessor:
				start = predecessorEnd
			case fromEarlier:
				start = earlierEnd
			}
			t := &times[v.stage]
			t.wait = append(t.wait, v.entry-start)
			t.process = append(t.process, v.end-v.entry)
		}
	}
	for s := range times {
		slices.Sort(times[s].wait)
		slices.Sort(times[s].process)
	}
	return times
}

// reworkFlow is one way back the log shows: items sent from one stage to an earlier one.
type reworkFlow struct {
	from, to int // stage indices
	items    int // distinct items that took it
}

type reworkCounts struct {
	flows    []reworkFlow // ordered by the from-stage, then the to-stage, in stage order
	visited  []int        // distinct items that visited each stage
	sentBack []int        // distinct items sent back to each stage, over all its rework flows
}

// rework is step 9: a revisit of S coming from the stage whose visit ended last before the
// revisit began is a rework flow from that stage to S, when S is earlier in the stage order.
func (log *eventLog) rework(pos []int) reworkCounts {
	n := len(log.stageNames)
	counts := reworkCounts{visited: make([]int, n), sentBack: make([]int, n)}
	type key struct{ from, to int32 }
	flowIndex := map[key]int{}
	lastItemOfFlow := map[key]int{}
	lastItemOfStage := make([]int, n)
	lastSentBack := make([]int, n)
	for s := range lastItemOfStage {
		lastItemOfStage[s], lastSentBack[s] = -1, -1
	}
	seen := make([]bool, n)
	var pending endHeap
	for i := range log.items {
		item := &log.items[i]
		pending = endHeap{indices: pending.indices[:0], visits: item.visits}
		latest := -1 // index of the stage visit that ended last so far
		for k, v := range item.visits {
			// Entries never go down, so a visit that has ended by now stays ended: pop
			// every pending visit that ended by this entry.
			for pending.Len() > 0 && item.visits[pending.indices[0]].end <= v.entry {
				e := heap.Pop(&pending).(int)
				if latest < 0 || item.visits[e].end >= item.visits[latest].end {
					latest = e
				}
			}
			if v.stage < 0 {
				continue
			}
			if lastItemOfStage[v.stage] != i {
				lastItemOfStage[v.stage] = i
				counts.visited[v.stage]++
			}
			if seen[v.stage] && latest >= 0 {
				from := item.visits[latest].stage
				if pos[v.stage] < pos[from] {
					fk := key{from, v.stage}
					if _, ok := flowIndex[fk]; !ok {
						flowIndex[fk] = len(counts.flows)
						counts.flows = append(counts.flows, reworkFlow{from: int(from), to: int(v.stage)})
						lastItemOfFlow[fk] = -1
					}
					if lastItemOfFlow[fk] != i {
						lastItemOfFlow[fk] = i
						counts.flows[flowIndex[fk]].items++
					}
					if lastSentBack[v.stage] != i {
						lastSentBack[v.stage] = i
						counts.sentBack[v.stage]++
					}
				}
			}
			seen[v.stage] = true
			if v.hasEnd {
				heap.Push(&pending, k)
			}
		}
		for _, k := range item.first {
			seen[item.visits[k].stage] = false
		}
	}
	slices.SortFunc(counts.flows, func(a, b reworkFlow) int {
		if pos[a.from] != pos[b.from] {
			return pos[a.from] - pos[b.from]
		}
		return pos[a.to] - pos[b.to]
	})
	return counts
}

// endHeap holds an item's visits that have not ended yet, earliest end on top.
type endHeap struct {
	indices []int
	visits  []logVisit
}

func (h endHeap) Len() int { return len(h.indices) }
func (h endHeap) Less(a, b int) bool {
	return h.visits[h.indices[a]].end < h.visits[h.indices[b]].end
}
func (h endHeap) Swap(a, b int) { h.indices[a], h.indices[b] = h.indices[b], h.indices[a] }
func (h *endHeap) Push(x any)   { h.indices = append(h.indices, x.(int)) }
func (h *endHeap) Pop() any {
	last := h.indices[len(h.indices)-1]
	h.indices = h.indices[:len(h.indices)-1]
	return last
}
