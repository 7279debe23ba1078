package panels

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Fyne 2.8 has no tooltips. A PopUp would do the drawing, but an overlay takes the next click
// for itself (to close), so the click on the button under the pointer would be lost. Instead a
// TipLayer is stacked over the window's content: it holds only a rectangle and a text, which
// take no events, so clicks pass through to what is under them.

// tipDelay is how long the pointer rests on a button before its tooltip shows.
const tipDelay = 600 * time.Millisecond

// TipLayer draws at most one tooltip over the content it is stacked on; stack Content() over
// it. A nil *TipLayer shows no tips.
type TipLayer struct {
	// Delay is how long the pointer rests on a button before its tip shows; 0 shows it at once.
	Delay time.Duration

	box        *fyne.Container // no layout: the tip is placed by hand beside its button
	tip        *fyne.Container
	text       *canvas.Text
	background *canvas.Rectangle
	owner      fyne.CanvasObject
	timer      *time.Timer
	generation int // so a timer started for an earlier hover does nothing
}

// NewTipLayer returns an empty layer with the usual hover delay.
func NewTipLayer() *TipLayer {
	l := &TipLayer{Delay: tipDelay, text: canvas.NewText("", theme.Color(theme.ColorNameForeground)),
		background: canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground))}
	l.text.TextSize = theme.TextSize()
	l.background.CornerRadius = 6
	l.background.StrokeWidth = 1
	l.tip = container.NewStack(l.background, container.NewPadded(l.text))
	l.tip.Hide()
	l.box = container.NewWithoutLayout(l.tip)
	return l
}

// Content is the layer to stack over the window's content.
func (l *TipLayer) Content() fyne.CanvasObject { return l.box }

// Showing is the tip on screen, "" when none shows.
func (l *TipLayer) Showing() string {
	if l == nil || !l.tip.Visible() {
		return ""
	}
	return l.text.Text
}

// show puts text beside owner after the hover delay.
func (l *TipLayer) show(owner fyne.CanvasObject, text string) {
	if l == nil {
		return
	}
	l.cancel()
	l.owner = owner
	if text == "" {
		return
	}
	if l.Delay <= 0 {
		l.place(owner, text)
		return
	}
	generation := l.generation
	l.timer = time.AfterFunc(l.Delay, func() {
		fyne.Do(func() {
			if generation == l.generation && l.owner == owner {
				l.place(owner, text)
			}
		})
	})
}

// hide removes owner's tip; a tip another button put up meanwhile stays.
func (l *TipLayer) hide(owner fyne.CanvasObject) {
	if l == nil || l.owner != owner {
		return
	}
	l.cancel()
	l.owner = nil
}

func (l *TipLayer) cancel() {
	l.generation++
	if l.timer != nil {
		l.timer.Stop()
		l.timer = nil
	}
	l.tip.Hide()
}

// place shows the tip under owner, or above it near the bottom, kept inside the layer.
func (l *TipLayer) place(owner fyne.CanvasObject, text string) {
	driver := fyne.CurrentApp().Driver()
	if driver.CanvasForObject(owner) == nil || driver.CanvasForObject(l.box) == nil {
		return // the button left the window (e.g. the library replaced the editor)
	}
	l.text.Text = text
	l.text.Color = theme.Color(theme.ColorNameForeground)
	l.background.FillColor = theme.Color(theme.ColorNameOverlayBackground)
	l.background.StrokeColor = theme.Color(theme.ColorNameSeparator)
	l.text.Refresh()
	size := l.tip.MinSize()
	origin := driver.AbsolutePositionForObject(l.box)
	at := driver.AbsolutePositionForObject(owner).Subtract(origin)
	gap := theme.Padding()
	pos := fyne.NewPos(at.X, at.Y+owner.Size().Height+gap)
	bounds := l.box.Size()
	if pos.Y+size.Height > bounds.Height {
		pos.Y = at.Y - size.Height - gap
	}
	pos.X = max(0, min(pos.X, bounds.Width-size.Width))
	pos.Y = max(0, pos.Y)
	l.tip.Resize(size)
	l.tip.Move(pos)
	l.tip.Show()
	l.box.Refresh()
}

// TipButton is a widget.Button that shows a tooltip while the pointer rests on it. An icon-only
// button says what it does; Undo and Redo say what they would undo, so that their width, and
// every button after them, stays put.
type TipButton struct {
	widget.Button
	tip     string
	layer   *TipLayer
	hovered bool
}

var _ desktop.Hoverable = (*TipButton)(nil)

// NewTipButton returns a button with text (may be "") and icon that shows tip on layer.
func NewTipButton(layer *TipLayer, text string, icon fyne.Resource, tip string, tapped func()) *TipButton {
	b := &TipButton{tip: tip, layer: layer}
	b.Text, b.Icon, b.OnTapped = text, icon, tapped
	b.ExtendBaseWidget(b)
	return b
}

// Tip is the tooltip's text.
func (b *TipButton) Tip() string { return b.tip }

// SetTip changes the tooltip, also while it shows.
func (b *TipButton) SetTip(tip string) {
	if tip == b.tip {
		return
	}
	b.tip = tip
	if b.hovered {
		b.layer.show(b, tip)
	}
}

// MouseIn starts the tooltip's delay.
func (b *TipButton) MouseIn(e *desktop.MouseEvent) {
	b.Button.MouseIn(e)
	b.hovered = true
	b.layer.show(b, b.tip)
}

// MouseOut hides the tooltip.
func (b *TipButton) MouseOut() {
	b.Button.MouseOut()
	b.hovered = false
	b.layer.hide(b)
}

// Tapped hides the tooltip: the facilitator knows now what the button does.
func (b *TipButton) Tapped(e *fyne.PointEvent) {
	b.layer.hide(b)
	b.Button.Tapped(e)
}
