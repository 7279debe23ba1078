package canvas

import (
	"image"
	"image/color"
	"image/draw"
	"math"

	"fyne.io/fyne/v2"
)

// Zoomed out so far that no text is drawn, the map is painted as one picture: card bodies,
// department bands, flows, the critical path and the delay badges. Each card and arrow object
// costs the GL driver a draw call per frame, and Mesa's software renderer keeps memory for
// each; a fitted 500-stage map as objects held ~280 MB, as one picture well under 200 MB
// (issue 5). The cards stay in place, invisible, so selecting and dragging work as before.

// overviewActive tells whether the view is zoomed out below readable titles.
func (v *MapView) overviewActive() bool {
	typeScale := v.zoom
	if v.presenter {
		typeScale *= presenterScale
	}
	return typeScale < titleScale && v.model != nil && len(v.model.Stages) > 0
}

// refreshOverview switches between objects and the picture, and repaints the picture.
func (v *MapView) refreshOverview() {
	on := v.overviewActive()
	if on != v.overview {
		v.overview = on
		v.arrowLayer.Hidden = on
		v.overviewImage.Hidden = !on
		for _, c := range v.cards {
			c.Refresh()
		}
		v.arrowLayer.Refresh()
	}
	if on {
		v.overviewImage.Refresh()
	}
}

// drawOverview paints the map at the view's pixel size.
func (v *MapView) drawOverview(w, h int) image.Image {
	// One buffer, reused while the size stays: a fresh picture per frame would be garbage the
	// size of the screen at every drag event.
	img := v.overviewBuffer
	if img == nil || img.Rect.Dx() != w || img.Rect.Dy() != h {
		img = image.NewNRGBA(image.Rect(0, 0, w, h))
		v.overviewBuffer = img
	} else {
		clear(img.Pix)
	}
	size := v.Size()
	if !v.overview || size.Width <= 0 || w <= 0 {
		return img
	}
	px := float32(w) / size.Width
	toPixels := func(p fyne.Position) (float64, float64) {
		return float64((p.X + v.pan.X) * px), float64((p.Y + v.pan.Y) * px)
	}
	col := v.colours
	for _, a := range v.arrows {
		stroke, width := col.forwardArrow, 1.5
		switch {
		case a.rework:
			stroke = col.rework
		case a.critical:
			stroke, width = col.critical, 2.5
		}
		for i := 0; i+1 < len(a.path); i++ {
			if a.rework && i%2 == 1 {
				continue // dashed
			}
			x0, y0 := toPixels(a.path[i])
			x1, y1 := toPixels(a.path[i+1])
			drawLine(img, x0, y0, x1, y1, width*float64(px), stroke)
		}
	}
	for _, c := range v.cards {
		x, y := toPixels(v.toLayer(c.mapPos))
		cw, ch := float64(cardWidth*v.zoom*px), float64(cardHeight*v.zoom*px)
		border := col.cardBorder
		thickness := 1.0
		if c.look.critical {
			border, thickness = col.critical, 2
		}
		if c.look.selected {
			border, thickness = col.accent, 3
		}
		fillRect(img, x-thickness, y-thickness, cw+2*thickness, ch+2*thickness, border)
		fillRect(img, x, y, cw, ch, col.cardFill)
		fillRect(img, x, y, cw, math.Max(2, float64(bandHeight*v.zoom*px)), c.look.band)
		if c.look.rank > 0 {
			badge := math.Max(4, cw*0.18)
			fillRect(img, x+cw-badge*0.6, y-badge*0.4, badge, badge, col.badge)
		}
	}
	return img
}

func fillRect(img *image.NRGBA, x, y, w, h float64, c color.Color) {
	r := image.Rect(int(math.Round(x)), int(math.Round(y)), int(math.Round(x+w)), int(math.Round(y+h)))
	draw.Draw(img, r.Intersect(img.Bounds()), image.NewUniform(c), image.Point{}, draw.Over)
}

// drawLine stamps squares of the line's width along it: plain, but the picture is only used
// when the map is zoomed out to thumbnails.
func drawLine(img *image.NRGBA, x0, y0, x1, y1, width float64, c color.Color) {
	length := math.Hypot(x1-x0, y1-y0)
	steps := int(math.Ceil(length)) + 1
	half := math.Max(width, 1) / 2
	bounds := img.Bounds()
	for i := 0; i <= steps; i++ {
		t := float64(i) / float64(steps)
		x, y := x0+(x1-x0)*t, y0+(y1-y0)*t
		r := image.Rect(int(x-half), int(y-half), int(math.Ceil(x+half)), int(math.Ceil(y+half))).Intersect(bounds)
		if !r.Empty() {
			draw.Draw(img, r, image.NewUniform(c), image.Point{}, draw.Over)
		}
	}
}
