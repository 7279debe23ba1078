package room

import (
	"sort"

	"leadline.app/leadline/workshop"
)

// The room layout is computed for the room view alone and never written back: the editor's
// positions belong to the facilitator. Stages are put in columns by their step along the
// forward flows (a fork's branches share a column, one lane each), and the columns wrap into
// rows the way text wraps, so a 16-stage map fills a 16:9 screen instead of a thin strip.

// column is one step of the flow: the stages that can run side by side, critical path first.
type column struct {
	stages []*workshop.Stage
}

// columnsOf orders a map into columns by the longest chain of forward flows leading to each
// stage. Stages without any flow come last, one column each in the editor's left-to-right
// order, so a map still being drawn reads as a sequence rather than one tall stack. A loop of
// forward flows (which the metrics refuse) places the stages left on it after the rest.
func columnsOf(m *workshop.Map, critical map[string]bool) []column {
	index := make(map[string]int, len(m.Stages))
	for i, s := range m.Stages {
		index[s.ID] = i
	}
	successors := make([][]int, len(m.Stages))
	inDegree := make([]int, len(m.Stages))
	connected := make([]bool, len(m.Stages))
	for _, f := range m.Flows {
		from, okFrom := index[f.From]
		to, okTo := index[f.To]
		if !okFrom || !okTo || from == to {
			continue
		}
		connected[from], connected[to] = true, true
		if f.Rework {
			continue
		}
		successors[from] = append(successors[from], to)
		inDegree[to]++
	}
	step := make([]int, len(m.Stages))
	placed := make([]bool, len(m.Stages))
	var queue []int
	for i := range m.Stages {
		if inDegree[i] == 0 && connected[i] {
			queue = append(queue, i)
		}
	}
	last := 0
	for len(queue) > 0 {
		i := queue[0]
		queue = queue[1:]
		placed[i] = true
		last = max(last, step[i])
		for _, j := range successors[i] {
			step[j] = max(step[j], step[i]+1)
			if inDegree[j]--; inDegree[j] == 0 {
				queue = append(queue, j)
			}
		}
	}
	var columns []column
	add := func(at int, s *workshop.Stage) {
		for len(columns) <= at {
			columns = append(columns, column{})
		}
		columns[at].stages = append(columns[at].stages, s)
	}
	var loose []*workshop.Stage
	for i, s := range m.Stages {
		switch {
		case placed[i]:
			add(step[i], s)
		default:
			loose = append(loose, s)
		}
	}
	sort.SliceStable(loose, func(a, b int) bool { return loose[a].X < loose[b].X })
	next := len(columns)
	for _, s := range loose {
		add(next, s)
		next++
	}
	for _, c := range columns {
		// The critical path runs along the top lane, so the eye follows it straight across;
		// the parallel branches stack below it in the facilitator's top-to-bottom order.
		sort.SliceStable(c.stages, func(a, b int) bool {
			ca, cb := critical[c.stages[a].ID], critical[c.stages[b].ID]
			if ca != cb {
				return ca
			}
			return c.stages[a].Y < c.stages[b].Y
		})
	}
	return columns
}

// grid is the room-layout geometry chosen for one screen, in the view's units.
type grid struct {
	perRow     int     // columns per row
	zoom       float32 // card and type size over the screen-scale minimum, ≥ 1
	cardW      float32
	cardH      float32
	gapX, gapY float32 // between columns, and between the lanes of one row
	rowGap     float32 // between rows; flows that wrap travel through it
	pages      []page
}

// page is a screenful: consecutive columns, wrapped into rows.
type page struct {
	firstColumn, columns int
	rows                 []row
	width, height        float32
}

// row is one line of columns on a page.
type row struct {
	firstColumn, columns int
	lanes                int
}

// metrics of the card at zoom 1, in view units, from the screen-scaled type sizes.
type cardMetrics struct {
	width, height float32
	gapX, gapY    float32
	rowGap        float32
}

// maxZoom caps how much a small map's cards and type grow: past it, a 3-stage map would
// look like a slide of three posters.
const maxZoom = 1.5

// fitGrid picks the columns per row that give the largest cards on an area of availW×availH.
// When even the smallest cards cannot hold every column on one screen, it pages: as many
// columns per row as fit across, as many rows per page as fit down.
func fitGrid(columns []column, card cardMetrics, availW, availH float32) grid {
	best := grid{perRow: 1, zoom: 0}
	for perRow := 1; perRow <= max(1, len(columns)); perRow++ {
		rows := wrapRows(columns, 0, len(columns), perRow)
		zoom := min(zoomAcross(perRow, card, availW), zoomDown(rows, card, availH), maxZoom)
		// Equal zoom: more columns per row follow the flow with fewer wraps.
		if zoom >= best.zoom {
			best = grid{perRow: perRow, zoom: zoom}
		}
	}
	g := grid{perRow: best.perRow, zoom: best.zoom}
	if g.zoom < 1 {
		g.zoom = 1
		g.perRow = 1
		for g.perRow < max(1, len(columns)) && zoomAcross(g.perRow+1, card, availW) >= 1 {
			g.perRow++
		}
	}
	g.cardW, g.cardH = card.width*g.zoom, card.height*g.zoom
	g.gapX, g.gapY, g.rowGap = card.gapX*g.zoom, card.gapY*g.zoom, card.rowGap*g.zoom
	g.pages = paginate(columns, g, availH)
	return g
}

// zoomAcross is how far cards (and the gaps between them) can grow with perRow columns
// across availW.
func zoomAcross(perRow int, card cardMetrics, availW float32) float32 {
	return availW / (float32(perRow)*card.width + float32(perRow-1)*card.gapX)
}

// zoomDown is how far cards and gaps can grow with these rows stacked down availH.
func zoomDown(rows []row, card cardMetrics, availH float32) float32 {
	lanes := 0
	for _, r := range rows {
		lanes += r.lanes
	}
	if lanes == 0 {
		return maxZoom
	}
	gaps := float32(len(rows)-1)*card.rowGap + float32(lanes-len(rows))*card.gapY
	return availH / (float32(lanes)*card.height + gaps)
}

// wrapRows cuts columns [first, first+count) into rows of perRow.
func wrapRows(columns []column, first, count, perRow int) []row {
	var rows []row
	for start := first; start < first+count; start += perRow {
		r := row{firstColumn: start, columns: min(perRow, first+count-start)}
		for _, c := range columns[start : start+r.columns] {
			r.lanes = max(r.lanes, len(c.stages))
		}
		rows = append(rows, r)
	}
	return rows
}

// paginate fills pages row by row until the next row would not fit down availH. A row taller
// than the screen still gets a page of its own (its bottom lanes are cut off; a fork that
// wide is past any map a room can read).
func paginate(columns []column, g grid, availH float32) []page {
	var pages []page
	all := wrapRows(columns, 0, len(columns), g.perRow)
	for len(all) > 0 {
		p := page{firstColumn: all[0].firstColumn}
		for len(all) > 0 {
			h := rowHeight(all[0], g)
			if len(p.rows) > 0 && p.height+g.rowGap+h > availH {
				break
			}
			if len(p.rows) > 0 {
				p.height += g.rowGap
			}
			p.height += h
			p.columns += all[0].columns
			p.width = max(p.width, float32(all[0].columns)*g.cardW+float32(all[0].columns-1)*g.gapX)
			p.rows = append(p.rows, all[0])
			all = all[1:]
		}
		pages = append(pages, p)
	}
	if len(pages) == 0 {
		pages = []page{{}}
	}
	return pages
}

func rowHeight(r row, g grid) float32 {
	lanes := max(r.lanes, 1)
	return float32(lanes)*g.cardH + float32(lanes-1)*g.gapY
}

// slot is where one stage sits on its page, relative to the page's top-left corner.
type slot struct {
	page      int
	row       int
	x, y      float32
	rowTop    float32
	rowBottom float32
}

// place gives every stage its slot.
func place(columns []column, g grid) map[string]slot {
	slots := map[string]slot{}
	for pi, p := range g.pages {
		top := float32(0)
		for ri, r := range p.rows {
			h := rowHeight(r, g)
			for ci := 0; ci < r.columns; ci++ {
				for lane, s := range columns[r.firstColumn+ci].stages {
					slots[s.ID] = slot{page: pi, row: ri,
						x:      float32(ci) * (g.cardW + g.gapX),
						y:      top + float32(lane)*(g.cardH+g.gapY),
						rowTop: top, rowBottom: top + h}
				}
			}
			top += h + g.rowGap
		}
	}
	return slots
}
