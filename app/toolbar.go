package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// toolbar is the row of actions above the map. Every action also has a keyboard shortcut,
// listed in the help overlay (F1).
type toolbar struct {
	editor     *editor
	undo, redo *widget.Button
	snap       *widget.Check
	bar        *fyne.Container
}

func newToolbar(e *editor) *toolbar {
	t := &toolbar{editor: e}
	ui := e.ui
	library := widget.NewButtonWithIcon("Library", theme.FolderOpenIcon(), ui.showLibrary)
	t.undo = widget.NewButtonWithIcon("Undo", theme.ContentUndoIcon(), e.undo)
	t.redo = widget.NewButtonWithIcon("Redo", theme.ContentRedoIcon(), e.redo)
	zoomOut := widget.NewButtonWithIcon("", theme.ZoomOutIcon(), e.mapView.ZoomOut)
	zoomIn := widget.NewButtonWithIcon("", theme.ZoomInIcon(), e.mapView.ZoomIn)
	fit := widget.NewButtonWithIcon("Fit map", theme.ZoomFitIcon(), e.mapView.FitMap)
	t.snap = widget.NewCheck("Snap to grid", e.mapView.SetSnapToGrid)
	handout := widget.NewButtonWithIcon("Handout…", theme.DocumentPrintIcon(), ui.exportHandoutDialog)
	present := widget.NewButtonWithIcon("Present", theme.ViewFullScreenIcon(), ui.togglePresenter)
	present.Importance = widget.HighImportance
	help := widget.NewButtonWithIcon("", theme.HelpIcon(), ui.showHelp)
	dark := widget.NewButtonWithIcon("", theme.ColorPaletteIcon(), ui.toggleDark)
	t.bar = container.NewHBox(library, widget.NewSeparator(), t.undo, t.redo, widget.NewSeparator(),
		zoomOut, zoomIn, fit, t.snap, layout.NewSpacer(), handout, present, ui.roomWindowCheck(), dark, help)
	return t
}

// refresh names the command Undo and Redo would run, and greys them out at the ends.
func (t *toolbar) refresh() {
	h := t.editor.session.edits
	setAction(t.undo, "Undo", h.UndoLabel(), h.CanUndo())
	setAction(t.redo, "Redo", h.RedoLabel(), h.CanRedo())
}

func setAction(b *widget.Button, verb, label string, enabled bool) {
	text := verb
	if label != "" {
		text += " " + label
	}
	if b.Text != text {
		b.SetText(text)
	}
	if enabled {
		b.Enable()
	} else {
		b.Disable()
	}
}
