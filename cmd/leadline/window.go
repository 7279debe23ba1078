package main

import (
	"fmt"
	"os"
	"runtime"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
	"github.com/go-gl/glfw/v3.4/glfw"

	"leadline.app/leadline/assets"
)

// appIcon is the icon of every window (title bar, task bar, dock, Alt+Tab), wherever the
// binary runs from: without it a window outside a packaged install has none.
var appIcon = fyne.NewStaticResource("leadline.png", assets.Icon)

// windowClass is the X11 WM_CLASS class docks group the window by and match to the
// .desktop file. GLFW would otherwise use the window's first title ("Leadline — Current state
// — …"), which changes with the workshop.
const windowClass, windowInstance = "Leadline", "leadline"

// setWindowClass asks GLFW to name the class of the window it is about to create. Fyne 2.8.1
// has no API for it, but GLFW keeps window hints until the next window is created, and Fyne's
// driver creates the native window only in Show. It must run on the main goroutine, after the
// driver initialised GLFW (app.New's NewWindow does) and before ShowAndRun.
func setWindowClass() {
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		return // the hint is X11's; Windows and macOS group by executable and bundle
	}
	// GLFW panics on a hint when it failed to initialise (no display); that failure is already
	// logged and is reported as no window, so the class does not matter then.
	defer func() { _ = recover() }()
	glfw.WindowHintString(glfw.X11ClassName, windowClass)
	glfw.WindowHintString(glfw.X11InstanceName, windowInstance)
}

// windowDeadline is how long the window may take to appear before Leadline says it cannot
// open one. The window is mapped in about 0.3 s on this project's slowest measured machine.
const windowDeadline = 6 * time.Second

// errNoOpenGL is the one line a facilitator reads when no window can be shown, most often on a
// remote desktop or a VM without OpenGL, where GLFW only logs the failure and the window
// never appears.
func errNoOpenGL(cause string) error {
	return fmt.Errorf("no window could be opened: OpenGL is not available here (%s); "+
		"update the graphics driver, or try Mesa's software renderer: LIBGL_ALWAYS_SOFTWARE=1 leadline; "+
		"the subcommands metrics, import, list and export work without a window", cause)
}

// watchWindow waits until the window has a native handle, then calls shown. When GLFW reports
// that it could not create the window, or nothing appears within windowDeadline, it calls
// fail with the reason instead.
func watchWindow(w fyne.Window, logs *driverLog, shown func(), fail func(error)) {
	deadline := time.After(windowDeadline)
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case cause := <-logs.windowFailed:
			fail(errNoOpenGL(cause))
			return
		case <-deadline:
			fail(errNoOpenGL(fmt.Sprintf("no window appeared within %v", windowDeadline)))
			return
		case <-tick.C:
			created := make(chan bool, 1)
			fyne.Do(func() { created <- hasNativeWindow(w) })
			select {
			case ok := <-created:
				if ok {
					logs.windowShown()
					shown()
					return
				}
			case <-time.After(time.Second):
				// The event loop did not answer: the deadline decides.
			}
		}
	}
}

// hasNativeWindow tells whether the driver has created the platform's window.
func hasNativeWindow(w fyne.Window) bool {
	native, ok := w.(driver.NativeWindow)
	if !ok {
		return true // not the GL driver: nothing to watch
	}
	var handle uintptr
	native.RunNative(func(context any) {
		switch c := context.(type) {
		case driver.X11WindowContext:
			handle = c.WindowHandle
		case driver.WaylandWindowContext:
			handle = c.WaylandSurface
		case driver.WindowsWindowContext:
			handle = c.HWND
		case driver.MacWindowContext:
			handle = c.NSWindow
		default:
			handle = 1
		}
	})
	return handle != 0
}

// printError prints err the way main does, for the goroutines that end the process themselves.
func printError(err error) {
	line := errorLine(err)
	fmt.Fprintln(os.Stderr, "leadline: "+line)
	showFatal(line)
}
