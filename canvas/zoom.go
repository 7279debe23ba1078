package canvas

import (
	"math"

	"fyne.io/fyne/v2"
)

// fitMargin is the room left around a fitted map, in pixels: badges and kaizen bursts overhang
// the cards.
const fitMargin = 48

// Zoom returns the current zoom factor (1 = a card is 140×90 pixels).
func (v *MapView) Zoom() float32 { return v.zoom }

// SetZoom zooms around the centre of the view.
func (v *MapView) SetZoom(z float32) { v.zoomAround(z, centre(v.Size())) }

// ZoomIn and ZoomOut step the zoom around the centre of the view.
func (v *MapView) ZoomIn()  { v.SetZoom(v.zoom * zoomStep) }
func (v *MapView) ZoomOut() { v.SetZoom(v.zoom / zoomStep) }

// FitMap zooms and pans so the whole map fills the view. Asked before the view has a size (a
// freshly opened map), it waits for the first layout.
func (v *MapView) FitMap() {
	size := v.Size()
	if size.Width <= 0 || size.Height <= 0 {
		v.fitPending = true
		return
	}
	v.fitPending = false
	v.fitted = true
	if v.model == nil || len(v.model.Stages) == 0 {
		v.zoom, v.pan = 1, fyne.NewPos(fitMargin, fitMargin)
		v.relayoutAll()
		return
	}
	topLeft, bottomRight := v.mapBounds()
	width, height := bottomRight.X-topLeft.X, bottomRight.Y-topLeft.Y
	z := min((size.Width-2*fitMargin)/width, (size.Height-2*fitMargin)/height)
	v.zoom = clampZoom(min(z, 1.5)) // a two-stage map should not fill a projector with two giant cards
	v.pan = fyne.NewPos(
		(size.Width-width*v.zoom)/2-topLeft.X*v.zoom,
		(size.Height-height*v.zoom)/2-topLeft.Y*v.zoom)
	v.relayoutAll()
}

// mapBounds is the rectangle, in map units, that holds every card.
func (v *MapView) mapBounds() (topLeft, bottomRight fyne.Position) {
	first := v.model.Stages[0]
	topLeft = fyne.NewPos(float32(first.X), float32(first.Y))
	bottomRight = topLeft
	for _, s := range v.model.Stages {
		topLeft = fyne.NewPos(min(topLeft.X, float32(s.X)), min(topLeft.Y, float32(s.Y)))
		bottomRight = fyne.NewPos(max(bottomRight.X, float32(s.X)), max(bottomRight.Y, float32(s.Y)))
	}
	return topLeft, bottomRight.AddXY(cardWidth, cardHeight)
}

// CenterOn pans, keeping the zoom, so the stage's card sits in the middle of the view.
func (v *MapView) CenterOn(stageID string) {
	c := v.cards[stageID]
	if c == nil {
		return
	}
	size := v.Size()
	v.fitted = false
	v.pan = fyne.NewPos(size.Width/2-(c.mapPos.X+cardWidth/2)*v.zoom, size.Height/2-(c.mapPos.Y+cardHeight/2)*v.zoom)
	v.movePan()
}

// Scrolled pans; with Ctrl (or Cmd) held it zooms around the pointer instead.
func (v *MapView) Scrolled(ev *fyne.ScrollEvent) {
	if v.currentModifiers()&(fyne.KeyModifierControl|fyne.KeyModifierSuper) != 0 {
		// One wheel notch is 10 units in Fyne's GL driver: about 10% per notch.
		v.zoomAround(v.zoom*float32(math.Exp(float64(ev.Scrolled.DY)*0.01)), ev.Position)
		return
	}
	v.panBy(ev.Scrolled.DX, ev.Scrolled.DY)
}

func (v *MapView) panBy(dx, dy float32) {
	v.fitted = false
	v.pan = v.pan.AddXY(dx, dy)
	v.movePan()
}

// movePan shifts the two layers instead of every card, so panning a large map stays cheap.
func (v *MapView) movePan() {
	v.arrowLayer.Move(v.pan)
	v.cardLayer.Move(v.pan)
	v.editLayer.Move(v.pan)
	v.grid.Refresh()
	if v.overview {
		v.overviewImage.Refresh()
	}
}

// zoomAround changes the zoom keeping the map point under anchor (a view position) in place.
func (v *MapView) zoomAround(z float32, anchor fyne.Position) {
	z = clampZoom(z)
	if z == v.zoom {
		return
	}
	mapPoint := v.toMap(anchor)
	v.fitted = false
	v.zoom = z
	v.pan = fyne.NewPos(anchor.X-mapPoint.X*z, anchor.Y-mapPoint.Y*z)
	v.relayoutAll()
}

// relayoutAll re-sizes and re-places every card and arrow after a zoom.
func (v *MapView) relayoutAll() {
	for _, c := range v.cards {
		v.placeCard(c)
		c.Refresh()
	}
	for _, a := range v.arrows {
		v.styleArrow(a)
		v.layoutArrow(a)
	}
	v.ghost.CornerRadius = 8 * v.zoom
	v.placeEditor()
	v.movePan()
	v.refreshOverview()
}

func clampZoom(z float32) float32 {
	if math.IsNaN(float64(z)) {
		return 1
	}
	return min(max(z, minZoom), maxZoom)
}

// SetPresenter switches to presenter mode: larger type, no handles and no grid, highlights kept.
func (v *MapView) SetPresenter(on bool) {
	if v.presenter == on {
		return
	}
	v.presenter = on
	v.Refresh()
}

// SetSnapToGrid makes moved and dropped stages land on the grid.
func (v *MapView) SetSnapToGrid(on bool) { v.snap = on }

// snapped rounds a map position to the grid when snapping is on.
func (v *MapView) snapped(p fyne.Position) fyne.Position {
	if !v.snap {
		return p
	}
	round := func(f float32) float32 { return float32(math.Round(float64(f/gridSpacing))) * gridSpacing }
	return fyne.NewPos(round(p.X), round(p.Y))
}

func centre(s fyne.Size) fyne.Position { return fyne.NewPos(s.Width/2, s.Height/2) }
