// Package app wires Leadline's window: the library view, the map editor with its panels,
// the room view, dialogs and shortcuts. It is built against a fyne.App parameter, so tests
// drive it with fyne.io/fyne/v2/test and no display.
package app

import (
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"leadline.app/leadline/app/room"
	"leadline.app/leadline/workshop/store"
)

// Options say which library to show and how to open another one.
type Options struct {
	Library     *store.Library // nil when opening it failed
	LibraryPath string
	OpenError   error // why Library is nil
	// OpenLibrary opens (and seeds, when new) a library file; used to switch libraries after a
	// corrupt one was refused.
	OpenLibrary func(path string) (*store.Library, error)
	Workshop    int64 // the workshop to open; 0 opens the one used last
	Present     bool  // start in the room view
	// RunOnUI is how saving, running on its own goroutine, hands results to the UI goroutine:
	// fyne.Do when nil. Fyne's test driver runs fyne.Do at once on the calling goroutine, so
	// tests pass a queue that they drain on the test goroutine.
	RunOnUI func(func())
}

// App is the running Leadline window.
type App struct {
	fyneApp fyne.App
	window  fyne.Window
	lib     *store.Library
	runOnUI func(func())
	// sizeBeforeRoom is the editor's window size when the room view took the window over.
	sizeBeforeRoom fyne.Size
	openLibrary    func(string) (*store.Library, error)
	editor         *editor
	presenting     bool        // the room view is on, in this window or its own
	room           *room.View  // while presenting
	roomWindow     fyne.Window // the room view's own window, nil when it took over this one
	themeVariant   fyne.ThemeVariant
	shortcuts      fyne.ShortcutHandler // the window's shortcuts, also reachable from tests
	help           *widget.PopUp        // the shortcut overlay, once shown
	// secondDisplay answers whether a second screen is attached; nil asks the driver.
	secondDisplay func() bool
	screenPixels  fyne.Size // the screen the window opens on, once FitScreen was told
	sizeWatcher   *sizeWatcher
}

// New builds the window; call ShowAndRun (or Window().Show in tests).
func New(a fyne.App, opts Options) *App {
	ui := &App{fyneApp: a, openLibrary: opts.OpenLibrary, themeVariant: theme.VariantLight, runOnUI: opts.RunOnUI}
	if ui.runOnUI == nil {
		ui.runOnUI = fyne.Do
	}
	if opts.Library != nil {
		if dark, _, _ := opts.Library.Setting(darkThemeSetting); dark == "true" {
			ui.themeVariant = theme.VariantDark
		}
	}
	ui.applyTheme()
	ui.window = a.NewWindow("Leadline")
	ui.window.Resize(defaultWindowSize) // the library's remembered size follows in useLibrary
	ui.window.SetMaster()
	ui.window.SetCloseIntercept(func() {
		ui.shutdown()
		ui.window.Close()
	})
	installShortcuts(ui)
	if opts.Library == nil {
		err := opts.OpenError
		if err == nil {
			err = errors.New("no library given")
		}
		ui.showLibraryError(opts.LibraryPath, err)
		return ui
	}
	ui.useLibrary(opts.Library, opts.Workshop)
	if opts.Present && ui.editor != nil && ui.window.Content() == ui.editor.content {
		ui.togglePresenter()
	}
	return ui
}

// Window returns the main window.
func (ui *App) Window() fyne.Window { return ui.window }

// ShowAndRun shows the window and runs the event loop until it closes.
func (ui *App) ShowAndRun() { ui.window.ShowAndRun() }

// useLibrary switches to a library: the last workshop used opens at once, so a facilitator
// who restarts mid-session is back where they were.
func (ui *App) useLibrary(lib *store.Library, workshopID int64) {
	ui.closeSession()
	if ui.lib != nil && ui.lib != lib {
		ui.lib.Close()
	}
	ui.lib = lib
	ui.fitToScreen()
	id := workshopID
	if id == 0 {
		var err error
		if id, err = lib.LastOpened(); err != nil || id == 0 {
			id = firstWorkshop(lib)
		}
	}
	if id == 0 {
		ui.showLibrary()
		return
	}
	if err := ui.openWorkshop(id); err != nil {
		ui.showLibrary()
		ui.showError(err)
	}
}

// openWorkshop loads a workshop from the library into the editor.
func (ui *App) openWorkshop(id int64) error {
	if ui.editor == nil {
		ui.editor = newEditor(ui)
	}
	e := ui.editor
	s, err := openSession(ui.lib, id, ui.runOnUI, ui.showError, e.reloaded)
	if err != nil {
		return fmt.Errorf("open workshop %d: %w", id, err)
	}
	ui.closeSession()
	if !ui.lib.ReadOnly() { // a read-only library remembers nothing; the banner says why
		if err := ui.lib.SetLastOpened(id); err != nil {
			ui.showError(err)
		}
	}
	e.readOnly.show(ui.lib.ReadOnly(), ui.lib.Path())
	e.open(s)
	ui.window.SetContent(ui.editor.content)
	ui.editor.afterShown()
	return nil
}

// Close commits what is still being typed, writes what is queued and closes the library; the
// window's close button does the same.
func (ui *App) Close() { ui.shutdown() }

// shutdown commits what is still being typed, writes what is queued and closes the library.
func (ui *App) shutdown() {
	ui.closeSession()
	if ui.sizeWatcher != nil {
		ui.sizeWatcher.stop()
	}
	if ui.editor != nil {
		ui.editor.status.stop()
	}
	ui.rememberWindowSize(ui.window.Canvas().Size())
	if ui.editor != nil {
		ui.editor.forecast.close()
	}
	if ui.lib != nil {
		ui.lib.Close()
		ui.lib = nil
	}
}

// closeSession commits every form still being typed in, saves what is queued and closes the
// open workshop's edit session. Later edits (a form's idle commit firing late) are refused.
func (ui *App) closeSession() {
	e := ui.editor
	if e == nil || e.session == nil {
		return
	}
	e.commitForms()
	if err := e.session.close(); err != nil {
		ui.showError(err)
	}
}

func (ui *App) setTitle(parts ...string) {
	title := "Leadline"
	for _, p := range parts {
		if p != "" {
			title += " — " + p
		}
	}
	ui.window.SetTitle(title)
}

// firstWorkshop is the workshop a library without a last-used one opens on: the oldest, which
// in a new library is the first sample, "Idea to customer".
func firstWorkshop(lib *store.Library) int64 {
	list, err := lib.List()
	if err != nil {
		return 0
	}
	var first int64
	for _, s := range list {
		if first == 0 || s.ID < first {
			first = s.ID
		}
	}
	return first
}
