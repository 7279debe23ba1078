package app

import (
	"errors"
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	mapview "leadline.app/leadline/canvas"
)

// statusLine shows the last message over the foot of the map: errors in red until the next
// edit, notes fading after a few seconds. It replaces modal error dialogs, which would stop the
// workshop. It floats over the map instead of taking a line of the layout, so a message never
// moves the map or the figures under it.
type statusLine struct {
	label      *widget.Label
	icon       *widget.Icon
	background *canvas.Rectangle
	action     *widget.Button  // e.g. "Open" after the handout was saved; hidden without one
	box        *fyne.Container // the overlay: stacked over the map, shown while a message is
	timer      *time.Timer
	runOnUI    func(func()) // how the fade-out timer reaches the UI goroutine
}

func newStatusLine(runOnUI func(func())) *statusLine {
	s := &statusLine{label: widget.NewLabel(""), icon: widget.NewIcon(nil), background: canvas.NewRectangle(color.Transparent),
		runOnUI: runOnUI}
	s.label.Truncation = fyne.TextTruncateEllipsis
	s.background.CornerRadius = 12
	s.background.StrokeWidth = 1
	s.action = widget.NewButton("", nil)
	s.action.Hide()
	message := container.NewStack(s.background, container.NewBorder(nil, nil, container.NewPadded(s.icon), container.NewPadded(s.action), s.label))
	// Labels, icons and rectangles are not tappable, so clicks beside the text still reach the map.
	s.box = container.NewBorder(nil, container.NewPadded(message), nil, nil)
	s.box.Hide()
	return s
}

func (s *statusLine) show(text string, isError bool) {
	s.showWithAction(text, isError, "", nil)
}

// showWithAction shows a message with a button beside it, e.g. "Saved handout.pdf [Open]".
func (s *statusLine) showWithAction(text string, isError bool, action string, do func()) {
	if s.timer != nil {
		s.timer.Stop()
	}
	s.action.SetText(action)
	s.action.OnTapped = func() {
		s.clear()
		do()
	}
	if do == nil {
		s.action.Hide()
	} else {
		s.action.Show()
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
	if isError || do != nil {
		delay = 12 * time.Second // time to read it, or to reach for the button
	}
	s.timer = time.AfterFunc(delay, func() { s.runOnUI(s.clear) })
}

// stop cancels the fading of the message on screen, when the window closes.
func (s *statusLine) stop() {
	if s.timer != nil {
		s.timer.Stop()
	}
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
		ui.editor.status.show(onScreen(err.Error()), true)
		return
	}
	dialog.ShowError(errors.New(onScreen(err.Error())), ui.window)
}

// onScreen fits a message from the model or the library to the app's font (mapview.ScreenText in the canvas package).
func onScreen(message string) string { return mapview.ScreenText(message) }

func (ui *App) showNote(text string) {
	ui.showNoteWithAction(text, "", nil)
}

// showNoteWithAction is a note with one button, e.g. to open the file just saved.
func (ui *App) showNoteWithAction(text, action string, do func()) {
	if ui.editor != nil && ui.window.Content() == ui.editor.content {
		ui.editor.status.showWithAction(onScreen(text), false, action, do)
	}
}
