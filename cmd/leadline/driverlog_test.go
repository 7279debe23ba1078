package main

import (
	"bytes"
	"log"
	"testing"
)

// The driver's log lines are held until the window is up; a window creation error is spotted
// with its cause, whichever writes it is split into.
func TestDriverLog(t *testing.T) {
	for _, tc := range []struct {
		name      string
		lines     []string
		wantCause string // "" when no failure should be reported
	}{
		{"no GLX", []string{
			"Fyne error:  window creation error",
			"  Cause: APIUnavailable: GLX: GLX extension not found",
			"  At: …/driver.go:180",
		}, "APIUnavailable: GLX: GLX extension not found"},
		{"no display for GLFW", []string{
			"Fyne error:  failed to initialise GLFW",
			"  Cause: PlatformUnavailable: Failed to detect any supported platform",
		}, "PlatformUnavailable: Failed to detect any supported platform"},
		{"harmless errors", []string{
			"Fyne error:  failed to watch theme settings",
			"  Cause: exec: \"dbus-launch\": executable file not found in $PATH",
		}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("LEADLINE_DEBUG", "")
			var out bytes.Buffer
			logs := newDriverLog(&out)
			logger := log.New(logs, "", 0)
			for _, line := range tc.lines {
				logger.Println(line)
			}
			var cause string
			select {
			case cause = <-logs.windowFailed:
			default:
			}
			if cause != tc.wantCause || logs.driverFailed() != (tc.wantCause != "") {
				t.Errorf("cause %q, failed %v; want %q", cause, logs.driverFailed(), tc.wantCause)
			}
			if out.Len() != 0 {
				t.Errorf("wrote %q before the window was shown", out.String())
			}
			logs.windowShown()
			logger.Println("later")
			want := ""
			for _, line := range tc.lines {
				want += line + "\n"
			}
			if got := out.String(); got != want+"later\n" {
				t.Errorf("after the window was shown the log reads %q, want %q", got, want+"later\n")
			}
		})
	}
}
