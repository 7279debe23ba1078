package report

import (
	"fmt"
	"math"

	"leadline.app/leadline/workshop"
)

const (
	// mmPerPxFull is the print size of a canvas pixel when a map fits at full size: a card
	// is then 42 × 27 mm.
	mmPerPxFull = 0.30
	// minFitScale is the smallest scale at which cards stay legible; below it the map is
	// split into tiles printed at tileScale.
	minFitScale = 0.45
	tileScale   = 0.62
	// minTextScale is the scale below which cards are drawn without text: an overview of a
	// very large map shows its shape, and the tiles carry the words.
	minTextScale = 0.3
	maxTileGrid  = 400
)

// mapContext is what the map drawing needs to know about the map's figures.
type mapContext struct {
	m         *workshop.Map
	place     placement
	critical  map[string]bool // stage IDs on the critical path
	critFlows map[[2]string]bool
	ranks     map[string]int // stage ID → delay rank, top three only
	ideas     map[string]int // stage ID → number of ideas
}

func newMapContext(m *workshop.Map, mt *workshop.Metrics) *mapContext {
	ctx := &mapContext{m: m, place: placeStages(m), critical: map[string]bool{},
		critFlows: map[[2]string]bool{}, ranks: delayRanks(mt), ideas: map[string]int{}}
	for i, s := range mt.CriticalPath {
		ctx.critical[s.ID] = true
		if i > 0 {
			ctx.critFlows[[2]string{mt.CriticalPath[i-1].ID, s.ID}] = true
		}
	}
	for _, idea := range m.Ideas {
		ctx.ideas[idea.Stage]++
	}
	return ctx
}

// mapPages draws the map scaled to fit one page. When that makes it too small to read, the
// fitted page becomes an overview and tiles at a legible scale follow.
func (b *builder) mapPages(m *workshop.Map, mt *workshop.Metrics) {
	ctx := newMapContext(m, mt)
	top := b.newPage()
	area := b.mapArea(top)
	pxW, pxH := ctx.place.width()+40, ctx.place.height()+40 // room for badges and rework arcs
	scale := math.Min(1, math.Min(area.w/(pxW*mmPerPxFull), area.h/(pxH*mmPerPxFull)))
	tiled := scale < minFitScale && len(m.Stages) > 0
	title := "Value stream map"
	if tiled {
		title = "Value stream map, overview"
	}
	b.mapHeading(title, top)
	// Centre the drawing in the area so small maps do not hug the top-left corner.
	mmPerPx := scale * mmPerPxFull
	b.drawMap(ctx, view{mmPerPx: mmPerPx, area: area, textScale: scale,
		originX: ctx.place.minX - 20 - (area.w/mmPerPx-pxW)/2,
		originY: ctx.place.minY - 20 - (area.h/mmPerPx-pxH)/2})
	if !tiled {
		return
	}
	mmPerPx = tileScale * mmPerPxFull
	tileW, tileH := area.w/mmPerPx, area.h/mmPerPx
	// Tiles overlap by more than a card, so every card is whole on at least one page.
	overlapX, overlapY := cardWidthPx+40, cardHeightPx+40
	columns := tileCount(pxW, tileW, overlapX)
	rows := tileCount(pxH, tileH, overlapY)
	if rows*columns > maxTileGrid {
		// A map spread this thin is mostly empty canvas; the overview has to do.
		return
	}
	type tile struct {
		row, column int
		v           view
	}
	var tiles []tile
	for r := 0; r < rows; r++ {
		for c := 0; c < columns; c++ {
			v := view{mmPerPx: mmPerPx, area: area, textScale: tileScale,
				originX: tileOrigin(ctx.place.minX-20, pxW, tileW, c, columns),
				originY: tileOrigin(ctx.place.minY-20, pxH, tileH, r, rows)}
			if ctx.anyCardIn(v) { // empty canvas is not worth a page
				tiles = append(tiles, tile{r, c, v})
			}
		}
	}
	for i, t := range tiles {
		top = b.newPage()
		b.mapHeading(fmt.Sprintf("Value stream map, part %d of %d", i+1, len(tiles)), top)
		b.drawMap(ctx, t.v)
		b.tileLocator(ctx, t.v, top, t.row, t.column, rows, columns)
	}
}

func (ctx *mapContext) anyCardIn(v view) bool {
	for _, s := range ctx.m.Stages {
		if v.card(ctx.place.at[s.ID]).intersects(v.area) {
			return true
		}
	}
	return false
}

func (b *builder) mapArea(top float64) rect {
	y := top + 18
	return rect{x: b.margin, y: y, w: b.contentWidth(), h: b.bottom - y - 2}
}

func tileCount(total, tile, overlap float64) int {
	if total <= tile {
		return 1
	}
	return 1 + int(math.Ceil((total-tile)/(tile-overlap)))
}

// tileOrigin spreads the tiles evenly from the first to the last, so the last tile is as full
// as the others.
func tileOrigin(start, total, tile float64, i, count int) float64 {
	if count <= 1 {
		return start
	}
	return start + float64(i)*(total-tile)/float64(count-1)
}

func (b *builder) mapHeading(title string, top float64) {
	y := b.heading(title, top)
	b.mapLegend(y)
}

// drawMap draws the flows under the cards, then the cards, clipped to the view's area.
func (b *builder) drawMap(ctx *mapContext, v view) {
	b.draw.ClipRect(v.area.x, v.area.y, v.area.w, v.area.h, false)
	cards := make(map[string]rect, len(ctx.m.Stages))
	for _, s := range ctx.m.Stages {
		cards[s.ID] = v.card(ctx.place.at[s.ID])
	}
	margin := 30 * v.mmPerPx
	visible := rect{v.area.x - margin, v.area.y - margin, v.area.w + 2*margin, v.area.h + 2*margin}
	for pass := 0; pass < 2; pass++ { // the critical path goes on top of the other flows
		for _, f := range ctx.m.Flows {
			from, okFrom := cards[f.From]
			to, okTo := cards[f.To]
			onPath := ctx.critFlows[[2]string{f.From, f.To}] && !f.Rework
			if !okFrom || !okTo || f.From == f.To || onPath != (pass == 1) || !spanOf(from, to).intersects(visible) {
				continue
			}
			if f.Rework {
				b.reworkArrow(from, to, f.ReworkPercent, v.textScale, cardsNear(cards, f.From, f.To))
			} else {
				b.forwardArrow(from, to, onPath, v.textScale)
			}
		}
	}
	for _, s := range ctx.m.Stages {
		if card := cards[s.ID]; card.intersects(visible) {
			b.stageCard(s, card, ctx, v.textScale)
		}
	}
	b.draw.ClipEnd()
}

// spanOf is the box around two cards, enlarged for a rework arc's bulge.
func spanOf(a, c rect) rect {
	x0, y0 := math.Min(a.x, c.x), math.Min(a.y, c.y)
	x1, y1 := math.Max(a.x+a.w, c.x+c.w), math.Max(a.y+a.h, c.y+c.h)
	pad := math.Max(x1-x0, y1-y0) * 0.3
	return rect{x0 - pad, y0 - pad, x1 - x0 + 2*pad, y1 - y0 + 2*pad}
}

func (b *builder) forwardArrow(from, to rect, onPath bool, scale float64) {
	start := from.borderPoint(to.centre())
	end := to.borderPoint(from.centre())
	width, colour := 0.35*scale, colourArrow
	if onPath {
		width, colour = 0.9*scale, colourCritical
	}
	b.strokeColour(colour)
	b.fillColour(colour)
	b.draw.SetLineWidth(width)
	head := 2.6*scale + width
	base := b.arrowHead(end, point{end.x - start.x, end.y - start.y}, head)
	b.draw.Line(start.x, start.y, base.x, base.y)
}

// reworkCurve is one way a rework arc may take: a cubic Bézier from start to end, bulging
// along the normal (nx, ny) by bulge.
type reworkCurve struct {
	start, c1, c2, end point
	nx, ny, bulge      float64
}

func newReworkCurve(from, to rect, side, bulge float64) reworkCurve {
	fc, tc := from.centre(), to.centre()
	dx, dy := tc.x-fc.x, tc.y-fc.y
	length := math.Hypot(dx, dy)
	nx, ny := side*dy/length, -side*dx/length
	mid := point{(fc.x+tc.x)/2 + nx*bulge, (fc.y+tc.y)/2 + ny*bulge}
	start, end := from.borderPoint(mid), to.borderPoint(mid)
	return reworkCurve{start: start, end: end, nx: nx, ny: ny, bulge: bulge,
		c1: point{start.x + nx*bulge, start.y + ny*bulge}, c2: point{end.x + nx*bulge, end.y + ny*bulge}}
}

// at is the curve's point at t in [0, 1].
func (c reworkCurve) at(t float64) point {
	u := 1 - t
	a, b2, c2, d := u*u*u, 3*u*u*t, 3*u*t*t, t*t*t
	return point{a*c.start.x + b2*c.c1.x + c2*c.c2.x + d*c.end.x, a*c.start.y + b2*c.c1.y + c2*c.c2.y + d*c.end.y}
}

// crossings counts the cards the curve passes through, sampled along its length.
func (c reworkCurve) crossings(cards []rect) int {
	hit := make([]bool, len(cards))
	count := 0
	for step := 1; step < 40; step++ {
		p := c.at(float64(step) / 40)
		for i, card := range cards {
			if !hit[i] && p.x > card.x && p.x < card.x+card.w && p.y > card.y && p.y < card.y+card.h {
				hit[i] = true
				count++
			}
		}
	}
	return count
}

// cardsNear lists the cards, other than the two a rework flow joins, that any of its arcs
// could pass: those within reach of the widest bulge routeRework tries. Checking only these
// keeps a 1,000-stage handout from testing every arc against every card.
func cardsNear(cards map[string]rect, from, to string) []rect {
	a, c := cards[from], cards[to]
	length := math.Hypot(c.centre().x-a.centre().x, c.centre().y-a.centre().y)
	reach := 2.4 * math.Max(length*0.3, a.h*0.9) * 2
	x0, y0 := math.Min(a.x, c.x)-reach, math.Min(a.y, c.y)-reach
	x1, y1 := math.Max(a.x+a.w, c.x+c.w)+reach, math.Max(a.y+a.h, c.y+c.h)+reach
	area := rect{x0, y0, x1 - x0, y1 - y0}
	var out []rect
	for id, card := range cards {
		if id != from && id != to && card.intersects(area) {
			out = append(out, card)
		}
	}
	return out
}

// routeRework picks the arc that crosses the fewest other cards: first the usual side (down
// the page for a flow back from right to left) at the usual bulge, then wider, then the other
// side. A flow back over a row of cards would otherwise run straight through them.
func routeRework(from, to rect, obstacles []rect) reworkCurve {
	fc, tc := from.centre(), to.centre()
	length := math.Hypot(tc.x-fc.x, tc.y-fc.y)
	base := math.Max(length*0.3, from.h*0.9)
	best, bestHits := reworkCurve{}, -1
	for _, side := range []float64{1, -1} {
		for _, widen := range []float64{1, 1.6, 2.4} {
			c := newReworkCurve(from, to, side, base*widen)
			if hits := c.crossings(obstacles); bestHits < 0 || hits < bestHits {
				best, bestHits = c, hits
			}
			if bestHits == 0 {
				return best
			}
		}
	}
	return best
}

// reworkArrow draws a dashed curve bulging to one side, so a flow back never hides under the
// forward flows between the same stages, routed around the other cards where it can be.
func (b *builder) reworkArrow(from, to rect, reworkPercent, scale float64, obstacles []rect) {
	fc, tc := from.centre(), to.centre()
	if fc == tc {
		return
	}
	curve := routeRework(from, to, obstacles)
	start, c1, c2, end := curve.start, curve.c1, curve.c2, curve.end
	nx, ny, bulge := curve.nx, curve.ny, curve.bulge
	b.strokeColour(colourRework)
	b.fillColour(colourRework)
	b.draw.SetLineWidth(0.45 * scale)
	b.draw.SetDashPattern([]float64{1.6 * scale, 1.1 * scale}, 0)
	b.draw.CurveBezierCubic(start.x, start.y, c1.x, c1.y, c2.x, c2.y, end.x, end.y, "D")
	b.draw.SetDashPattern([]float64{}, 0)
	b.arrowHead(end, point{end.x - c2.x, end.y - c2.y}, 2.6*scale)
	label := "rework"
	if reworkPercent > 0 {
		label = fmt.Sprintf("rework %s", percent(reworkPercent/100))
	}
	// The curve's midpoint lies three quarters of the way out to the control points.
	labelAt := point{(start.x+end.x)/2 + nx*bulge*0.75, (start.y+end.y)/2 + ny*bulge*0.75}
	b.font(false, 6.5*scale)
	width := b.draw.GetStringWidth(label) + 2*scale
	b.fillColour(colourWhite)
	b.draw.Rect(labelAt.x-width/2, labelAt.y-1.8*scale, width, 3.6*scale, "F")
	b.textColour(colourRework)
	b.text(labelAt.x-width/2, labelAt.y-1.8*scale, width, 3.6*scale, label, "C")
}

// arrowHead fills a triangle with its tip at tip, pointing along direction, and returns the
// middle of its base, where the shaft should stop.
func (b *builder) arrowHead(tip, direction point, length float64) point {
	norm := math.Hypot(direction.x, direction.y)
	if norm == 0 {
		return tip
	}
	ux, uy := direction.x/norm, direction.y/norm
	base := point{tip.x - ux*length, tip.y - uy*length}
	half := length * 0.45
	b.draw.Polygon([]gofpdfPoint{
		{X: tip.x, Y: tip.y},
		{X: base.x - uy*half, Y: base.y + ux*half},
		{X: base.x + uy*half, Y: base.y - ux*half},
	}, "F")
	return base
}

// mapLegend explains the marks used on the map, in one line under the heading.
func (b *builder) mapLegend(y float64) {
	x := b.margin
	b.font(false, 8)
	item := func(label string, draw func(x, y float64)) {
		draw(x, y+2)
		b.font(false, 8)
		b.textColour(colourMuted)
		b.text(x+9, y, 60, 4, label, "L")
		x += 11 + b.draw.GetStringWidth(label) + 6
	}
	item("critical path", func(x, y float64) {
		b.strokeColour(colourCritical)
		b.draw.SetLineWidth(0.9)
		b.draw.Line(x, y, x+7, y)
	})
	item("flow", func(x, y float64) {
		b.strokeColour(colourArrow)
		b.draw.SetLineWidth(0.35)
		b.draw.Line(x, y, x+7, y)
	})
	item("rework (dashed)", func(x, y float64) {
		b.strokeColour(colourRework)
		b.draw.SetLineWidth(0.45)
		b.draw.SetDashPattern([]float64{1.6, 1.1}, 0)
		b.draw.Line(x, y, x+7, y)
		b.draw.SetDashPattern([]float64{}, 0)
	})
	item("longest delays, ranked", func(x, y float64) { b.rankBadge(point{x + 3.5, y}, 1, 0.8) })
	item("improvement ideas", func(x, y float64) { b.kaizenBurst(point{x + 3.5, y}, 1, 0.8) })
}

// tileLocator shows, in the heading line, which part of the whole map this tile covers.
func (b *builder) tileLocator(ctx *mapContext, v view, top float64, row, column, rows, columns int) {
	boxW := 36.0
	boxH := math.Min(20, boxW*ctx.place.height()/math.Max(ctx.place.width(), 1))
	scale := math.Min(boxW/(ctx.place.width()+40), boxH/(ctx.place.height()+40))
	x, y := b.pageW-b.margin-boxW, top
	b.fillColour(colourZebra)
	b.strokeColour(colourRule)
	b.draw.SetLineWidth(0.2)
	b.draw.Rect(x, y, boxW, boxH, "FD")
	b.fillColour(colourRule)
	for _, s := range ctx.m.Stages {
		p := ctx.place.at[s.ID]
		b.draw.Rect(x+(p.x-ctx.place.minX+20)*scale, y+(p.y-ctx.place.minY+20)*scale,
			math.Max(cardWidthPx*scale, 0.3), math.Max(cardHeightPx*scale, 0.3), "F")
	}
	b.strokeColour(colourDelay)
	b.draw.SetLineWidth(0.4)
	b.draw.Rect(x+(v.originX-ctx.place.minX+20)*scale, y+(v.originY-ctx.place.minY+20)*scale,
		v.area.w/v.mmPerPx*scale, v.area.h/v.mmPerPx*scale, "D")
	b.font(false, 7)
	b.textColour(colourMuted)
	b.text(x-50, y, 48, 4, fmt.Sprintf("row %d of %d, column %d of %d", row+1, rows, column+1, columns), "R")
}
