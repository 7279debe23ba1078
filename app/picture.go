package app

import (
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"leadline.app/leadline/workshop/report"
)

// exportPictureDialog saves the map on screen as a picture for slides: PNG by default, SVG
// when the file name ends in .svg.
func (ui *App) exportPictureDialog() {
	if ui.editor == nil || ui.editor.session == nil {
		return
	}
	w := ui.editor.session.workshop
	m := ui.editor.session.currentMap()
	if m == nil {
		ui.showNote("This workshop has no map to export yet")
		return
	}
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil || wc == nil {
			ui.showError(err)
			return
		}
		format := report.PNG
		if strings.EqualFold(filepath.Ext(wc.URI().Name()), ".svg") {
			format = report.SVG
		}
		res, err := report.PictureOfMap(w, m, format)
		if err != nil {
			wc.Close()
			ui.showError(err)
			return
		}
		_, werr := wc.Write(res.Data)
		cerr := wc.Close()
		if werr != nil || cerr != nil {
			ui.showError(fmt.Errorf("write %s: %v", wc.URI().Path(), firstError(werr, cerr)))
			return
		}
		ui.showNote(fmt.Sprintf("Saved %s (%d × %d px)", wc.URI().Path(), res.Width, res.Height))
	}, ui.window)
	d.SetFileName(fileName(w.Name+" - "+m.Name, ".png"))
	d.SetFilter(storage.NewExtensionFileFilter([]string{".png", ".svg"}))
	// Fyne's file dialog builds its content in Show; resizing before that dereferences nil.
	d.Show()
	d.Resize(fyne.NewSize(900, 600))
}
