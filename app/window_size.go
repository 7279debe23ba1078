package app

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/layout"
)

// defaultWindowSize is the size of the first start, before any size was remembered.
var defaultWindowSize = fyne.NewSize(1440, 900)

// smallestWindowSize keeps a remembered size usable: a window dragged to a sliver once should
// not reopen as one.
var smallestWindowSize = fyne.NewSize(800, 500)

// rememberedWindowSize is the size the window had when it was last closed or resized, or the
// default.
func (ui *App) rememberedWindowSize() fyne.Size {
	var width, height float32
	if _, err := fmt.Sscanf(ui.setting(settingWindowSize), "%gx%g", &width, &height); err != nil ||
		!(width >= smallestWindowSize.Width && height >= smallestWindowSize.Height) {
		return defaultWindowSize
	}
	return fyne.NewSize(width, height)
}

// FitScreen keeps the window within a screen of the given size in pixels: the remembered size
// (or the default) is cut to the screen, so a 1280×720 projector gets a 1280×720 window rather
// than a 1440×900 one that hangs off its edges. Sizes are in Fyne units, pixels ÷ the canvas
// scale, which is only known for sure once the window is on screen: so it fits again then.
func (ui *App) FitScreen(widthPixels, heightPixels int) {
	if widthPixels <= 0 || heightPixels <= 0 {
		return
	}
	ui.screenPixels = fyne.NewSize(float32(widthPixels), float32(heightPixels))
	ui.fitToScreen()
	ui.fyneApp.Lifecycle().SetOnStarted(func() {
		ui.fitToScreen()
		ui.window.CenterOnScreen()
	})
}

func (ui *App) fitToScreen() {
	size := ui.rememberedWindowSize()
	if ui.screenPixels.Width > 0 {
		scale := ui.window.Canvas().Scale()
		if scale <= 0 {
			scale = 1
		}
		size = fyne.NewSize(min(size.Width, ui.screenPixels.Width/scale), min(size.Height, ui.screenPixels.Height/scale))
	}
	ui.window.Resize(size)
}

// rememberWindowSize stores the window's size for the next start.
func (ui *App) rememberWindowSize(size fyne.Size) {
	if ui.window.FullScreen() {
		return // the room view's full screen is not the size to reopen the editor at
	}
	if size.Width < smallestWindowSize.Width || size.Height < smallestWindowSize.Height {
		return
	}
	ui.remember(settingWindowSize, fmt.Sprintf("%.0fx%.0f", size.Width, size.Height))
}

// sizeWatcher is an invisible object stacked over the window's content: the stack resizes it
// with the window, and it remembers the size once resizing has rested, so a size is kept even
// when the app is killed rather than closed.
type sizeWatcher struct {
	fyne.CanvasObject // a spacer, which draws nothing and takes no events
	ui                *App
	timer             *time.Timer
}

func newSizeWatcher(ui *App) *sizeWatcher {
	w := &sizeWatcher{CanvasObject: layout.NewSpacer(), ui: ui}
	ui.sizeWatcher = w
	return w
}

// sizeSettleDelay is how long a size must hold before it is written, so that dragging a window
// edge writes once, not on every frame.
const sizeSettleDelay = time.Second

func (w *sizeWatcher) Resize(size fyne.Size) {
	if size == w.Size() {
		return // a relayout, not a resize
	}
	w.CanvasObject.Resize(size)
	w.stop()
	w.timer = time.AfterFunc(sizeSettleDelay, func() {
		w.ui.runOnUI(func() { w.ui.rememberWindowSize(w.ui.window.Canvas().Size()) })
	})
}

func (w *sizeWatcher) stop() {
	if w.timer != nil {
		w.timer.Stop()
	}
}
