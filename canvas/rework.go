package canvas

import (
	"fyne.io/fyne/v2"

	"leadline.app/leadline/workshop"
)

// A rework arrow is routed by workshop.ReworkRoute: down from the stage that sends the work
// back, along a channel under every card in between, up into the stage that redoes it. It is
// drawn dashed, from a fixed pool of dashes, with its rework % on the channel.
const (
	reworkDashes    = 64
	reworkClearance = 28 // map units between the lowest card in the span and the channel
)

// layoutReworkArrows re-routes every rework arrow: a card moved into or out of a channel
// moves that channel.
func (v *MapView) layoutReworkArrows() {
	for _, a := range v.arrows {
		if a.rework {
			v.layoutRework(a)
		}
	}
}

// layoutRework routes a rework arrow around the cards as they are now, dragged ones included.
func (v *MapView) layoutRework(a *flowArrow) {
	rectOf := func(c *stageCard) workshop.Rect {
		return workshop.Rect{X: float64(c.mapPos.X), Y: float64(c.mapPos.Y), Width: cardWidth, Height: cardHeight}
	}
	cards := make([]workshop.Rect, 0, len(v.cards))
	for _, c := range v.cards {
		cards = append(cards, rectOf(c))
	}
	route := workshop.ReworkRoute(rectOf(v.cards[a.key.from]), rectOf(v.cards[a.key.to]), cards, reworkClearance)
	corners := make([]fyne.Position, len(route))
	for i, p := range route {
		corners[i] = v.toLayer(fyne.NewPos(float32(p.X), float32(p.Y)))
	}
	a.layoutPolyline(corners, v.zoom)
}

// layoutPolyline dashes the arrow along its corners, puts the head on the last one and the
// label under the middle of the channel.
func (a *flowArrow) layoutPolyline(corners []fyne.Position, zoom float32) {
	headLength := max(8, 10*zoom)
	last := len(corners) - 1
	direction, _ := unit(corners[last].Subtract(corners[last-1]))
	body := append([]fyne.Position(nil), corners...)
	body[last] = corners[last].Subtract(scale(direction, headLength))
	total := polylineLength(body)
	// Resampled for click testing and the overview picture, which dashes every other piece.
	a.path = a.path[:0]
	for i := 0; i <= curveSamples; i++ {
		a.path = append(a.path, pointAlong(body, total*float32(i)/curveSamples))
	}
	period := max(14*zoom, total/float32(len(a.dashes)))
	for i, d := range a.dashes {
		from := float32(i) * period
		d.Hidden = from >= total
		if !d.Hidden {
			d.Position1, d.Position2 = pointAlong(body, from), pointAlong(body, min(from+period*0.6, total))
		}
		d.Refresh()
	}
	placeHead(a.head, corners[last], direction, headLength)
	if channel := channelOf(corners); a.label != nil && channel > 0 {
		middle := fyne.NewPos((corners[channel-1].X+corners[channel].X)/2, corners[channel].Y)
		size := fyne.MeasureText(a.label.Text, a.label.TextSize, a.label.TextStyle)
		a.label.Move(middle.AddXY(-size.Width/2, 3*zoom))
		a.label.Resize(size)
		a.label.Refresh()
	}
}

// channelOf returns i such that corners[i-1]→corners[i] is the lowest horizontal run, the
// channel under the cards; 0 if there is none.
func channelOf(corners []fyne.Position) int {
	best := 0
	for i := 1; i < len(corners); i++ {
		if corners[i].Y == corners[i-1].Y && corners[i].X != corners[i-1].X && (best == 0 || corners[i].Y > corners[best].Y) {
			best = i
		}
	}
	return best
}

func polylineLength(points []fyne.Position) float32 {
	total := float32(0)
	for i := 1; i < len(points); i++ {
		_, length := unit(points[i].Subtract(points[i-1]))
		total += length
	}
	return total
}

// pointAlong is the point at a distance along a polyline, clamped to its ends.
func pointAlong(points []fyne.Position, distance float32) fyne.Position {
	for i := 1; i < len(points); i++ {
		direction, length := unit(points[i].Subtract(points[i-1]))
		if distance <= length {
			return points[i-1].Add(scale(direction, distance))
		}
		distance -= length
	}
	return points[len(points)-1]
}
