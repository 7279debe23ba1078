package room

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
)

// drawOverview is the small map of every column in the band, shown when the map takes more
// than one screen: a frame marks the screenful on show, so the room knows where it is.
func drawOverview(s *scene, scale float32) []fyne.CanvasObject {
	p := s.palette
	sz := sizesAt(scale)
	box := overlaySize(scale)
	width := 260 * scale
	right := s.size.Width - box.Width - 40*scale
	left := max(right-width, s.figures.right)
	width = right - left
	if width < 60*scale {
		return nil
	}
	caption := newText(fmt.Sprintf("screen %d of %d · Space / Left", s.page+1, len(s.grid.pages)), sz.label, false, p.label)
	caption.Text = fitText(caption.Text, sz.label, false, width)
	caption.Move(fyne.NewPos(left, s.bandTop+8*scale))
	top := caption.Position().Y + textHeight(sz.label) + 4*scale
	height := s.bandTop + bandHeightFor(scale) - 10*scale - top
	objects := []fyne.CanvasObject{caption}
	columns := 0
	lanes := 1
	for _, pg := range s.grid.pages {
		columns += pg.columns
		for _, r := range pg.rows {
			lanes = max(lanes, r.lanes)
		}
	}
	if columns == 0 {
		return objects
	}
	step := width / float32(columns)
	laneHeight := min(height/float32(lanes), 14*scale)
	for pi, pg := range s.grid.pages {
		x := left + float32(pg.firstColumn)*step
		frameColour := p.quietBorder
		if pi == s.page {
			frameColour = p.focusRing
		}
		frame := canvas.NewRectangle(nil)
		frame.StrokeColor, frame.StrokeWidth, frame.CornerRadius = frameColour, 2*scale, 4*scale
		frame.Move(fyne.NewPos(x+scale, top))
		frame.Resize(fyne.NewSize(float32(pg.columns)*step-2*scale, height))
		objects = append(objects, frame)
		fill := p.quietArrow
		if pi == s.page {
			fill = p.arrow
		}
		for c := pg.firstColumn; c < pg.firstColumn+pg.columns; c++ {
			mark := canvas.NewRectangle(fill)
			mark.CornerRadius = scale
			mark.Move(fyne.NewPos(left+float32(c)*step+step*0.25, top+(height-laneHeight)/2))
			mark.Resize(fyne.NewSize(step*0.5, laneHeight))
			objects = append(objects, mark)
		}
	}
	return objects
}
