package app

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"leadline.app/leadline/app/room"
	"leadline.app/leadline/workshop"
)

// roomOwnWindowSetting is the library setting that gives the room view its own window even on
// a single screen, so two-screen presenting can be rehearsed (and tested) on a laptop.
const roomOwnWindowSetting = "room.ownWindow"

// roomPlacement is where "Present" puts the room view.
type roomPlacement int

const (
	// roomTakesOver replaces the editor in the main window, full screen; Esc returns.
	roomTakesOver roomPlacement = iota
	// roomOnSecondScreen opens the room view full screen on the second display, as
	// PowerPoint's presenter view does: the editor stays on the laptop and every edit shows
	// in the room at once.
	roomOnSecondScreen
	// roomInOwnWindow opens the room view in a window of its own beside the editor.
	roomInOwnWindow
)

// chooseRoomPlacement decides from the display facts and the setting.
func chooseRoomPlacement(secondDisplay, ownWindowSetting bool) roomPlacement {
	switch {
	case secondDisplay:
		return roomOnSecondScreen
	case ownWindowSetting:
		return roomInOwnWindow
	}
	return roomTakesOver
}

// hasSecondDisplay asks the driver; tests replace ui.secondDisplay to inject the answer.
func (ui *App) hasSecondDisplay() bool {
	if ui.secondDisplay != nil {
		return ui.secondDisplay()
	}
	drv, ok := ui.fyneApp.Driver().(desktop.Driver)
	return ok && drv.HasSecondaryDisplay()
}

// editorSource lets the room view read the open workshop through room.Source.
type editorSource struct{ e *editor }

func (s editorSource) Workshop() *workshop.Workshop {
	if s.e.session == nil {
		return nil
	}
	return s.e.session.workshop()
}

func (s editorSource) Map() *workshop.Map {
	if s.e.session == nil {
		return nil
	}
	return s.e.session.currentMap()
}

func (s editorSource) Metrics() (*workshop.Metrics, error) {
	if s.e.session == nil {
		return nil, nil
	}
	return s.e.session.metrics()
}

// togglePresenter starts the room view ("Present", F11, --present) or ends it (Esc, F11, or
// closing the room window).
func (ui *App) togglePresenter() {
	if ui.presenting {
		ui.stopPresenting()
		return
	}
	e := ui.editor
	if e == nil || e.session == nil {
		return
	}
	placement := chooseRoomPlacement(ui.hasSecondDisplay(), ui.roomOwnWindow())
	ui.room = room.NewView(editorSource{e}, e.timer)
	e.timer.OnUpdate = ui.room.TimerChanged
	ui.presenting = true
	if placement == roomTakesOver {
		ui.sizeBeforeRoom = ui.window.Canvas().Size()
		ui.applyTheme()
		ui.window.SetPadded(false)
		ui.window.SetContent(ui.room)
		ui.window.SetFullScreen(true)
		return
	}
	w := ui.fyneApp.NewWindow("Leadline — room view")
	w.SetPadded(false)
	w.SetContent(ui.room)
	w.SetCloseIntercept(ui.stopPresenting)
	w.Canvas().SetOnTypedKey(ui.roomKey)
	w.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyT, Modifier: fyne.KeyModifierShortcutDefault},
		func(fyne.Shortcut) { e.timer.Toggle() })
	ui.roomWindow = w
	if placement == roomOnSecondScreen {
		if dw, ok := w.(desktop.Window); ok {
			dw.RequestFullScreenSecondary()
		} else {
			w.SetFullScreen(true)
		}
	} else {
		w.Resize(fyne.NewSize(1280, 720))
	}
	w.Show()
}

func (ui *App) stopPresenting() {
	if !ui.presenting {
		return
	}
	ui.presenting = false
	ui.room = nil
	if e := ui.editor; e != nil {
		e.timer.OnUpdate = nil
	}
	if w := ui.roomWindow; w != nil {
		ui.roomWindow = nil
		w.Close()
		return
	}
	ui.window.SetFullScreen(false)
	ui.applyTheme()
	ui.window.SetPadded(true)
	if e := ui.editor; e != nil {
		ui.window.SetContent(e.content)
		// The editor was off the window while the projector theme was on; refresh it so its
		// widgets measure themselves in the editor's theme again (the toolbar alone had kept
		// 300 px of projector-sized text, wider than a 1280×720 screen).
		e.content.Refresh()
		if ui.sizeBeforeRoom.Width > 0 {
			// Back at the size the editor had, not the screen's: without a window manager (or
			// with some) leaving full screen keeps the full-screen size, which would push
			// Present and the side panel off a laptop's screen and be remembered for the next
			// start. After SetContent, so that the room view's own minimum does not hold it.
			ui.window.Resize(ui.sizeBeforeRoom)
		}
		e.mapView.FitMap()
		e.focusMap()
	}
}

// roomChanged shows an edit (or a map switch, or a theme change) in the room view at once.
func (ui *App) roomChanged() {
	if ui.room != nil {
		ui.room.Changed()
	}
}

// roomKey handles the keys of the room view's own window.
func (ui *App) roomKey(ev *fyne.KeyEvent) {
	if ui.room != nil && ui.room.Key(ev.Name) {
		return
	}
	switch ev.Name {
	case fyne.KeyEscape, fyne.KeyF11:
		ui.stopPresenting()
	}
}

// roomOwnWindow reads the setting; without a library it is off.
func (ui *App) roomOwnWindow() bool {
	if ui.lib == nil {
		return false
	}
	value, _, err := ui.lib.Setting(roomOwnWindowSetting)
	return err == nil && value == "true"
}

// roomWindowCheck is the setting's check box, for the toolbar.
func (ui *App) roomWindowCheck() *widget.Check {
	check := widget.NewCheck("Own window", func(on bool) {
		if ui.lib == nil {
			return
		}
		if err := ui.lib.SetSetting(roomOwnWindowSetting, strconv.FormatBool(on)); err != nil {
			ui.showError(err)
		}
	})
	check.Checked = ui.roomOwnWindow()
	return check
}
