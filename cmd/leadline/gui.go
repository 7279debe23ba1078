package main

import (
	fyneapp "fyne.io/fyne/v2/app"

	"github.com/leadline/leadline/app"
	"github.com/leadline/leadline/workshop/store"
)

// appID is also FyneApp.toml's ID, so preferences are shared with packaged builds.
const appID = "io.github.leadline.leadline"

// openApp opens the window on a library. A library that cannot be opened is explained in the
// window, which offers another one; it is never written to.
func openApp(db string) error {
	path := db
	if path == "" {
		var err error
		if path, err = store.DefaultPath(); err != nil {
			return err
		}
	}
	lib, err := openLibrary(path)
	ui := app.New(fyneapp.NewWithID(appID), app.Options{
		Library: lib, LibraryPath: path, OpenError: err, OpenLibrary: openLibrary,
	})
	ui.ShowAndRun()
	return nil
}
