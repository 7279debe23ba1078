package main

import (
	"errors"
	"fmt"
	"log"
	"net"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	fyneapp "fyne.io/fyne/v2/app"

	"leadline.app/leadline/app"
	"leadline.app/leadline/workshop/store"
)

// appID is also FyneApp.toml's ID, so preferences are shared with packaged builds.
const appID = "io.github.leadline.leadline"

// appRequest is what the command line asked the window to show.
type appRequest struct {
	db         string
	workshopID int64 // 0: the workshop used last
	present    bool  // open in the room view
}

// openApp opens the window on a library. A library that cannot be opened is explained in the
// window, which offers another one; it is never written to.
func openApp(req appRequest) error {
	db := req.db
	// The window's Go heap is small (~20 MB for 500 stages) and collecting it is cheap, while
	// a projector laptop's memory is not: collect at 50% growth instead of Go's 100%.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(50)
	}
	path := db
	if path == "" {
		var err error
		if path, err = store.DefaultLibrary(); err != nil {
			return err
		}
	}
	lib, openErr := openLibrary(path)
	if openErr == nil && req.workshopID != 0 {
		// Asked for by id (a desktop shortcut for tonight's workshop): an unknown id is one
		// line on stderr, not a window on some other workshop.
		if _, err := lib.Load(req.workshopID); err != nil {
			lib.Close()
			return fmt.Errorf("--workshop %d: %w; see leadline list", req.workshopID, err)
		}
	}
	if err := checkDisplay(); err != nil {
		if lib != nil {
			lib.Close()
		}
		return err
	}
	logs := newDriverLog(os.Stderr)
	log.SetOutput(logs)
	fyneApp := fyneapp.NewWithID(appID)
	fyneApp.SetIcon(appIcon)
	ui := app.New(fyneApp, app.Options{
		Library: lib, LibraryPath: path, OpenError: openErr, OpenLibrary: openLibrary,
		Workshop: req.workshopID, Present: req.present,
	})
	ui.FitScreen(screenWorkArea())
	closer := newWindowCloser(ui)
	// The GL driver panics when the display goes away under it (or refuses it at start despite
	// checkDisplay). Edits are already in the library; save what is queued and say so in one
	// line rather than with a stack trace.
	defer func() {
		if r := recover(); r != nil {
			if os.Getenv("LEADLINE_DEBUG") != "" {
				os.Stderr.Write(debug.Stack())
			}
			closer.fail(fmt.Errorf("the window could not be shown or kept open (%v); every acknowledged edit is saved in %s", r, path), false)
		}
	}()
	if !logs.driverFailed() {
		setWindowClass()
	}
	exitOnSignal(closer)
	go watchWindow(ui.Window(), logs, func() { takeSignalsFromDriver(closer) }, func(err error) { closer.fail(err, true) })
	ui.ShowAndRun()
	closer.close()
	return nil
}

// checkDisplay refuses to open a window where there is no screen (an SSH session, CI, a
// stale DISPLAY), which Fyne's GL driver would answer with a panic; the subcommands still work
// there.
func checkDisplay() error {
	switch runtime.GOOS {
	case "linux", "freebsd", "openbsd", "netbsd":
	default:
		return nil
	}
	x11, wayland := os.Getenv("DISPLAY"), os.Getenv("WAYLAND_DISPLAY")
	if x11 == "" && wayland == "" {
		return errors.New("no display to open the window on (DISPLAY and WAYLAND_DISPLAY are unset); " +
			"the subcommands metrics, import, list and export work without one: see leadline help")
	}
	if wayland != "" || x11Reachable(x11) {
		return nil
	}
	return fmt.Errorf("cannot reach the X display %q to open the window on; "+
		"the subcommands metrics, import, list and export work without one: see leadline help", x11)
}

// x11Reachable tells whether a local X display (":N" or ":N.S") answers on its socket, the
// file or the abstract one. Remote displays ("host:N") are left to the driver.
func x11Reachable(display string) bool {
	host, number, ok := strings.Cut(display, ":")
	if !ok || (host != "" && host != "unix") {
		return true
	}
	number, _, _ = strings.Cut(number, ".")
	socket := "/tmp/.X11-unix/X" + number
	for _, address := range []string{socket, "@" + socket} {
		if conn, err := net.DialTimeout("unix", address, time.Second); err == nil {
			conn.Close()
			return true
		}
	}
	return false
}
