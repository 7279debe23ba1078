package room

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	"leadline.app/leadline/workshop"
)

// placedCard is a card's rectangle on screen and the row it sits in.
type placedCard struct {
	pos               fyne.Position
	size              fyne.Size
	rowTop, rowBottom float32
	row               int
	lastRow           bool // the bottom row of its page
	critical          bool
	criticalIndex     int // position on the critical path, -1 off it
	column            int
}

func (c placedCard) right() float32 { return c.pos.X + c.size.Width }
func (c placedCard) midY() float32  { return c.pos.Y + c.size.Height/2 }

// drawFlows draws the flows between cards on screen as right-angled arrows. A forward flow
// within a row runs through the gap before its target, so a fork's and a join's branches meet
// on one vertical line there; a flow that wraps to the next row drops into the gap between
// the rows, runs back left and enters its target from the left as on paper. Rework flows are
// dashed and run under their row, with their share written on them.
func drawFlows(m *workshop.Map, cards map[string]placedCard, g grid, u float32, p palette, sz typeSizes) []fyne.CanvasObject {
	var under, over []fyne.CanvasObject
	for _, f := range m.Flows {
		from, okFrom := cards[f.From]
		to, okTo := cards[f.To]
		if okFrom != okTo && !f.Rework {
			// A flow to or from another screen of a paged map: a short stub says the path
			// goes on there.
			under = append(under, pageStub(from, to, okFrom, g, u, p)...)
			continue
		}
		if !okFrom || !okTo || f.From == f.To {
			continue
		}
		if f.Rework {
			under = append(under, reworkArrow(f, from, to, g, u, p, sz)...)
			continue
		}
		critical := from.critical && to.critical && to.criticalIndex == from.criticalIndex+1
		colour, width := p.quietArrow, 2.5*u
		if critical {
			colour, width = p.arrow, 4.5*u
		}
		points := forwardRoute(from, to, g)
		objects := append(polyline(points, colour, width), arrowHead(points[len(points)-1], 12*u, colour))
		if critical {
			over = append(over, objects...) // the critical path is drawn over the quieter flows
		} else {
			under = append(under, objects...)
		}
	}
	return append(under, over...)
}

func pageStub(from, to placedCard, outgoing bool, g grid, u float32, p palette) []fyne.CanvasObject {
	colour := p.quietArrow
	if outgoing {
		start := fyne.NewPos(from.right(), from.midY())
		end := start.AddXY(g.gapX*0.7, 0)
		return append(polyline([]fyne.Position{start, end}, colour, 2.5*u), arrowHead(end, 12*u, colour))
	}
	end := fyne.NewPos(to.pos.X, to.midY())
	start := end.SubtractXY(g.gapX*0.7, 0)
	return append(polyline([]fyne.Position{start, end}, colour, 2.5*u), arrowHead(end, 12*u, colour))
}

func forwardRoute(from, to placedCard, g grid) []fyne.Position {
	start := fyne.NewPos(from.right(), from.midY())
	end := fyne.NewPos(to.pos.X, to.midY())
	if from.row == to.row && to.pos.X > from.right() {
		if start.Y == end.Y {
			return []fyne.Position{start, end}
		}
		midX := to.pos.X - g.gapX/2
		return []fyne.Position{start, {X: midX, Y: start.Y}, {X: midX, Y: end.Y}, end}
	}
	outX := from.right() + g.gapX/2
	inX := to.pos.X - g.gapX/2
	gapY := from.rowBottom + g.rowGap*wrapLine
	return []fyne.Position{start, {X: outX, Y: start.Y}, {X: outX, Y: gapY}, {X: inX, Y: gapY}, {X: inX, Y: end.Y}, end}
}

func reworkArrow(f workshop.Flow, from, to placedCard, g grid, u float32, p palette, sz typeSizes) []fyne.CanvasObject {
	// Between two top-lane cards (the critical path's lane) the way back runs over the row,
	// where nothing stacks; otherwise under it, clear of the branches below the source.
	over := from.pos.Y == from.rowTop && to.pos.Y == to.rowTop
	start := fyne.NewPos(from.pos.X+from.size.Width*0.5, from.pos.Y+from.size.Height)
	end := fyne.NewPos(to.pos.X+to.size.Width*0.5, to.pos.Y+to.size.Height)
	// The way back keeps clear of the line a wrapped flow takes through the same gap.
	below := from.rowBottom + g.rowGap*reworkLine
	if from.lastRow {
		below = from.rowBottom + g.rowGap*(1-reworkLine)
	}
	if over {
		start.Y, end.Y = from.pos.Y, to.pos.Y
		below = max(from.rowTop-g.rowGap*(1-reworkLine), textHeight(sz.label)/2)
	}
	points := []fyne.Position{start, {X: start.X, Y: below}, {X: end.X, Y: below}, end}
	var objects []fyne.CanvasObject
	for i := 0; i+1 < len(points); i++ {
		objects = append(objects, dashes(points[i], points[i+1], 10*u, 7*u, p.rework, 2.5*u)...)
	}
	if over {
		objects = append(objects, arrowHeadDown(end, 11*u, p.rework))
	} else {
		objects = append(objects, arrowHeadUp(end, 11*u, p.rework))
	}
	if f.ReworkPercent > 0 {
		label := newText("rework "+workshop.FormatPercent(f.ReworkPercent/100), sz.label, false, p.label)
		w := textWidth(label)
		h := textHeight(sz.label)
		x := (start.X+end.X)/2 - w/2
		backing := canvas.NewRectangle(p.background)
		backing.Move(fyne.NewPos(x-4*u, below-h/2))
		backing.Resize(fyne.NewSize(w+8*u, h))
		label.Move(fyne.NewPos(x, below-h/2))
		objects = append(objects, backing, label)
	}
	return objects
}

// Where flows cross the gap between two rows, as a fraction of it from the upper row: a
// wrapped forward flow, and a rework flow with its label.
const (
	wrapLine   = 0.35
	reworkLine = 0.72
)

func polyline(points []fyne.Position, c color.Color, width float32) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	for i := 0; i+1 < len(points); i++ {
		out = append(out, segment(points[i], points[i+1], c, width))
	}
	return out
}

func segment(a, b fyne.Position, c color.Color, width float32) *canvas.Line {
	l := canvas.NewLine(c)
	l.StrokeWidth = width
	l.Position1, l.Position2 = a, b
	return l
}

func dashes(a, b fyne.Position, dash, gap float32, c color.Color, width float32) []fyne.CanvasObject {
	length := float32(math.Hypot(float64(b.X-a.X), float64(b.Y-a.Y)))
	if length == 0 {
		return nil
	}
	dx, dy := (b.X-a.X)/length, (b.Y-a.Y)/length
	var out []fyne.CanvasObject
	for at := float32(0); at < length; at += dash + gap {
		stop := min(at+dash, length)
		out = append(out, segment(fyne.NewPos(a.X+dx*at, a.Y+dy*at), fyne.NewPos(a.X+dx*stop, a.Y+dy*stop), c, width))
	}
	return out
}

// arrowHead is a filled triangle whose tip touches tip, pointing right.
func arrowHead(tip fyne.Position, size float32, c color.Color) fyne.CanvasObject {
	return triangle(tip.SubtractXY(size, size*0.6), fyne.NewSize(size, size*1.2),
		[]fyne.Position{{X: 0, Y: 0}, {X: size, Y: size * 0.6}, {X: 0, Y: size * 1.2}}, c)
}

// arrowHeadUp points up, for a rework flow entering its target from below.
func arrowHeadUp(tip fyne.Position, size float32, c color.Color) fyne.CanvasObject {
	return triangle(tip.SubtractXY(size*0.6, 0), fyne.NewSize(size*1.2, size),
		[]fyne.Position{{X: size * 0.6, Y: 0}, {X: size * 1.2, Y: size}, {X: 0, Y: size}}, c)
}

// arrowHeadDown points down, for a rework flow entering its target from above.
func arrowHeadDown(tip fyne.Position, size float32, c color.Color) fyne.CanvasObject {
	return triangle(tip.SubtractXY(size*0.6, size), fyne.NewSize(size*1.2, size),
		[]fyne.Position{{X: 0, Y: 0}, {X: size * 1.2, Y: 0}, {X: size * 0.6, Y: size}}, c)
}

func triangle(pos fyne.Position, size fyne.Size, points []fyne.Position, c color.Color) fyne.CanvasObject {
	t := &canvas.ArbitraryPolygon{Points: points, FillColor: c}
	t.Move(pos)
	t.Resize(size)
	return t
}
