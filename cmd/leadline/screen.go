package main

import "github.com/go-gl/glfw/v3.4/glfw"

// screenWorkArea is the usable part (without taskbars and docks) of the primary screen, in
// pixels, for app.FitScreen; zero when it cannot be told. Fyne has no call for it, so it asks
// GLFW, which Fyne's driver has initialised by the time the window exists. GLFW wants this on
// the main thread: openApp runs there, since Fyne's driver locks main.main to it.
func screenWorkArea() (width, height int) {
	defer func() {
		if recover() != nil { // the go-gl binding panics on any GLFW error: no screen to fit then
			width, height = 0, 0
		}
	}()
	monitor := glfw.GetPrimaryMonitor()
	if monitor == nil {
		return 0, 0
	}
	if _, _, width, height = monitor.GetWorkarea(); width > 0 && height > 0 {
		return width, height
	}
	if mode := monitor.GetVideoMode(); mode != nil {
		return mode.Width, mode.Height
	}
	return 0, 0
}
