package app

import (
	"fmt"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// showLibraryError explains why a library file was refused (it is left untouched) and offers
// to open or create another one.
func (ui *App) showLibraryError(path string, err error) {
	ui.setTitle("Library not opened")
	heading := widget.NewLabelWithStyle("This library could not be opened", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	reason := widget.NewLabel(err.Error())
	reason.Wrapping = fyne.TextWrapWord
	reason.Importance = widget.DangerImportance
	safe := widget.NewLabel(fmt.Sprintf("Leadline has not changed %s. Open another library, or create a new one.", path))
	safe.Wrapping = fyne.TextWrapWord
	openOther := widget.NewButtonWithIcon("Open another library…", theme.FolderOpenIcon(), func() {
		d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
			if err != nil || r == nil {
				return
			}
			r.Close()
			ui.switchLibrary(localPath(r.URI()))
		}, ui.window)
		d.Show()
	})
	create := widget.NewButtonWithIcon("Create a new library…", theme.ContentAddIcon(), func() {
		d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
			if err != nil || wc == nil {
				return
			}
			path := localPath(wc.URI())
			wc.Close()
			// The save dialog leaves an empty file behind; a new library is built in its place.
			if info, err := os.Stat(path); err == nil && info.Size() == 0 {
				_ = os.Remove(path)
			}
			ui.switchLibrary(path)
		}, ui.window)
		d.SetFileName("library.db")
		d.Show()
	})
	create.Importance = widget.HighImportance
	body := container.NewVBox(heading, reason, safe, container.NewCenter(container.NewHBox(openOther, create)))
	ui.window.SetContent(container.NewCenter(container.NewGridWrap(fyne.NewSize(640, 260), body)))
}

func (ui *App) switchLibrary(path string) {
	if ui.openLibrary == nil {
		return
	}
	lib, err := ui.openLibrary(filepath.Clean(path))
	if err != nil {
		ui.showLibraryError(path, err)
		return
	}
	ui.useLibrary(lib, 0)
}
