package main

import (
	"errors"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

	"fyne.io/fyne/v2"

	"leadline.app/leadline/app"
)

// exitWithin is how long Leadline may take to leave after SIGTERM or SIGINT (a logout, a
// shutdown, Ctrl+C in the terminal it was started from, a service manager): committing the
// open forms and the queued edits takes milliseconds, and anything slower than a second makes
// a desktop session kill it anyway.
const exitWithin = time.Second

// windowCloser runs the window's shutdown once, whichever comes first: the event loop ending
// (close button, Fyne's own SIGTERM handler quitting it), a signal, or the no-window watchdog.
type windowCloser struct {
	ui       *app.App
	once     sync.Once
	done     chan struct{}
	reported sync.Once // a fatal message is printed once, by whoever fails first
}

func newWindowCloser(ui *app.App) *windowCloser {
	return &windowCloser{ui: ui, done: make(chan struct{})}
}

// close commits what is being typed, writes what is queued and closes the library. Call it on
// the main goroutine: in the event loop through fyne.Do, or after the loop returned.
func (c *windowCloser) close() {
	c.once.Do(func() {
		c.ui.Close()
		close(c.done)
	})
}

// exit closes the window's work from the event loop and ends the process with code, at most
// `within` later even when the loop does not answer (edits already written stay written).
func (c *windowCloser) exit(code int, within time.Duration) {
	// Once the driver has shut its loop down, fyne.Do runs the function at once on the
	// calling goroutine: call it from its own so the deadline below still holds.
	go fyne.Do(c.close)
	select {
	case <-c.done:
	case <-time.After(within):
		c.reported.Do(func() {
			printError(errors.New("the window did not finish saving in time; every edit acknowledged before is in the library"))
		})
		code = 1
	}
	os.Exit(code)
}

// fail prints err once and ends the process with code 1 after closing the window's work:
// through the event loop when it runs, directly on the main goroutine when it has ended.
func (c *windowCloser) fail(err error, loopRunning bool) {
	c.reported.Do(func() { printError(err) })
	if loopRunning {
		c.exit(1, 500*time.Millisecond)
	}
	c.close()
	os.Exit(1)
}

// exitOnSignal makes SIGTERM and SIGINT save and leave within exitWithin.
func exitOnSignal(c *windowCloser) {
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, syscall.SIGTERM, os.Interrupt)
	go func() {
		<-signals
		// Leave a little of the second for the process to end after the library is closed.
		c.exit(0, exitWithin-100*time.Millisecond)
	}()
}

// takeSignalsFromDriver leaves SIGTERM and SIGINT to exitOnSignal alone. Fyne's driver
// subscribes to them too, when its loop starts, and quits the loop: that skips the window's
// shutdown, and tearing down GLFW first takes most of a second on a busy machine, so the
// open forms were committed only after it, or not at all. Call it once the window is up
// (by then the driver has subscribed); a signal before that takes the slower way, through
// the end of the loop, which still saves.
func takeSignalsFromDriver(c *windowCloser) {
	signal.Reset(syscall.SIGTERM, os.Interrupt)
	exitOnSignal(c)
}
