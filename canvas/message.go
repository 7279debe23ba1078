package canvas

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	fynecanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"

	"leadline.app/leadline/workshop"
)

const (
	messageLines    = 3
	messageTextSize = 14
	messageWidth    = 440
	messageDuration = 5 * time.Second
)

// transientMessage is a dark pill near a gesture that says why it was refused. It fades by
// itself, so the facilitator never has to dismiss anything while the room watches.
type transientMessage struct {
	box        *fynecanvas.Rectangle
	lines      [messageLines]*fynecanvas.Text
	generation int // a newer message must not be hidden by an older one's timer
}

func newTransientMessage() *transientMessage {
	m := &transientMessage{box: &fynecanvas.Rectangle{CornerRadius: 8}}
	for i := range m.lines {
		m.lines[i] = &fynecanvas.Text{TextSize: messageTextSize}
	}
	m.hide()
	return m
}

func (m *transientMessage) objects() []fyne.CanvasObject {
	out := []fyne.CanvasObject{m.box}
	for _, l := range m.lines {
		out = append(out, l)
	}
	return out
}

func (m *transientMessage) style(col colours) {
	m.box.FillColor = col.messageFill
	for _, l := range m.lines {
		l.Color = col.messageText()
	}
}

// Message returns the text of the message on show, or "" when none is.
func (v *MapView) Message() string {
	if !v.message.box.Visible() {
		return ""
	}
	var parts []string
	for _, l := range v.message.lines {
		if l.Visible() {
			parts = append(parts, l.Text)
		}
	}
	return strings.Join(parts, " ")
}

// showMessage shows text near a view position, kept inside the view.
// ScreenText fits a message from the model or the library to the app's font. The messages draw
// a loop as "Build" → "Test"; Fyne's Noto Sans has no arrow, its fallback symbol font has no
// space, and the space after the arrow is drawn from the fallback too, as "→�". "›" is in Noto
// Sans and reads the same way. The command line and the handout keep the arrow.
func ScreenText(message string) string {
	return strings.ReplaceAll(message, "→", "›")
}

func (v *MapView) showMessage(text string, at fyne.Position) {
	text = ScreenText(text)
	m := v.message
	m.style(v.colours)
	wrapped := wrapText(text, messageWidth, messageTextSize)
	if len(wrapped) > messageLines {
		wrapped = wrapped[:messageLines]
		wrapped[messageLines-1] = truncate(wrapped[messageLines-1]+"…", messageWidth, messageTextSize, fyne.TextStyle{})
	}
	const pad = 12
	lineHeight := float32(messageTextSize * 1.4)
	width := float32(0)
	for _, line := range wrapped {
		width = max(width, fyne.MeasureText(line, messageTextSize, fyne.TextStyle{}).Width)
	}
	boxSize := fyne.NewSize(width+2*pad, float32(len(wrapped))*lineHeight+2*pad-4)
	view := v.Size()
	pos := fyne.NewPos(
		min(max(at.X-boxSize.Width/2, 8), view.Width-boxSize.Width-8),
		min(max(at.Y+12, 8), view.Height-boxSize.Height-8))
	m.box.Move(pos)
	m.box.Resize(boxSize)
	m.box.Show()
	m.box.Refresh()
	for i, l := range m.lines {
		l.Hidden = i >= len(wrapped)
		if !l.Hidden {
			l.Text = wrapped[i]
			l.Move(pos.AddXY(pad, pad-2+float32(i)*lineHeight))
		}
		l.Refresh()
	}
	m.generation++
	generation := m.generation
	time.AfterFunc(messageDuration, func() {
		if fyne.CurrentApp() == nil {
			return // the app (or a test's app) is gone; nothing is left to hide
		}
		fyne.Do(func() {
			if m.generation == generation {
				m.hide()
			}
		})
	})
}

func (m *transientMessage) hide() {
	for _, o := range m.objects() {
		o.Hide()
	}
}

// wrapText breaks text into lines no wider than width at the given size.
func wrapText(text string, width, size float32) []string {
	var lines []string
	current := ""
	for _, word := range strings.Fields(text) {
		candidate := strings.TrimSpace(current + " " + word)
		if current != "" && fyne.MeasureText(candidate, size, fyne.TextStyle{}).Width > width {
			lines = append(lines, current)
			candidate = word
		}
		current = candidate
	}
	return append(lines, current)
}

// cardMenu is the right-click menu of a stage card.
func (v *MapView) cardMenu(id string) *fyne.Menu {
	items := []*fyne.MenuItem{
		fyne.NewMenuItem("Rename", func() { v.requestRename(id) }),
	}
	if v.OnAddIdea != nil {
		items = append(items, fyne.NewMenuItem("Add idea", func() { v.OnAddIdea(id) }))
	}
	items = append(items, fyne.NewMenuItemSeparator(), fyne.NewMenuItem("Delete", func() {
		if !v.isSelected(id) {
			v.Select(id)
		}
		v.DeleteSelection()
	}))
	return fyne.NewMenu("", items...)
}

// flowMenu is the right-click menu of a flow.
func (v *MapView) flowMenu(key flowKey) *fyne.Menu {
	a := v.arrows[key]
	toggle := fyne.NewMenuItem("Make rework", func() { v.setRework(key, true) })
	if a != nil && a.rework {
		toggle = fyne.NewMenuItem("Make forward", func() { v.setRework(key, false) })
	}
	return fyne.NewMenu("", toggle, fyne.NewMenuItemSeparator(), fyne.NewMenuItem("Delete", func() {
		v.emit(&workshop.DeleteFlow{MapID: v.model.ID, From: key.from, To: key.to}, v.flowAnchor(key))
	}))
}

func (v *MapView) setRework(key flowKey, rework bool) {
	if v.model == nil {
		return
	}
	cmd := &workshop.EditFlow{MapID: v.model.ID, From: key.from, To: key.to, Rework: rework}
	if i := v.model.FlowIndex(key.from, key.to); i >= 0 {
		cmd.ReworkPercent = v.model.Flows[i].ReworkPercent
	}
	v.emit(cmd, v.flowAnchor(key))
}

// flowAnchor is the middle of a flow's arrow, in the view.
func (v *MapView) flowAnchor(key flowKey) fyne.Position {
	if a := v.arrows[key]; a != nil && len(a.path) > 0 {
		return a.path[len(a.path)/2].Add(v.pan)
	}
	return centre(v.Size())
}

func (v *MapView) showCardMenu(c *stageCard, absolute fyne.Position) {
	if !v.isSelected(c.id) {
		v.setSelection([]string{c.id}, true)
	}
	v.popUp(v.cardMenu(c.id), absolute)
}

// TappedSecondary on empty canvas opens the menu of the flow under the pointer.
func (v *MapView) TappedSecondary(ev *fyne.PointEvent) {
	a := v.flowAt(ev.Position)
	if a == nil {
		return
	}
	key := a.key
	v.selectFlow(&key)
	v.popUp(v.flowMenu(key), ev.AbsolutePosition)
}

func (v *MapView) popUp(menu *fyne.Menu, absolute fyne.Position) {
	app := fyne.CurrentApp()
	if app == nil {
		return
	}
	if c := app.Driver().CanvasForObject(v); c != nil {
		widget.ShowPopUpMenuAtPosition(menu, c, absolute)
	}
}
