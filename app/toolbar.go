package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"leadline.app/leadline/app/panels"
)

// toolbar is the row of actions above the map. Every action also has a keyboard shortcut,
// listed in the help overlay (F1). Its buttons never change width: what Undo and Redo would do
// is in their tooltips, so Fit map and the rest stay where the hand expects them.
type toolbar struct {
	editor     *editor
	undo, redo *panels.TipButton
	snap       *widget.Check
	bar        *fyne.Container
}

func newToolbar(e *editor) *toolbar {
	t := &toolbar{editor: e}
	ui := e.ui
	tips := e.tips
	library := panels.NewTipButton(tips, "Library", theme.FolderOpenIcon(), "All workshops of this library", ui.showLibrary)
	t.undo = panels.NewTipButton(tips, "Undo", theme.ContentUndoIcon(), "Nothing to undo", e.undo)
	t.redo = panels.NewTipButton(tips, "Redo", theme.ContentRedoIcon(), "Nothing to redo", e.redo)
	zoomOut := panels.NewTipButton(tips, "", theme.ZoomOutIcon(), "Zoom out", e.mapView.ZoomOut)
	zoomIn := panels.NewTipButton(tips, "", theme.ZoomInIcon(), "Zoom in", e.mapView.ZoomIn)
	fit := panels.NewTipButton(tips, "Fit map", theme.ZoomFitIcon(), "Show the whole map", e.mapView.FitMap)
	tidy := panels.NewTipButton(tips, "Tidy", theme.GridIcon(), "Lay the map out: the critical path on one row (Ctrl+Shift+T)", e.mapView.Tidy)
	t.snap = widget.NewCheck("Snap to grid", e.mapView.SetSnapToGrid)
	handout := panels.NewTipButton(tips, "Handout…", theme.DocumentPrintIcon(), "Save the PDF handout", ui.exportHandoutDialog)
	picture := panels.NewTipButton(tips, "Export picture…", theme.FileImageIcon(), "Save the map as a PNG or SVG picture for slides", ui.exportPictureDialog)
	present := panels.NewTipButton(tips, "Present", theme.ViewFullScreenIcon(), "Room view, full screen with large type (F11)", ui.togglePresenter)
	present.Importance = widget.HighImportance
	help := panels.NewTipButton(tips, "", theme.HelpIcon(), "Keyboard and mouse (F1)", ui.showHelp)
	dark := panels.NewTipButton(tips, "", theme.ColorPaletteIcon(), "Light or dark theme", ui.toggleDark)
	t.bar = container.NewHBox(library, widget.NewSeparator(), t.undo, t.redo, widget.NewSeparator(),
		zoomOut, zoomIn, fit, tidy, t.snap, layout.NewSpacer(), picture, handout, present, ui.roomWindowCheck(), dark, help)
	return t
}

// refresh puts the command Undo and Redo would run in their tooltips, and greys them out at
// the ends.
func (t *toolbar) refresh() {
	h := t.editor.session.edits
	setAction(t.undo, "Undo", h.UndoLabel(), h.CanUndo())
	setAction(t.redo, "Redo", h.RedoLabel(), h.CanRedo())
}

func setAction(b *panels.TipButton, verb, label string, enabled bool) {
	switch {
	case !enabled:
		b.SetTip("Nothing to " + strings.ToLower(verb))
	case label == "":
		b.SetTip(verb)
	default:
		b.SetTip(verb + " " + label)
	}
	if enabled {
		b.Enable()
	} else {
		b.Disable()
	}
}
