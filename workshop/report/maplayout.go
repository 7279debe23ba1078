package report

import (
	"math"

	"leadline.app/leadline/workshop"
)

// Card size in canvas pixels, as the app draws it; stage X/Y is the card's top-left corner.
const (
	cardWidthPx  = 140.0
	cardHeightPx = 90.0
)

// point is a position in canvas pixels.
type point struct{ x, y float64 }

// placement is where every stage of a map sits, and the box around them all.
type placement struct {
	at                     map[string]point
	minX, minY, maxX, maxY float64
}

func (p placement) width() float64  { return p.maxX - p.minX }
func (p placement) height() float64 { return p.maxY - p.minY }

// placeStages takes the stages' own positions. Maps imported without positions (a timemap CSV,
// a hand-written JSON) pile up at one spot; those get a layered layout by forward-flow depth
// instead, so the handout still shows a readable map.
func placeStages(m *workshop.Map) placement {
	at := make(map[string]point, len(m.Stages))
	distinct := make(map[[2]int]bool, len(m.Stages))
	for _, s := range m.Stages {
		at[s.ID] = point{s.X, s.Y}
		distinct[[2]int{int(math.Round(s.X / 10)), int(math.Round(s.Y / 10))}] = true
	}
	if len(distinct) < len(m.Stages) {
		at = layeredLayout(m)
	}
	p := placement{at: at, minX: math.Inf(1), minY: math.Inf(1), maxX: math.Inf(-1), maxY: math.Inf(-1)}
	for _, s := range m.Stages {
		pos := at[s.ID]
		p.minX, p.minY = math.Min(p.minX, pos.x), math.Min(p.minY, pos.y)
		p.maxX, p.maxY = math.Max(p.maxX, pos.x+cardWidthPx), math.Max(p.maxY, pos.y+cardHeightPx)
	}
	if len(m.Stages) == 0 {
		p.minX, p.minY, p.maxX, p.maxY = 0, 0, cardWidthPx, cardHeightPx
	}
	return p
}

// layeredLayout puts each stage in the column of its longest forward-flow distance from a
// start, stacking stages of one column in map order.
func layeredLayout(m *workshop.Map) map[string]point {
	index := make(map[string]int, len(m.Stages))
	for i, s := range m.Stages {
		index[s.ID] = i
	}
	successors := make([][]int, len(m.Stages))
	inDegree := make([]int, len(m.Stages))
	for _, f := range m.Flows {
		from, okFrom := index[f.From]
		to, okTo := index[f.To]
		if f.Rework || !okFrom || !okTo || from == to {
			continue
		}
		successors[from] = append(successors[from], to)
		inDegree[to]++
	}
	depth := make([]int, len(m.Stages))
	queue := make([]int, 0, len(m.Stages))
	for i, d := range inDegree {
		if d == 0 {
			queue = append(queue, i)
		}
	}
	for head := 0; head < len(queue); head++ {
		for _, next := range successors[queue[head]] {
			depth[next] = max(depth[next], depth[queue[head]]+1)
			if inDegree[next]--; inDegree[next] == 0 {
				queue = append(queue, next)
			}
		}
	}
	rowsUsed := map[int]int{}
	at := make(map[string]point, len(m.Stages))
	for i, s := range m.Stages {
		column := depth[i]
		at[s.ID] = point{float64(column) * (cardWidthPx + 50), float64(rowsUsed[column]) * (cardHeightPx + 40)}
		rowsUsed[column]++
	}
	return at
}

// rect is a box in page millimetres.
type rect struct{ x, y, w, h float64 }

func (r rect) centre() point { return point{r.x + r.w/2, r.y + r.h/2} }

func (r rect) intersects(o rect) bool {
	return r.x < o.x+o.w && o.x < r.x+r.w && r.y < o.y+o.h && o.y < r.y+r.h
}

// borderPoint is where the ray from the box's centre towards target leaves the box.
func (r rect) borderPoint(target point) point {
	c := r.centre()
	dx, dy := target.x-c.x, target.y-c.y
	if dx == 0 && dy == 0 {
		return c
	}
	t := math.Inf(1)
	if dx != 0 {
		t = math.Min(t, (r.w/2)/math.Abs(dx))
	}
	if dy != 0 {
		t = math.Min(t, (r.h/2)/math.Abs(dy))
	}
	return point{c.x + dx*t, c.y + dy*t}
}

// view maps canvas pixels to page millimetres for one page (or one tile) of the map.
type view struct {
	originX, originY float64 // canvas pixel at the area's top-left corner
	mmPerPx          float64
	area             rect    // the page area the map is drawn in
	textScale        float64 // font sizes relative to a full-size card
}

func (v view) card(p point) rect {
	return rect{
		x: v.area.x + (p.x-v.originX)*v.mmPerPx,
		y: v.area.y + (p.y-v.originY)*v.mmPerPx,
		w: cardWidthPx * v.mmPerPx,
		h: cardHeightPx * v.mmPerPx,
	}
}
