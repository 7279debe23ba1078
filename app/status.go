package app

import (
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// statusLine shows the last message over the foot of the map: errors in red until the next
// edit, notes fading after a few seconds. It replaces modal error dialogs, which would stop the
// workshop. It floats over the map instead of taking a line of the layout, so a message never
// moves the map or the figures under it.
type statusLine struct {
	label      *widget.Label
	icon       *widget.Icon
	background *canvas.Rectangle
	box        *fyne.Container // the overlay: stacked over the map, shown while a message is
	timer      *time.Timer
}

func newStatusLine() *statusLine {
	s := &statusLine{label: widget.NewLabel(""), icon: widget.NewIcon(nil), background: canvas.NewRectangle(color.Transparent)}
	s.label.Truncation = fyne.TextTruncateEllipsis
	s.background.CornerRadius = 12
	s.background.StrokeWidth = 1
	message := container.NewStack(s.background, container.NewBorder(nil, nil, container.NewPadded(s.icon), nil, s.label))
	// Labels, icons and rectangles are not tappable, so clicks beside the text still reach the map.
	s.box = container.NewBorder(nil, container.NewPadded(message), nil, nil)
	s.box.Hide()
	return s
}

func (s *statusLine) show(text string, isError bool) {
	if s.timer != nil {
		s.timer.Stop()
	}
	s.label.SetText(text)
	if isError {
		s.label.Importance = widget.DangerImportance
		s.icon.SetResource(theme.NewErrorThemedResource(theme.ErrorIcon()))
	} else {
		s.label.Importance = widget.MediumImportance
		s.icon.SetResource(theme.InfoIcon())
	}
	s.background.FillColor = theme.Color(theme.ColorNameOverlayBackground)
	s.background.StrokeColor = theme.Color(theme.ColorNameSeparator)
	s.label.Refresh()
	s.box.Show()
	s.box.Refresh()
	delay := 6 * time.Second
	if isError {
		delay = 12 * time.Second
	}
	s.timer = time.AfterFunc(delay, func() { fyne.Do(s.clear) })
}

func (s *statusLine) clear() {
	s.label.SetText("")
	s.box.Hide()
}

// showError puts an error where the facilitator sees it without a click to dismiss it.
func (ui *App) showError(err error) {
	if err == nil {
		return
	}
	if ui.editor != nil && ui.window.Content() == ui.editor.content {
		ui.editor.status.show(err.Error(), true)
		return
	}
	dialog.ShowError(err, ui.window)
}

func (ui *App) showNote(text string) {
	if ui.editor != nil && ui.window.Content() == ui.editor.content {
		ui.editor.status.show(text, false)
	}
}
