// Command frameprobe is dragcommit.sh's stopwatch: it releases mouse button 1 through XTest and
// reports how long until a region of the X screen changes, i.e. until the app has put the
// frame that answers the release on screen. It reads the region with XGetImage (a few hundred
// microseconds for a button-sized region) every millisecond; ImageMagick's `import` reads the
// whole screen and takes ~70 ms, too coarse for a 16 ms budget.
//
//	frameprobe -region X,Y,W,H [-timeout 5s]
//
// prints "CHANGED_US STILL_US": microseconds from the release to the end of the first read
// that differed (an upper bound) and to the start of the last read that did not (a lower
// bound). It fails if the region changes before the release or not within the timeout.
package main

/*
#cgo LDFLAGS: -lX11 -lXtst
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/extensions/XTest.h>

static XImage *grab(Display *d, int x, int y, unsigned w, unsigned h) {
	return XGetImage(d, DefaultRootWindow(d), x, y, w, h, AllPlanes, ZPixmap);
}
static void release(XImage *img) { XDestroyImage(img); }
static void releaseButton(Display *d) {
	XTestFakeButtonEvent(d, 1, False, CurrentTime);
	XFlush(d);
}
*/
import "C"

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"time"
	"unsafe"
)

func main() {
	region := flag.String("region", "", "X,Y,W,H of the screen region to watch")
	timeout := flag.Duration("timeout", 5*time.Second, "give up after this long")
	flag.Parse()
	var x, y, w, h int
	if _, err := fmt.Sscanf(*region, "%d,%d,%d,%d", &x, &y, &w, &h); err != nil || w <= 0 || h <= 0 {
		fmt.Fprintf(os.Stderr, "frameprobe: -region %q: want X,Y,W,H with W, H > 0\n", *region)
		os.Exit(2)
	}
	changed, still, err := probe(x, y, w, h, *timeout)
	if err != nil {
		fmt.Fprintf(os.Stderr, "frameprobe: %v\n", err)
		os.Exit(1)
	}
	fmt.Printf("%d %d\n", changed.Microseconds(), still.Microseconds())
}

func probe(x, y, w, h int, timeout time.Duration) (changed, still time.Duration, err error) {
	d := C.XOpenDisplay(nil)
	if d == nil {
		return 0, 0, errors.New("cannot open the display named by DISPLAY")
	}
	defer C.XCloseDisplay(d)
	read := func() ([]byte, error) {
		img := C.grab(d, C.int(x), C.int(y), C.uint(w), C.uint(h))
		if img == nil {
			return nil, fmt.Errorf("cannot read region %d,%d %dx%d of the screen", x, y, w, h)
		}
		defer C.release(img)
		return C.GoBytes(unsafe.Pointer(img.data), img.bytes_per_line*C.int(h)), nil
	}
	before, err := read()
	if err != nil {
		return 0, 0, err
	}
	// The region must be still before the release, or a change would prove nothing.
	time.Sleep(100 * time.Millisecond)
	if again, err := read(); err != nil || !bytes.Equal(before, again) {
		return 0, 0, fmt.Errorf("region %d,%d %dx%d changes before the button is released", x, y, w, h)
	}
	start := time.Now()
	C.releaseButton(d)
	for time.Since(start) < timeout {
		readStart := time.Since(start)
		now, err := read()
		if err != nil {
			return 0, 0, err
		}
		if !bytes.Equal(before, now) {
			return time.Since(start), still, nil
		}
		still = readStart
		time.Sleep(time.Millisecond)
	}
	return 0, 0, fmt.Errorf("region %d,%d %dx%d did not change within %v of the release", x, y, w, h, timeout)
}
