package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// togglePresenter switches presenter mode: full screen, projector theme, no editing chrome;
// the map, the figures, the longest delays and the timer fill the screen. Escape returns.
func (ui *App) togglePresenter() {
	e := ui.editor
	if e == nil || e.session == nil {
		return
	}
	ui.presenting = !ui.presenting
	ui.applyTheme()
	for _, large := range []interface{ SetLarge(bool) }{e.metricsBar, e.delays, e.ladder, e.timer} {
		large.SetLarge(ui.presenting)
	}
	e.mapView.SetPresenter(ui.presenting)
	if ui.presenting {
		ui.window.SetContent(ui.presenterContent())
		ui.goFullScreen()
	} else {
		ui.window.SetFullScreen(false)
		e.content = e.layout()
		ui.window.SetContent(e.content)
	}
	e.mapView.FitMap()
}

func (ui *App) presenterContent() fyne.CanvasObject {
	e := ui.editor
	exit := widget.NewButton("Exit presenter (Esc)", ui.togglePresenter)
	exit.Importance = widget.LowImportance
	title := widget.NewLabelWithStyle(e.session.workshop.Name+" — "+e.session.currentMap().Name,
		fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	// The timer and the delays come out of side-panel tabs, which hide unselected content.
	e.timer.Show()
	e.delays.Show()
	side := container.NewBorder(e.timer, nil, nil, nil, e.delays)
	split := container.NewHSplit(e.mapView, side)
	split.Offset = 0.78
	top := container.NewBorder(nil, nil, nil, exit, title)
	bottom := container.NewVBox(e.metricsBar, e.ladder)
	return container.NewBorder(top, bottom, nil, nil, split)
}

// goFullScreen puts the presentation on the projector when a second screen is attached.
func (ui *App) goFullScreen() {
	if drv, ok := ui.fyneApp.Driver().(desktop.Driver); ok && drv.HasSecondaryDisplay() {
		if win, ok := ui.window.(desktop.Window); ok {
			win.RequestFullScreenSecondary()
			return
		}
	}
	ui.window.SetFullScreen(true)
}
