package canvas

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	fynecanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"leadline.app/leadline/workshop"
)

var (
	_ fyne.Draggable    = (*connectHandle)(nil)
	_ desktop.Mouseable = (*connectHandle)(nil)
	_ desktop.Hoverable = (*connectHandle)(nil)
)

// dropSlop is how far, in screen pixels, a connecting drag may end beside a card and still
// connect to it; grabSlop how far beside a handle or card a drag may start and still take it.
const (
	dropSlop = 40
	grabSlop = 12
)

// connectHandle is the dot on a card's right edge; dragging from it draws a new flow.
type connectHandle struct {
	widget.BaseWidget
	card    *stageCard
	hovered bool
}

func newConnectHandle(card *stageCard) *connectHandle {
	h := &connectHandle{card: card}
	h.ExtendBaseWidget(h)
	return h
}

func (h *connectHandle) MouseDown(ev *desktop.MouseEvent) {
	h.card.view.gesture.pressShift = ev.Modifier&fyne.KeyModifierShift != 0
}
func (h *connectHandle) MouseUp(*desktop.MouseEvent) {}

func (h *connectHandle) MouseIn(*desktop.MouseEvent)    { h.hovered = true; h.Refresh() }
func (h *connectHandle) MouseMoved(*desktop.MouseEvent) {}
func (h *connectHandle) MouseOut()                      { h.hovered = false; h.Refresh() }

func (h *connectHandle) Dragged(ev *fyne.DragEvent) { h.card.view.dragConnect(h.card, ev.Dragged) }
func (h *connectHandle) DragEnd()                   { h.card.view.endConnect(h.card) }

func (h *connectHandle) CreateRenderer() fyne.WidgetRenderer {
	r := &handleRenderer{handle: h, dot: &fynecanvas.Circle{}}
	r.Refresh()
	return r
}

type handleRenderer struct {
	handle *connectHandle
	dot    *fynecanvas.Circle
}

func (r *handleRenderer) Destroy()                     {}
func (r *handleRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.dot} }
func (r *handleRenderer) MinSize() fyne.Size           { return fyne.NewSize(0, 0) }
func (r *handleRenderer) Layout(size fyne.Size)        { r.dot.Resize(size) }

func (r *handleRenderer) Refresh() {
	col := r.handle.card.view.colours
	r.dot.FillColor, r.dot.StrokeColor, r.dot.StrokeWidth = col.handleFill, col.accent, 1.5
	if r.handle.hovered {
		r.dot.FillColor = col.accent
	}
	r.Layout(r.handle.Size())
	r.dot.Refresh()
}

// connectPreview is the rubber-band arrow drawn while connecting, and the ring that marks the
// card it would connect to.
type connectPreview struct {
	line       *fynecanvas.Line
	head       *fynecanvas.ArbitraryPolygon
	targetRing *fynecanvas.Rectangle
}

func newConnectPreview() *connectPreview {
	p := &connectPreview{
		line:       &fynecanvas.Line{StrokeWidth: 2},
		head:       &fynecanvas.ArbitraryPolygon{},
		targetRing: &fynecanvas.Rectangle{StrokeWidth: 3, FillColor: color.Transparent},
	}
	p.hide()
	return p
}

func (p *connectPreview) objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{p.targetRing, p.line, p.head}
}

func (p *connectPreview) style(col colours) {
	p.line.StrokeColor, p.head.FillColor, p.targetRing.StrokeColor = col.accent, col.accent, col.accent
}

func (p *connectPreview) hide() {
	for _, o := range p.objects() {
		o.Hide()
	}
}

// dragConnect follows the pointer from a card's handle, marking the card it would connect to.
func (v *MapView) dragConnect(from *stageCard, delta fyne.Delta) {
	if v.gesture.kind != gestureConnect || v.gesture.card != from {
		shift := v.gesture.pressShift || v.currentModifiers()&fyne.KeyModifierShift != 0
		v.gesture = gesture{kind: gestureConnect, card: from, pressShift: shift,
			pointer: v.toLayer(from.mapPos).Add(v.pan).AddXY(cardWidth*v.zoom, cardHeight*v.zoom/2)}
		v.preview.style(v.colours)
		if shift {
			v.preview.line.StrokeColor, v.preview.head.FillColor = v.colours.rework, v.colours.rework
		}
	}
	v.gesture.pointer = v.gesture.pointer.AddXY(delta.DX, delta.DY)
	target := v.cardNear(v.gesture.pointer, dropSlop, from)
	v.gesture.target = target

	start := v.toLayer(from.mapPos).Add(v.pan).AddXY(cardWidth*v.zoom, cardHeight*v.zoom/2)
	end := v.gesture.pointer
	v.preview.line.Position1, v.preview.line.Position2 = start, end
	v.preview.line.Show()
	v.preview.line.Refresh()
	if direction, length := unit(end.Subtract(start)); length > 12 {
		v.preview.head.Show()
		placeHead(v.preview.head, end, direction, 12)
	} else {
		v.preview.head.Hide()
	}
	ring := v.preview.targetRing
	if target == nil {
		ring.Hide()
		return
	}
	gap := 4 * v.zoom
	ring.Move(v.toLayer(target.mapPos).Add(v.pan).SubtractXY(gap, gap))
	ring.Resize(fyne.NewSize(cardWidth*v.zoom+2*gap, cardHeight*v.zoom+2*gap))
	ring.CornerRadius = 8*v.zoom + gap
	ring.Show()
	ring.Refresh()
}

// endConnect asks for the new flow: forward, or rework when Shift was held. A refused flow
// (a loop, a duplicate) is shown where the pointer let go.
func (v *MapView) endConnect(from *stageCard) {
	if v.gesture.kind != gestureConnect || v.gesture.card != from {
		return
	}
	g := v.gesture
	v.gesture = gesture{}
	v.preview.hide()
	if g.target == nil || v.model == nil {
		return
	}
	flow := workshop.Flow{From: from.id, To: g.target.id, Rework: g.pressShift}
	_ = v.emit(&workshop.AddFlow{MapID: v.model.ID, Flow: flow}, g.pointer)
}

// cardNear returns the card under a view point or, failing that, the nearest card within slop
// pixels of it, skipping except: a drop that misses a card by a little still reaches it.
func (v *MapView) cardNear(p fyne.Position, slop float32, except *stageCard) *stageCard {
	if c := v.cardAt(p); c != nil && c != except {
		return c
	}
	mapPoint := v.toMap(p)
	var best *stageCard
	bestDistance := slop / v.zoom
	for _, c := range v.cards {
		if c == except {
			continue
		}
		dx := max(c.mapPos.X-mapPoint.X, 0, mapPoint.X-(c.mapPos.X+cardWidth))
		dy := max(c.mapPos.Y-mapPoint.Y, 0, mapPoint.Y-(c.mapPos.Y+cardHeight))
		if d := float32(math.Hypot(float64(dx), float64(dy))); d <= bestDistance {
			best, bestDistance = c, d
		}
	}
	return best
}

// handleNear returns the card whose connect handle lies within slop pixels of a view point.
// Only shown handles count: those of the selected cards and the one under the pointer.
func (v *MapView) handleNear(p fyne.Position, slop float32) *stageCard {
	for _, c := range v.cards {
		if !c.handle.Visible() {
			continue
		}
		centre := v.toLayer(c.mapPos).Add(v.pan).AddXY(cardWidth*v.zoom, cardHeight*v.zoom/2)
		if segmentDistance(p, centre, centre) <= c.handle.Size().Width/2+slop {
			return c
		}
	}
	return nil
}

// unit returns the direction and length of a vector.
func unit(p fyne.Position) (fyne.Position, float32) {
	length := segmentDistance(p, fyne.NewPos(0, 0), fyne.NewPos(0, 0))
	if length == 0 {
		return fyne.NewPos(1, 0), 0
	}
	return scale(p, 1/length), length
}
