package app

import (
	"fmt"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"leadline.app/leadline/workshop"
	"leadline.app/leadline/workshop/formats"
	"leadline.app/leadline/workshop/report"
)

// importDialog reads a Leadline JSON, Norn JSON or timemap CSV file into a new workshop of the
// library and opens it. A bad file is refused whole with the reason; nothing is half-imported.
func (ui *App) importDialog() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			ui.showError(err)
			return
		}
		defer r.Close()
		data, err := io.ReadAll(io.LimitReader(r, formats.MaxFileSize+1))
		if err != nil {
			ui.showError(fmt.Errorf("import %s: %w", r.URI().Name(), err))
			return
		}
		if format, err := formats.Detect(data); err == nil && formats.IsEventLog(format) {
			ui.rememberFolder(r.URI())
			ui.eventLogImportDialog(r.URI().Name(), data) // asks which statuses are queues first
			return
		}
		w, _, err := formats.Import(r.URI().Name(), data)
		if err != nil {
			ui.showError(err)
			return
		}
		ui.rememberFolder(r.URI())
		ui.addImported(w, r.URI().Name())
	}, ui.window)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".json", ".csv"}))
	ui.startInLastFolder(d)
	// Fyne's file dialog builds its content in Show; resizing before that dereferences nil.
	d.Show()
	d.Resize(fyne.NewSize(900, 600))
}

// addImported puts an imported workshop in the library and opens it.
func (ui *App) addImported(w *workshop.Workshop, file string) {
	id, err := ui.lib.Create(w)
	if err != nil {
		ui.showError(err)
		return
	}
	if err := ui.openWorkshop(id); err != nil {
		ui.showError(err)
		return
	}
	ui.showNote(fmt.Sprintf("Imported %q from %s", w.Name, file))
}

// exportJSONDialog saves a workshop as Leadline JSON.
func (ui *App) exportJSONDialog(w *workshop.Workshop) {
	data, err := formats.ExportLeadline(w)
	if err != nil {
		ui.showError(err)
		return
	}
	ui.saveDialog(fileName(w.Name, ".json"), data, nil, false)
}

// exportHandoutDialog saves the PDF handout of the open workshop.
func (ui *App) exportHandoutDialog() {
	if ui.editor == nil || ui.editor.session == nil {
		return
	}
	w := ui.editor.session.workshop()
	res, err := report.Handout(w, report.Options{Paper: "A4"})
	if err != nil {
		ui.showError(fmt.Errorf("handout of %q: %w", w.Name, err))
		return
	}
	var notes []string
	if len(res.Replaced) > 0 {
		notes = append(notes, "characters the handout font lacks were replaced in: "+strings.Join(res.Replaced, ", "))
	}
	ui.saveDialog(fileName(w.Name, ".pdf"), res.PDF, notes, true)
}

// saveDialog writes data where the facilitator chooses; offerOpen adds an "Open" button to the
// note that says it was saved, to look at the handout before it goes out.
func (ui *App) saveDialog(name string, data []byte, notes []string, offerOpen bool) {
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		ui.writeChosenFile(wc, err, data, notes, offerOpen)
	}, ui.window)
	d.SetFileName(name)
	ui.startInLastFolder(d)
	// Fyne's file dialog builds its content in Show; resizing before that dereferences nil.
	d.Show()
	d.Resize(fyne.NewSize(900, 600))
}

// writeChosenFile writes data to the file the save dialog returned and says so.
func (ui *App) writeChosenFile(wc fyne.URIWriteCloser, err error, data []byte, notes []string, offerOpen bool) {
	if err != nil || wc == nil {
		ui.showError(err)
		return
	}
	_, werr := wc.Write(data)
	cerr := wc.Close()
	if werr != nil || cerr != nil {
		ui.showError(fmt.Errorf("write %s: %v", localPath(wc.URI()), firstError(werr, cerr)))
		return
	}
	ui.rememberFolder(wc.URI())
	msg := "Saved " + localPath(wc.URI())
	if len(notes) > 0 {
		msg += "; " + strings.Join(notes, "; ")
	}
	if offerOpen {
		saved := wc.URI()
		ui.showNoteWithAction(msg, "Open", func() { ui.openInViewer(saved) })
		return
	}
	ui.showNote(msg)
}

func firstError(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
