// Package room is Leadline's room view: the map laid out and sized for a projector read from
// the back of a meeting room, the headline figures in a band along the bottom, and the
// workshop timer in its corner. It reads the open workshop through Source and never edits it;
// the editor stays the one place where the map changes.
//
// The package never imports fyne.io/fyne/v2/app: tests run on fyne.io/fyne/v2/test.
package room

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"leadline.app/leadline/app/panels"
	mapview "leadline.app/leadline/canvas"
	"leadline.app/leadline/workshop"
)

// Source is what the room view reads of the open workshop: the workshop, the map on screen
// and that map's figures. Whoever owns the edits calls View.Changed after each one.
type Source interface {
	Workshop() *workshop.Workshop
	Map() *workshop.Map // nil for a workshop without maps
	Metrics() (*workshop.Metrics, error)
}

var (
	_ fyne.Widget   = (*View)(nil)
	_ fyne.Tappable = (*View)(nil)
)

// View is the room view. Its size decides everything: type scales with the screen (1920×1080
// is scale 1), and a map too big for one screen is shown a screenful at a time along its
// critical path.
type View struct {
	widget.BaseWidget
	source Source
	timer  *timerOverlay
	focus  string // the stage the facilitator stepped to or clicked, "" for none
	scene  *scene
}

// NewView returns a room view of source, with an overlay of the given workshop timer.
func NewView(source Source, timer *panels.Timer) *View {
	v := &View{source: source, timer: newTimerOverlay(timer)}
	v.ExtendBaseWidget(v)
	return v
}

// Changed redraws the view from its source; call it on the UI goroutine after every edit.
func (v *View) Changed() { v.Refresh() }

// TimerChanged redraws the timer overlay alone: the clock ticks five times a second.
func (v *View) TimerChanged() { v.timer.Refresh() }

// Key steps the focus: Space, → and Page Down (a presentation clicker) go to the next stage of
// the critical path, ← and Page Up back. It reports whether it used the key.
func (v *View) Key(name fyne.KeyName) bool {
	switch name {
	case fyne.KeySpace, fyne.KeyRight, fyne.KeyPageDown:
		v.step(1)
	case fyne.KeyLeft, fyne.KeyPageUp:
		v.step(-1)
	default:
		return false
	}
	return true
}

// Focus is the stage under the focus ring, "" for none.
func (v *View) Focus() string { return v.focus }

// Page is the screenful on show (0-based) and how many there are.
func (v *View) Page() (int, int) {
	if v.scene == nil {
		return 0, 1
	}
	return v.scene.page, len(v.scene.grid.pages)
}

func (v *View) step(by int) {
	s := v.scene
	if s == nil || len(s.sequence) == 0 {
		return
	}
	at := -1
	for i, id := range s.sequence {
		if id == v.focus {
			at = i
		}
	}
	switch {
	case at < 0 && by > 0:
		at = 0
	case at < 0:
		return
	default:
		at = min(max(at+by, 0), len(s.sequence)-1)
	}
	v.focus = s.sequence[at]
	v.Refresh()
}

// Tapped puts the focus ring on the card under the pointer. Nothing else moves: the timer,
// the figures and the layout stay where they are whatever is clicked.
func (v *View) Tapped(ev *fyne.PointEvent) {
	if v.scene == nil {
		return
	}
	for _, c := range v.scene.cards {
		if ev.Position.X >= c.pos.X && ev.Position.X <= c.pos.X+c.size.Width &&
			ev.Position.Y >= c.pos.Y && ev.Position.Y <= c.pos.Y+c.size.Height {
			v.focus = c.id
			v.Refresh()
			return
		}
	}
}

// CreateRenderer is part of fyne.Widget.
func (v *View) CreateRenderer() fyne.WidgetRenderer {
	return &viewRenderer{view: v}
}

type viewRenderer struct {
	view    *View
	objects []fyne.CanvasObject
}

func (r *viewRenderer) Destroy()                     {}
func (r *viewRenderer) MinSize() fyne.Size           { return fyne.NewSize(320, 180) }
func (r *viewRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *viewRenderer) Layout(size fyne.Size) {
	if s := r.view.scene; s != nil && s.size == size {
		return
	}
	r.rebuild(size)
}

func (r *viewRenderer) Refresh() {
	r.rebuild(r.view.Size())
	canvas.Refresh(r.view)
}

func (r *viewRenderer) rebuild(size fyne.Size) {
	v := r.view
	dark := mapview.Luminance(theme.Color(theme.ColorNameBackground)) < 0.5
	v.scene = buildScene(v.source, size, paletteFor(dark), v.focus)
	if v.scene.focusGone {
		v.focus = ""
	}
	s := v.scene
	v.timer.restyle(s.palette, s.scale)
	box := overlaySize(s.scale)
	v.timer.Resize(box)
	v.timer.Move(fyne.NewPos(size.Width-box.Width-16*s.scale, s.bandTop+(bandHeightFor(s.scale)-box.Height)/2))
	r.objects = append(s.objects, v.timer)
}
