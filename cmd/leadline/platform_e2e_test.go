package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"leadline.app/leadline/assets"
)

// TestRealWindowWithoutOpenGL starts the app on an X display without GLX, as on a remote
// desktop or a VM without OpenGL: GLFW only logs there and no window comes. The app must say
// so in one line, naming OpenGL and a fix, and exit instead of hanging.
func TestRealWindowWithoutOpenGL(t *testing.T) {
	bin := needRealWindow(t)
	display := startXvfb(t, "-extension", "GLX")
	cmd := exec.Command(bin, "--db", filepath.Join(t.TempDir(), "library.db"))
	cmd.Env, _ = appEnv(t, display)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	var err error
	select {
	case err = <-done:
	case <-time.After(windowDeadline + 5*time.Second):
		_ = cmd.Process.Kill()
		t.Fatalf("still running %v after start without OpenGL; stderr:\n%s", time.Since(start), stderr.String())
	}
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 1 {
		t.Errorf("exit = %v, want exit status 1", err)
	}
	lines := strings.Split(strings.TrimRight(stderr.String(), "\n"), "\n")
	if len(lines) != 1 {
		t.Fatalf("stderr has %d lines, want one:\n%s", len(lines), stderr.String())
	}
	for _, want := range []string{"leadline: no window could be opened", "OpenGL", "GLX", "update the graphics driver", "LIBGL_ALWAYS_SOFTWARE=1"} {
		if !strings.Contains(lines[0], want) {
			t.Errorf("stderr %q lacks %q", lines[0], want)
		}
	}
	t.Logf("exited after %v: %s", time.Since(start).Round(time.Millisecond), lines[0])
}

// TestRealWindowIconAndClass runs the binary from a folder far from the checkout and reads
// the window's X properties: the icon is the app's own (not Fyne's default, not looked up
// beside the binary), and WM_CLASS lets a dock group the window as "Leadline".
func TestRealWindowIconAndClass(t *testing.T) {
	bin := needRealWindow(t, "xdotool", "xprop")
	env, _ := appEnv(t, startXvfb(t))
	app := exec.Command(bin, "--db", filepath.Join(t.TempDir(), "library.db"))
	app.Env, app.Dir = env, t.TempDir()
	if err := app.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = app.Process.Kill(); _, _ = app.Process.Wait() }()
	x := xdotool{t: t, env: env}
	win := strings.Fields(x.run("search", "--sync", "--onlyvisible", "--name", "^Leadline"))[0]
	xprop := func(property string, options ...string) string {
		cmd := exec.Command("xprop", append(append([]string{"-id", win}, options...), property)...)
		cmd.Env = env
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("xprop %s: %v\n%s", property, err, out)
		}
		return strings.TrimSpace(string(out))
	}
	if got, want := xprop("WM_CLASS"), `WM_CLASS(STRING) = "leadline", "Leadline"`; got != want {
		t.Errorf("WM_CLASS: %s, want %s", got, want)
	}
	// The driver sets the icon just after it maps the window. Fyne would otherwise give it
	// its own default icon, so compare the pixels (ARGB, as _NET_WM_ICON holds them).
	want := iconCardinals(t)
	var got string
	for start := time.Now(); time.Since(start) < 5*time.Second; time.Sleep(100 * time.Millisecond) {
		got = xprop("_NET_WM_ICON", "-len", "1000000", "-notype", "-f", "_NET_WM_ICON", "32c")
		if _, values, _ := strings.Cut(got, "= "); values == want {
			return
		}
	}
	t.Errorf("_NET_WM_ICON is not the app icon: %.80s…, want %.80s…", got, want)
}

// iconCardinals is assets.Icon as xprop prints _NET_WM_ICON: width, height, then each pixel's
// ARGB as a decimal.
func iconCardinals(t *testing.T) string {
	img, err := png.Decode(bytes.NewReader(assets.Icon))
	if err != nil {
		t.Fatal(err)
	}
	bounds := img.Bounds()
	values := []string{strconv.Itoa(bounds.Dx()), strconv.Itoa(bounds.Dy())}
	for y := bounds.Min.Y; y < bounds.Max.Y; y++ {
		for x := bounds.Min.X; x < bounds.Max.X; x++ {
			c := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
			argb := uint32(c.A)<<24 | uint32(c.R)<<16 | uint32(c.G)<<8 | uint32(c.B)
			values = append(values, strconv.FormatUint(uint64(argb), 10))
		}
	}
	return strings.Join(values, ", ")
}

// TestRealWindowSignalSavesTyping types a new stage's name and wait time, and signals the app
// before the wait field has been left or its idle commit came: on SIGTERM and on SIGINT the
// app must commit the open form and the queued edits, and exit within a second.
func TestRealWindowSignalSavesTyping(t *testing.T) {
	bin := needRealWindow(t, "xdotool")
	for _, tc := range []struct {
		signal syscall.Signal
		name   string
	}{
		{syscall.SIGTERM, "Terminated brief"},
		{syscall.SIGINT, "Interrupted brief"},
	} {
		t.Run(tc.signal.String(), func(t *testing.T) {
			env, _ := appEnv(t, startXvfb(t))
			db := filepath.Join(t.TempDir(), "library.db")
			app := exec.Command(bin, "--db", db)
			app.Env = env
			var stderr bytes.Buffer
			app.Stderr = &stderr
			if err := app.Start(); err != nil {
				t.Fatal(err)
			}
			defer func() { _ = app.Process.Kill() }()
			x := xdotool{t: t, env: env}
			win := strings.Fields(x.run("search", "--sync", "--onlyvisible", "--name", "^Leadline"))[0]
			x.run("windowmove", win, "0", "0")
			x.run("windowsize", win, "1600", "1000")
			time.Sleep(2500 * time.Millisecond)
			x.dropMarketing(x.geometry(win))
			x.run("key", "ctrl+a")
			x.run("type", "--delay", "40", tc.name)
			for i := 0; i < tabsFromNameToWait; i++ {
				x.run("key", "Tab")
			}
			x.run("type", "--delay", "40", "3d")
			// Let the app take the keys in, but signal well before the field's idle commit.
			time.Sleep(300 * time.Millisecond)

			start := time.Now()
			if err := app.Process.Signal(tc.signal); err != nil {
				t.Fatal(err)
			}
			err := app.Wait()
			took := time.Since(start)
			if err != nil {
				t.Errorf("exit after %v: %v, want a clean exit; stderr:\n%s", tc.signal, err, stderr.String())
			}
			if took > exitWithin {
				t.Errorf("exit took %v after %v, want at most %v", took, tc.signal, exitWithin)
			}
			t.Logf("exited %v after %v", took.Round(time.Millisecond), tc.signal)

			out := filepath.Join(t.TempDir(), "out.json")
			export := exec.Command(bin, "export", "--format", "json", "-o", out, "--db", db, "--workshop", "1")
			export.Env = env
			if msg, err := export.CombinedOutput(); err != nil {
				t.Fatalf("export: %v\n%s", err, msg)
			}
			var exported struct {
				Maps []struct {
					Stages []struct {
						Name string  `json:"name"`
						Wait float64 `json:"wait"`
					} `json:"stages"`
				} `json:"maps"`
			}
			data, _ := os.ReadFile(out)
			if err := json.Unmarshal(data, &exported); err != nil || len(exported.Maps) == 0 {
				t.Fatalf("export: %v\n%s", err, data)
			}
			stages := exported.Maps[0].Stages
			added := stages[len(stages)-1]
			if added.Name != tc.name || added.Wait != 3*480 {
				t.Errorf("last stage = %+v, want %q waiting 3d (1440 minutes)", added, tc.name)
			}
		})
	}
}
