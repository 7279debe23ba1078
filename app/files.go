package app

import (
	"fmt"
	"io"
	"path/filepath"
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
		w, _, err := formats.Import(r.URI().Name(), data)
		if err != nil {
			ui.showError(err)
			return
		}
		id, err := ui.lib.Create(w)
		if err != nil {
			ui.showError(err)
			return
		}
		if err := ui.openWorkshop(id); err != nil {
			ui.showError(err)
			return
		}
		ui.showNote(fmt.Sprintf("Imported %q from %s", w.Name, r.URI().Name()))
	}, ui.window)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".json", ".csv"}))
	// Fyne's file dialog builds its content in Show; resizing before that dereferences nil.
	d.Show()
	d.Resize(fyne.NewSize(900, 600))
}

// exportJSONDialog saves a workshop as Leadline JSON.
func (ui *App) exportJSONDialog(w *workshop.Workshop) {
	data, err := formats.ExportLeadline(w)
	if err != nil {
		ui.showError(err)
		return
	}
	ui.saveDialog(fileName(w.Name, ".json"), data, nil)
}

// exportHandoutDialog saves the PDF handout of the open workshop.
func (ui *App) exportHandoutDialog() {
	if ui.editor == nil || ui.editor.session == nil {
		return
	}
	w := ui.editor.session.workshop
	res, err := report.Handout(w, report.Options{Paper: "A4"})
	if err != nil {
		ui.showError(fmt.Errorf("handout of %q: %w", w.Name, err))
		return
	}
	var notes []string
	if len(res.Replaced) > 0 {
		notes = append(notes, "characters the handout font lacks were replaced in: "+strings.Join(res.Replaced, ", "))
	}
	ui.saveDialog(fileName(w.Name, ".pdf"), res.PDF, notes)
}

func (ui *App) saveDialog(name string, data []byte, notes []string) {
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil || wc == nil {
			ui.showError(err)
			return
		}
		_, werr := wc.Write(data)
		cerr := wc.Close()
		if werr != nil || cerr != nil {
			ui.showError(fmt.Errorf("write %s: %v", wc.URI().Path(), firstError(werr, cerr)))
			return
		}
		msg := "Saved " + wc.URI().Path()
		if len(notes) > 0 {
			msg += "; " + strings.Join(notes, "; ")
		}
		ui.showNote(msg)
	}, ui.window)
	d.SetFileName(name)
	// Fyne's file dialog builds its content in Show; resizing before that dereferences nil.
	d.Show()
	d.Resize(fyne.NewSize(900, 600))
}

// fileName turns a workshop name into a safe file name, keeping letters of any script.
func fileName(name, ext string) string {
	clean := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) || r < ' ' {
			return '-'
		}
		return r
	}, strings.TrimSpace(name))
	if clean == "" {
		clean = "workshop"
	}
	return filepath.Base(clean) + ext
}

func firstError(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
