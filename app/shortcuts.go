package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// shortcut is one keyboard shortcut with the words the help overlay shows for it. Keys are
// written the Windows and Linux way ("Ctrl+Z"); keys() turns them into "⌘Z" on a Mac.
type shortcut struct {
	keys   string
	action string
}

var shortcutHelp = []shortcut{
	{"Tab", "add the next stage, connected from the selected ones (empty map: the first)"},
	{"Enter", "add a parallel stage below the selected one, same flows in and out"},
	{"F2, double-click or type a letter", "edit name, process and wait time on the card"},
	{"In the card: Tab / Shift+Tab, Enter, Esc", "next / previous field, save, cancel"},
	{"In the card: Review 2h 3d @QA, Enter", "quick entry: name, process and wait time, department"},
	{"Arrows / Shift+arrows", "select the nearest stage / add it to the selection"},
	{"Ctrl+A, Ctrl+C / Ctrl+V, Ctrl+D", "select all, copy / paste, duplicate"},
	{"Drag a department", "add a stage where you drop it"},
	{"Drag from a card's handle onto or near a card", "connect two stages (Shift: rework flow)"},
	{"Click / Shift+click / Shift+drag", "select / add to selection / rubber band"},
	{"Drag a selected card", "move the whole selection"},
	{"Delete or Backspace", "delete the selected stages"},
	{"Ctrl+Z", "undo (in a text field: its text)"},
	{"Ctrl+Shift+Z or Ctrl+Y", "redo"},
	{"Ctrl+= / Ctrl+-", "zoom in / out"},
	{"Ctrl+0", "fit the map to the window"},
	{"Ctrl+Shift+T (Tidy)", "lay the map out: critical path on one row, branches above and below"},
	{"Ctrl+wheel, drag on empty canvas, scroll", "zoom, pan"},
	{"F11, Ctrl+Shift+F or Present", "room view (second screen or own window when set); Esc returns"},
	{"Space, Right / Left", "in the room view: step along the critical path"},
	{"Ctrl+T", "start or pause the timer"},
	{"Ctrl+Shift+D", "light or dark theme"},
	{"Ctrl+L", "library"},
	{"Ctrl+P", "export the PDF handout"},
	{"F1, ? or Ctrl+?", "this help"},
}

func installShortcuts(ui *App) {
	c := ui.window.Canvas()
	onEditor := func(f func(e *editor)) func(fyne.Shortcut) {
		return func(fyne.Shortcut) {
			if ui.editor != nil && ui.editor.session != nil {
				f(ui.editor)
			}
		}
	}
	// Each shortcut goes to the window and to ui.shortcuts, which tests can type into.
	add := func(s fyne.Shortcut, f func(fyne.Shortcut)) {
		c.AddShortcut(s, f)
		ui.shortcuts.AddShortcut(s, f)
	}
	ctrl := func(key fyne.KeyName, mod fyne.KeyModifier, f func(fyne.Shortcut)) {
		add(&desktop.CustomShortcut{KeyName: key, Modifier: mod}, f)
	}
	// The GL driver turns Ctrl+Z and Ctrl+Y into Fyne's own undo and redo shortcuts; a text
	// field with the focus keeps them for its text, the window takes them everywhere else.
	add(&fyne.ShortcutUndo{}, onEditor((*editor).undo))
	add(&fyne.ShortcutRedo{}, onEditor((*editor).redo))
	ctrl(fyne.KeyZ, fyne.KeyModifierShortcutDefault|fyne.KeyModifierShift, onEditor((*editor).redo))
	ctrl(fyne.KeyEqual, fyne.KeyModifierShortcutDefault, onEditor(func(e *editor) { e.mapView.ZoomIn() }))
	ctrl(fyne.KeyPlus, fyne.KeyModifierShortcutDefault, onEditor(func(e *editor) { e.mapView.ZoomIn() }))
	ctrl(fyne.KeyMinus, fyne.KeyModifierShortcutDefault, onEditor(func(e *editor) { e.mapView.ZoomOut() }))
	ctrl(fyne.Key0, fyne.KeyModifierShortcutDefault, onEditor(func(e *editor) { e.mapView.FitMap() }))
	ctrl(fyne.KeyT, fyne.KeyModifierShortcutDefault|fyne.KeyModifierShift, onEditor(func(e *editor) { e.mapView.Tidy() }))
	ctrl(fyne.KeyT, fyne.KeyModifierShortcutDefault, onEditor(func(e *editor) { e.timer.Toggle() }))
	// Ctrl+D duplicates on the map, so the theme takes Shift as well.
	ctrl(fyne.KeyD, fyne.KeyModifierShortcutDefault|fyne.KeyModifierShift, func(fyne.Shortcut) { ui.toggleDark() })
	ctrl(fyne.KeyL, fyne.KeyModifierShortcutDefault, func(fyne.Shortcut) { ui.showLibrary() })
	ctrl(fyne.KeyP, fyne.KeyModifierShortcutDefault, onEditor(func(e *editor) { ui.exportHandoutDialog() }))
	// A Mac's F11 shows the desktop and its F1 needs fn: ⇧⌘F presents and ⌘? helps there
	// (Ctrl+Shift+F and Ctrl+? elsewhere).
	ctrl(fyne.KeyF, fyne.KeyModifierShortcutDefault|fyne.KeyModifierShift, func(fyne.Shortcut) { ui.togglePresenter() })
	ctrl(fyne.KeySlash, fyne.KeyModifierShortcutDefault|fyne.KeyModifierShift, func(fyne.Shortcut) { ui.showHelp() })

	c.SetOnTypedKey(ui.windowKey)
	c.SetOnTypedRune(ui.windowRune)
}

// windowKey handles the keys that work anywhere: on the window, and passed on by the map view
// when it has the focus.
func (ui *App) windowKey(ev *fyne.KeyEvent) {
	if ui.presenting && ui.roomWindow == nil && ui.room.Key(ev.Name) {
		return
	}
	switch ev.Name {
	case fyne.KeyF11:
		ui.togglePresenter()
	case fyne.KeyEscape:
		switch {
		case ui.help != nil && ui.help.Visible():
			ui.help.Hide()
		case ui.presenting:
			ui.togglePresenter()
		}
	case fyne.KeyF1:
		ui.showHelp()
	case fyne.KeyDelete, fyne.KeyBackspace:
		if ui.editor != nil && ui.editor.session != nil {
			ui.editor.mapView.DeleteSelection()
		}
	}
}

func (ui *App) windowRune(r rune) {
	if r == '?' {
		ui.showHelp()
	}
}

// showHelp lays the shortcuts over the window until Close or Escape.
func (ui *App) showHelp() {
	grid := container.NewGridWithColumns(2)
	for _, s := range shortcutHelp {
		grid.Add(widget.NewLabelWithStyle(keys(s.keys), fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}))
		grid.Add(widget.NewLabel(s.action))
	}
	title := widget.NewLabelWithStyle("Keyboard and mouse", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	var pop *widget.PopUp
	closeBtn := widget.NewButton("Close (Esc)", func() { pop.Hide() })
	// On a 1280×720 screen the list is taller than the window: it scrolls, the buttons stay.
	list := container.NewVScroll(grid)
	room := ui.window.Canvas().Size().Height - 3*title.MinSize().Height - closeBtn.MinSize().Height
	list.SetMinSize(fyne.NewSize(grid.MinSize().Width, max(min(grid.MinSize().Height, room), 120)))
	pop = widget.NewModalPopUp(container.NewPadded(container.NewBorder(title, closeBtn, nil, nil, list)), ui.window.Canvas())
	ui.help = pop
	pop.Show()
}
