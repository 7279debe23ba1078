package workshop

import (
	"slices"
	"strings"
)

// bitMatrix is a square relation over stage-order positions: row i holds bit j when i relates
// to j. Bits keep precedence small (a 5,000-stage log needs 3 MB) and the reduction fast.
type bitMatrix struct {
	rows  [][]uint64
	words int
}

func newBitMatrix(n int) bitMatrix {
	words := (n + 63) / 64
	backing := make([]uint64, n*words)
	rows := make([][]uint64, n)
	for i := range rows {
		rows[i] = backing[i*words : (i+1)*words : (i+1)*words]
	}
	return bitMatrix{rows: rows, words: words}
}

func (b bitMatrix) set(i, j int)      { b.rows[i][j/64] |= 1 << (j % 64) }
func (b bitMatrix) has(i, j int) bool { return b.rows[i][j/64]&(1<<(j%64)) != 0 }

// stageOrder is step 3: stages by the median, over items, of the first visit's entry minus
// the item's first entry; ties by name. It returns stage indices in that order.
func (log *eventLog) stageOrder() []int {
	offsets := make([][]float64, len(log.stageNames))
	for i := range log.items {
		item := &log.items[i]
		for _, k := range item.first {
			v := item.visits[k]
			offsets[v.stage] = append(offsets[v.stage], v.entry-item.firstEntry)
		}
	}
	median := make([]float64, len(offsets))
	for s, o := range offsets {
		slices.Sort(o)
		median[s] = Percentile(o, 0.5)
	}
	order := make([]int, len(log.stageNames))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		if c := compareFloat(median[a], median[b]); c != 0 {
			return c
		}
		return strings.Compare(log.stageNames[a], log.stageNames[b])
	})
	return order
}

// precedence is step 4: A (earlier in the stage order) precedes B when at least 80 % of the
// items that visited both had A's first visit end at or before B's first visit began. Stages
// no item visited together are parallel. Rows and columns are stage-order positions.
//
// It counts one row at a time, so memory stays linear in the stages while the work is the sum
// over items of their stages squared.
func (log *eventLog) precedence(order, pos []int) bitMatrix {
	n := len(order)
	// For each item, its first visits sorted by stage order; for each stage, where it stands
	// in the lists of the items that visited it.
	byPos := make([][]int32, len(log.items))
	type at struct{ item, index int32 }
	visitsOf := make([][]at, n)
	for i := range log.items {
		item := &log.items[i]
		list := slices.Clone(item.first)
		slices.SortFunc(list, func(a, b int32) int {
			return pos[item.visits[a].stage] - pos[item.visits[b].stage]
		})
		byPos[i] = list
		for index, k := range list {
			p := pos[item.visits[k].stage]
			visitsOf[p] = append(visitsOf[p], at{int32(i), int32(index)})
		}
	}
	precedes := newBitMatrix(n)
	both := make([]int32, n)
	ended := make([]int32, n)
	var touched []int
	for a := 0; a < n; a++ {
		touched = touched[:0]
		for _, where := range visitsOf[a] {
			item := &log.items[where.item]
			first := item.visits[byPos[where.item][where.index]]
			for _, k := range byPos[where.item][where.index+1:] {
				later := item.visits[k]
				b := pos[later.stage]
				if both[b] == 0 {
					touched = append(touched, b)
				}
				both[b]++
				if first.hasEnd && first.end <= later.entry {
					ended[b]++
				}
			}
		}
		for _, b := range touched {
			if 5*ended[b] >= 4*both[b] { // ended ÷ both ≥ 80 %, in integers
				precedes.set(a, b)
			}
			both[b], ended[b] = 0, 0
		}
	}
	return precedes
}

// transitiveReduction is step 5: A → B stays unless some C has A precedes C and C precedes B.
// Precedence only runs forward in the stage order, so C lies between A and B.
func transitiveReduction(precedes bitMatrix) bitMatrix {
	n := len(precedes.rows)
	before := newBitMatrix(n) // before.rows[b] holds every a that precedes b
	for a := 0; a < n; a++ {
		for b := a + 1; b < n; b++ {
			if precedes.has(a, b) {
				before.set(b, a)
			}
		}
	}
	direct := newBitMatrix(n)
	for a := 0; a < n; a++ {
		for b := a + 1; b < n; b++ {
			if precedes.has(a, b) && !intersects(precedes.rows[a], before.rows[b]) {
				direct.set(a, b)
			}
		}
	}
	return direct
}

func intersects(x, y []uint64) bool {
	for w := range x {
		if x[w]&y[w] != 0 {
			return true
		}
	}
	return false
}
