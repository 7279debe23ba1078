package app

import (
	"fmt"
	"net/url"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
)

// fileDialog is what Fyne's open and save dialogs share that the folder memory needs.
type fileDialog interface {
	SetLocation(fyne.ListableURI)
}

// startInLastFolder opens a file dialog where the last file was imported from or saved to,
// rather than in $HOME every time; a folder that has gone since is skipped.
func (ui *App) startInLastFolder(d fileDialog) {
	folder := ui.setting(settingFolder)
	if folder == "" {
		return
	}
	lister, err := storage.ListerForURI(storage.NewFileURI(folder))
	if err != nil {
		return
	}
	if ok, err := storage.Exists(lister); err != nil || !ok {
		return
	}
	d.SetLocation(lister)
}

// rememberFolder keeps the folder of a file just read or written for the next dialog.
func (ui *App) rememberFolder(file fyne.URI) {
	parent, err := storage.Parent(file)
	if err != nil || parent.Scheme() != "file" {
		return
	}
	ui.remember(settingFolder, filepath.Clean(parent.Path()))
}

// openInViewer hands a saved file to the system's viewer (the PDF reader for the handout).
func (ui *App) openInViewer(file fyne.URI) {
	link, err := url.Parse(file.String())
	if err == nil {
		err = ui.fyneApp.OpenURL(link)
	}
	if err != nil {
		ui.showError(fmt.Errorf("open %s: %w", localPath(file), err))
	}
}
