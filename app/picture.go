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
	w := ui.editor.session.workshop()
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
		// A 500-stage map takes seconds to rasterise: draw a copy off the UI goroutine, so
		// the window stays live and later edits cannot race the drawing.
		snapshot := w.Clone()
		mapCopy := snapshot.MapByID(m.ID)
		ui.showNote("Drawing the picture…")
		go func() {
			res, err := report.PictureOfMap(snapshot, mapCopy, format)
			if err == nil {
				_, werr := wc.Write(res.Data)
				if cerr := wc.Close(); werr == nil && cerr != nil {
					werr = cerr
				}
				if werr != nil {
					err = fmt.Errorf("write %s: %w", wc.URI().Path(), werr)
				}
			} else {
				wc.Close()
			}
			fyne.Do(func() {
				if err != nil {
					ui.showError(err)
					return
				}
				ui.showNote(fmt.Sprintf("Saved %s (%d × %d px)", wc.URI().Path(), res.Width, res.Height))
			})
		}()
	}, ui.window)
	d.SetFileName(fileName(w.Name+" - "+m.Name, ".png"))
	d.SetFilter(storage.NewExtensionFileFilter([]string{".png", ".svg"}))
	// Fyne's file dialog builds its content in Show; resizing before that dereferences nil.
	d.Show()
	d.Resize(fyne.NewSize(900, 600))
}
