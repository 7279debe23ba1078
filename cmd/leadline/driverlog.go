package main

import (
	"bytes"
	"io"
	"os"
	"strings"
	"sync"
)

// driverLog takes the standard logger's output, where Fyne and GLFW report their errors. Until
// the window is up it holds those lines back, so a window that cannot be created ends with
// Leadline's one line rather than a screenful of driver log (LEADLINE_DEBUG=1 shows it), and it
// reports the driver's "window creation error" with its cause. Once the window is shown the
// held lines are written out and later ones pass straight through.
type driverLog struct {
	out          io.Writer
	windowFailed chan string

	mu      sync.Mutex
	held    *bytes.Buffer // nil once the window is shown
	pending bool          // the last line was "window creation error"; its cause follows
	failed  bool          // the driver reported that it cannot make a window
}

func newDriverLog(out io.Writer) *driverLog {
	return &driverLog{out: out, windowFailed: make(chan string, 1), held: &bytes.Buffer{}}
}

func (l *driverLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, line := range strings.Split(string(p), "\n") {
		switch {
		case strings.Contains(line, "window creation error"), strings.Contains(line, "failed to initialise GLFW"):
			l.pending, l.failed = true, true
		case l.pending && strings.Contains(line, "Cause:"):
			l.pending = false
			_, cause, _ := strings.Cut(line, "Cause:")
			select {
			case l.windowFailed <- strings.TrimSpace(cause):
			default:
			}
		}
	}
	if l.held != nil && os.Getenv("LEADLINE_DEBUG") == "" {
		return l.held.Write(p)
	}
	return l.out.Write(p)
}

// driverFailed tells whether the driver has already reported that it cannot make a window.
func (l *driverLog) driverFailed() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.failed
}

// windowShown writes out what was held back and lets later lines through.
func (l *driverLog) windowShown() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.held != nil {
		_, _ = l.out.Write(l.held.Bytes())
		l.held = nil
	}
}
