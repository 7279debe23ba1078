package room

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"

	"leadline.app/leadline/app/panels"
)

var _ fyne.Tappable = (*timerOverlay)(nil)

// timerOverlay is the room's view of the editor's workshop timer (panels.Timer keeps the
// clock): a small box in the corner of the figures band that no selection can hide. Tapping
// it starts or pauses the countdown; after zero it flashes red, then stays red until a tap
// resets it.
type timerOverlay struct {
	widget.BaseWidget
	timer   *panels.Timer
	palette palette
	size    float32

	background *canvas.Rectangle
	clock      *canvas.Text
	caption    *canvas.Text
}

func newTimerOverlay(t *panels.Timer) *timerOverlay {
	o := &timerOverlay{timer: t, background: canvas.NewRectangle(color.Transparent),
		clock: canvas.NewText("", color.Black), caption: canvas.NewText("timer", color.Black)}
	o.clock.TextStyle.Bold = true
	o.ExtendBaseWidget(o)
	return o
}

// Tapped starts or pauses the timer, or resets it once it has run out.
func (o *timerOverlay) Tapped(*fyne.PointEvent) {
	if o.timer.Finished() {
		o.timer.Reset()
		return
	}
	o.timer.Toggle()
}

func (o *timerOverlay) restyle(p palette, scale float32) {
	o.palette, o.size = p, scale
	o.Refresh()
}

// overlaySize is the box's size at a screen scale.
func overlaySize(scale float32) fyne.Size {
	sz := sizesAt(scale)
	return fyne.NewSize(fyne.MeasureText("00:00", sz.timer, fyne.TextStyle{Bold: true}).Width+28*scale,
		textHeight(sz.timer)+textHeight(sz.label)+8*scale)
}

func (o *timerOverlay) CreateRenderer() fyne.WidgetRenderer {
	return &timerRenderer{o: o}
}

type timerRenderer struct{ o *timerOverlay }

func (r *timerRenderer) Destroy() {}
func (r *timerRenderer) MinSize() fyne.Size {
	return overlaySize(max(r.o.size, 0.5))
}
func (r *timerRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.o.background, r.o.caption, r.o.clock}
}

func (r *timerRenderer) Layout(size fyne.Size) {
	o := r.o
	sz := sizesAt(max(o.size, 0.5))
	o.background.Resize(size)
	o.caption.TextSize = sz.label
	o.clock.TextSize = sz.timer
	o.caption.Move(fyne.NewPos((size.Width-textWidth(o.caption))/2, 2*o.size))
	o.clock.Move(fyne.NewPos((size.Width-textWidth(o.clock))/2, size.Height-textHeight(sz.timer)-4*o.size))
}

func (r *timerRenderer) Refresh() {
	o, p := r.o, r.o.palette
	o.clock.Text = o.timer.Clock()
	o.background.CornerRadius = 10 * o.size
	o.background.StrokeWidth = 2 * o.size
	o.background.FillColor, o.background.StrokeColor = p.cardFill, p.quietBorder
	o.clock.Color, o.caption.Color = p.text, p.label
	switch {
	case o.timer.Flashing():
		o.background.FillColor, o.background.StrokeColor = p.badgeFill, p.badgeFill
		o.clock.Color, o.caption.Color = p.badgeText, p.badgeText
	case o.timer.Finished():
		o.clock.Color, o.background.StrokeColor = p.delayText, p.delayBorder
		o.background.FillColor = p.delayFill
	}
	o.caption.Text = "timer"
	if o.timer.Finished() {
		o.caption.Text = "time is up"
	}
	r.Layout(o.Size())
	o.background.Refresh()
	o.clock.Refresh()
	o.caption.Refresh()
}
