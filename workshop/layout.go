package workshop

import (
	"math"
	"slices"
)

// Point is a position on the map, in the same units as Stage.X and Stage.Y.
type Point struct{ X, Y float64 }

// Rect is a card's box on the map: its top-left corner and its size.
type Rect struct{ X, Y, Width, Height float64 }

// Grid is the spacing of a tidy layout: from one column (flow step) to the next, and from one
// row (parallel branch) to the next, each including the card itself.
type Grid struct{ Column, Row float64 }

// TidyLayout lays a map out as a layered flow, the way a value stream is read: each stage one
// column right of its furthest forward predecessor, the critical path (its stage IDs, in
// order) on one straight row, the other branches on rows above and below it, nearest the row
// of their predecessors. Stages without forward flows go on a row of their own below. The
// result keeps the map's top-left corner where it was, so the map does not fly off. A loop of
// forward flows cannot be laid out and returns its LoopError.
func TidyLayout(m *Map, criticalPath []string, grid Grid) (map[string]Point, error) {
	g := m.buildForwardGraph()
	order, err := m.topologicalOrder(&g)
	if err != nil {
		return nil, err
	}
	n := len(m.Stages)
	layer := make([]int, n)
	for _, i := range order {
		for _, next := range g.successors(i) {
			layer[next] = max(layer[next], layer[i]+1)
		}
	}
	stagesIn := map[int]int{}
	for _, l := range layer {
		stagesIn[l]++
	}
	index := make(map[string]int, n)
	for i, s := range m.Stages {
		index[s.ID] = i
	}
	const unplaced = math.MinInt
	row := make([]int, n)
	for i := range row {
		row[i] = unplaced
	}
	taken := map[[2]int]bool{} // (layer, row) cells in use
	for _, id := range criticalPath {
		if i, ok := index[id]; ok {
			row[i] = 0
			taken[[2]int{layer[i], 0}] = true
		}
	}
	loose := []int{}
	// Layer by layer, in topological order, so each stage's predecessors already have rows.
	byLayer := slices.Clone(order)
	slices.SortStableFunc(byLayer, func(a, b int) int { return layer[a] - layer[b] })
	for _, i := range byLayer {
		if row[i] != unplaced {
			continue
		}
		if len(g.predecessors(i)) == 0 && len(g.successors(i)) == 0 {
			loose = append(loose, i)
			continue
		}
		row[i] = nearestFreeRow(taken, layer[i], stagesIn[layer[i]], desiredRow(g.predecessors(i), row))
		taken[[2]int{layer[i], row[i]}] = true
	}
	lowest := 0
	for i := range row {
		if row[i] != unplaced {
			lowest = max(lowest, row[i])
		}
	}
	for k, i := range loose {
		layer[i], row[i] = k, lowest+1
	}

	top, left := 0, 0
	for i := range row {
		if i == 0 || row[i] < top {
			top = row[i]
		}
		if i == 0 || layer[i] < left {
			left = layer[i]
		}
	}
	origin := Point{}
	for i, s := range m.Stages {
		if i == 0 || s.X < origin.X {
			origin.X = s.X
		}
		if i == 0 || s.Y < origin.Y {
			origin.Y = s.Y
		}
	}
	out := make(map[string]Point, n)
	for i, s := range m.Stages {
		out[s.ID] = Point{X: origin.X + float64(layer[i]-left)*grid.Column, Y: origin.Y + float64(row[i]-top)*grid.Row}
	}
	return out, nil
}

// desiredRow is the mean row of a stage's placed predecessors: a branch stays near the row it
// leaves from.
func desiredRow(predecessors []int32, row []int) float64 {
	sum, count := 0, 0
	for _, p := range predecessors {
		if row[p] != math.MinInt {
			sum += row[p]
			count++
		}
	}
	if count == 0 {
		return 0
	}
	return float64(sum) / float64(count)
}

// nearestFreeRow finds the free row of a layer nearest the desired one, never the critical
// row 0; on a tie the upper row wins, so branches alternate above and below the critical
// path. A layer of k stages has a free row within k+1 of any row.
func nearestFreeRow(taken map[[2]int]bool, layer, stagesInLayer int, desired float64) int {
	best, bestDistance := 0, math.Inf(1)
	centre := int(math.Round(desired))
	for r := centre - stagesInLayer - 1; r <= centre+stagesInLayer+1; r++ {
		if r == 0 || taken[[2]int{layer, r}] {
			continue
		}
		if d := math.Abs(float64(r) - desired); d < bestDistance {
			best, bestDistance = r, d
		}
	}
	return best
}

// ReworkRoute routes a rework flow around the cards: down from the bottom of the stage that
// sends the work back, along a channel clearance below every card in the span between the
// two stages, and up into the bottom of the stage that redoes it. Where a card sits under
// either stage (a parallel branch), that leg jogs out into the gutter beside the column
// first. It returns the corners of the path, from start to end. The canvas draws it; the
// handout can draw the same path.
func ReworkRoute(from, to Rect, cards []Rect, clearance float64) []Point {
	start := Point{X: from.X + from.Width/2, Y: from.Y + from.Height}
	end := Point{X: to.X + to.Width/2, Y: to.Y + to.Height}
	// The gutter on the side facing the other stage.
	towards := func(r, other Rect) float64 {
		if other.X < r.X {
			return r.X - clearance
		}
		return r.X + r.Width + clearance
	}
	down, up := start.X, end.X
	if cardBelow(from, start.X, cards) {
		down = towards(from, to)
	}
	if cardBelow(to, end.X, cards) {
		up = towards(to, from)
	}
	left := min(from.X, to.X, down, up)
	right := max(from.X+from.Width, to.X+to.Width, down, up)
	channel := max(start.Y, end.Y)
	for _, c := range cards {
		if c.X < right && c.X+c.Width > left {
			channel = max(channel, c.Y+c.Height)
		}
	}
	channel += clearance
	jog := clearance / 2
	points := []Point{start}
	if down != start.X {
		points = append(points, Point{X: start.X, Y: start.Y + jog}, Point{X: down, Y: start.Y + jog})
	}
	points = append(points, Point{X: down, Y: channel}, Point{X: up, Y: channel})
	if up != end.X {
		points = append(points, Point{X: up, Y: end.Y + jog}, Point{X: end.X, Y: end.Y + jog})
	}
	return append(points, end)
}

// cardBelow tells whether another card lies under r, across the vertical line at x.
func cardBelow(r Rect, x float64, cards []Rect) bool {
	for _, c := range cards {
		if c != r && c.X < x && c.X+c.Width > x && c.Y >= r.Y+r.Height {
			return true
		}
	}
	return false
}
