package canvas

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	fynecanvas "fyne.io/fyne/v2/canvas"

	"leadline.app/leadline/workshop"
)

// flowKey names a flow; a map holds at most one flow per ordered pair of stages.
type flowKey struct{ from, to string }

// curveSamples is how finely a curve is sampled for dashes and click testing.
const curveSamples = 24

// flowArrow draws one flow: a solid cubic curve for a forward flow, or a dashed path around
// the cards for rework, so that a rework flow never hides the forward flow it answers.
type flowArrow struct {
	key      flowKey
	rework   bool
	critical bool
	selected bool

	curve  *fynecanvas.BezierCurve // forward flows
	dashes []*fynecanvas.Line      // rework flows
	label  *fynecanvas.Text        // rework flows: their rework %
	head   *fynecanvas.ArbitraryPolygon
	// path is the sampled curve in layer coordinates (map units × zoom), for click testing.
	path []fyne.Position
}

func newFlowArrow(f workshop.Flow) *flowArrow {
	a := &flowArrow{key: flowKey{f.From, f.To}, rework: f.Rework, head: &fynecanvas.ArbitraryPolygon{}}
	if f.Rework {
		a.dashes = make([]*fynecanvas.Line, reworkDashes)
		for i := range a.dashes {
			a.dashes[i] = &fynecanvas.Line{}
		}
		a.label = &fynecanvas.Text{TextStyle: fyne.TextStyle{Bold: true}, Alignment: fyne.TextAlignCenter}
		if f.ReworkPercent > 0 {
			a.label.Text = workshop.FormatPercent(f.ReworkPercent/100) + " rework"
		}
	} else {
		a.curve = &fynecanvas.BezierCurve{ControlPoints: make([]fyne.Position, 2)}
	}
	return a
}

// objects are what the arrow layer holds for this arrow.
func (a *flowArrow) objects() []fyne.CanvasObject {
	var out []fyne.CanvasObject
	if a.curve != nil {
		out = append(out, a.curve)
	}
	for _, d := range a.dashes {
		out = append(out, d)
	}
	if a.label != nil {
		out = append(out, a.label)
	}
	return append(out, a.head)
}

// style applies colours and stroke widths; call layout afterwards.
func (a *flowArrow) style(col colours, zoom float32, presenter bool) {
	stroke := col.forwardArrow
	width := max(1.5, 1.6*zoom)
	switch {
	case a.rework:
		stroke = col.rework
	case a.critical:
		stroke, width = col.critical, max(2.5, 3*zoom)
	}
	if a.selected {
		stroke, width = col.accent, width+1.5
	}
	if presenter {
		width *= 1.3
	}
	if a.curve != nil {
		a.curve.StrokeColor, a.curve.StrokeWidth = stroke, width
	}
	for _, d := range a.dashes {
		d.StrokeColor, d.StrokeWidth = stroke, width
	}
	if a.label != nil {
		a.label.Color = stroke
		a.label.TextSize = max(10, 12*zoom)
		if presenter {
			a.label.TextSize *= presenterScale
		}
	}
	a.head.FillColor, a.head.StrokeColor = stroke, color.Transparent
}

// layout places a forward arrow between two card rectangles given in layer coordinates, and
// refreshes only its own objects: this runs on every drag event of either card. Rework
// arrows are routed around the cards instead (rework.go).
func (a *flowArrow) layout(from, to fyne.Position, size fyne.Size, zoom float32) {
	start, c1, c2, end, endDir := a.route(from, to, size, zoom)
	a.path = a.path[:0]
	for i := 0; i <= curveSamples; i++ {
		a.path = append(a.path, cubicPoint(start, c1, c2, end, float32(i)/curveSamples))
	}
	headLength := max(8, 10*zoom)
	tip := end
	base := end.Subtract(scale(endDir, headLength))
	// The curve stops at the head's base so a thick stroke does not poke through the tip.
	placeCurve(a.curve, start, c1, c2, base)
	placeHead(a.head, tip, endDir, headLength)
}

// route picks exit and entry points and control points: a forward flow leaves the side
// facing its target.
func (a *flowArrow) route(from, to fyne.Position, size fyne.Size, zoom float32) (start, c1, c2, end, endDir fyne.Position) {
	fromCentre := from.AddXY(size.Width/2, size.Height/2)
	toCentre := to.AddXY(size.Width/2, size.Height/2)
	dx, dy := toCentre.X-fromCentre.X, toCentre.Y-fromCentre.Y
	// A forward flow back to the left onto another row (a map wrapped into rows) leaves through
	// the bottom and enters through the top, crossing the gap between rows, not the cards.
	// A target clearly to the right is entered from the left, however far down it sits: parallel
	// sign-offs stacked in a column then fan out without crossing each other's cards.
	wrapsBack := dx < 0 && abs32(dy) >= size.Height
	toTheRight := dx >= size.Width
	if toTheRight || (abs32(dx)*size.Height >= abs32(dy)*size.Width && !wrapsBack) {
		sign := float32(1)
		if dx < 0 {
			sign = -1
		}
		start = fromCentre.AddXY(sign*size.Width/2, 0)
		end = toCentre.AddXY(-sign*size.Width/2, 0)
		bend := max(abs32(end.X-start.X)/2, 24*zoom)
		return start, start.AddXY(sign*bend, 0), end.AddXY(-sign*bend, 0), end, fyne.NewPos(sign, 0)
	}
	sign := float32(1)
	if dy < 0 {
		sign = -1
	}
	start = fromCentre.AddXY(0, sign*size.Height/2)
	end = toCentre.AddXY(0, -sign*size.Height/2)
	bend := max(abs32(end.Y-start.Y)/2, 24*zoom)
	return start, start.AddXY(0, sign*bend), end.AddXY(0, -sign*bend), end, fyne.NewPos(0, sign)
}

// placeCurve sets a BezierCurve from layer coordinates: Fyne wants its points relative to the
// object and never negative, so the object spans the control polygon's bounding box.
func placeCurve(curve *fynecanvas.BezierCurve, start, c1, c2, end fyne.Position) {
	topLeft, bottomRight := bounds(start, c1, c2, end)
	curve.Move(topLeft)
	curve.Resize(fyne.NewSize(bottomRight.X-topLeft.X, bottomRight.Y-topLeft.Y))
	curve.StartPoint = start.Subtract(topLeft)
	curve.ControlPoints = append(curve.ControlPoints[:0], c1.Subtract(topLeft), c2.Subtract(topLeft))
	curve.EndPoint = end.Subtract(topLeft)
	curve.Refresh()
}

// placeHead draws a filled triangle whose tip touches the target card.
func placeHead(head *fynecanvas.ArbitraryPolygon, tip, direction fyne.Position, length float32) {
	base := tip.Subtract(scale(direction, length))
	normal := fyne.NewPos(-direction.Y, direction.X)
	half := length * 0.5
	left, right := base.Add(scale(normal, half)), base.Subtract(scale(normal, half))
	topLeft, bottomRight := bounds(tip, left, right, tip)
	head.Move(topLeft)
	head.Resize(fyne.NewSize(max(bottomRight.X-topLeft.X, 1), max(bottomRight.Y-topLeft.Y, 1)))
	head.Points = append(head.Points[:0], tip.Subtract(topLeft), left.Subtract(topLeft), right.Subtract(topLeft))
	head.Refresh()
}

// distanceTo is how far a layer point lies from the drawn arrow.
func (a *flowArrow) distanceTo(p fyne.Position) float32 {
	best := float32(math.MaxFloat32)
	for i := 1; i < len(a.path); i++ {
		best = min(best, segmentDistance(p, a.path[i-1], a.path[i]))
	}
	return best
}

func cubicPoint(p0, p1, p2, p3 fyne.Position, t float32) fyne.Position {
	u := 1 - t
	w0, w1, w2, w3 := u*u*u, 3*u*u*t, 3*u*t*t, t*t*t
	return fyne.NewPos(w0*p0.X+w1*p1.X+w2*p2.X+w3*p3.X, w0*p0.Y+w1*p1.Y+w2*p2.Y+w3*p3.Y)
}

func segmentDistance(p, a, b fyne.Position) float32 {
	abX, abY := b.X-a.X, b.Y-a.Y
	lengthSquared := abX*abX + abY*abY
	t := float32(0)
	if lengthSquared > 0 {
		t = min(1, max(0, ((p.X-a.X)*abX+(p.Y-a.Y)*abY)/lengthSquared))
	}
	closestX, closestY := a.X+t*abX-p.X, a.Y+t*abY-p.Y
	return float32(math.Sqrt(float64(closestX*closestX + closestY*closestY)))
}

func bounds(points ...fyne.Position) (topLeft, bottomRight fyne.Position) {
	topLeft, bottomRight = points[0], points[0]
	for _, p := range points[1:] {
		topLeft = fyne.NewPos(min(topLeft.X, p.X), min(topLeft.Y, p.Y))
		bottomRight = fyne.NewPos(max(bottomRight.X, p.X), max(bottomRight.Y, p.Y))
	}
	return topLeft, bottomRight
}

func scale(p fyne.Position, f float32) fyne.Position { return fyne.NewPos(p.X*f, p.Y*f) }

func abs32(f float32) float32 {
	if f < 0 {
		return -f
	}
	return f
}
