package app

import (
	"strconv"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"leadline.app/leadline/app/room"
	"leadline.app/leadline/workshop"
)

func TestChooseRoomPlacement(t *testing.T) {
	for _, c := range []struct {
		secondDisplay, ownWindow bool
		want                     roomPlacement
	}{
		{false, false, roomTakesOver},
		{false, true, roomInOwnWindow},
		{true, false, roomOnSecondScreen},
		{true, true, roomOnSecondScreen},
	} {
		if got := chooseRoomPlacement(c.secondDisplay, c.ownWindow); got != c.want {
			t.Errorf("second display %v, own-window setting %v: placement %d, want %d", c.secondDisplay, c.ownWindow, got, c.want)
		}
	}
}

// With one screen the room view takes over the window and Escape brings the editor back.
func TestRoomViewTakesOverOneScreen(t *testing.T) {
	ui := newTestUI(t)
	ui.secondDisplay = func() bool { return false }
	editing := ui.Window().Content()
	ui.togglePresenter()
	if _, ok := ui.Window().Content().(*room.View); !ok || !ui.presenting || ui.roomWindow != nil {
		t.Fatalf("the room view did not take over the window (content %T)", ui.Window().Content())
	}
	ui.windowKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if ui.presenting || ui.Window().Content() != editing {
		t.Fatal("Escape did not return to the editor")
	}
}

// F11 and Escape reach the window even while the map view has the keyboard focus.
func TestRoomKeysWorkWhileMapFocused(t *testing.T) {
	ui := newTestUI(t)
	ui.secondDisplay = func() bool { return false }
	ui.Window().Canvas().Focus(ui.editor.mapView)
	ui.editor.mapView.TypedKey(&fyne.KeyEvent{Name: fyne.KeyF11})
	if !ui.presenting {
		t.Fatal("F11 on the focused map did not open the room view")
	}
	ui.windowKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	if ui.room.Focus() == "" {
		t.Error("Space in the room view did not step to the first stage of the critical path")
	}
	ui.windowKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if ui.presenting {
		t.Fatal("Escape did not leave the room view")
	}
}

// Clicking a card in the room view leaves the timer on screen (presenter mode used to hide it).
func TestClickInRoomViewKeepsTimer(t *testing.T) {
	ui := newTestUI(t)
	ui.secondDisplay = func() bool { return false }
	ui.Window().Resize(fyne.NewSize(1920, 1080))
	ui.togglePresenter()
	before := test.WidgetRenderer(ui.room).Objects()
	timer := before[len(before)-1]
	pos, size := timer.Position(), timer.Size()
	test.TapCanvas(ui.Window().Canvas(), fyne.NewPos(300, 200))
	test.TapCanvas(ui.Window().Canvas(), fyne.NewPos(960, 300))
	after := test.WidgetRenderer(ui.room).Objects()
	if after[len(after)-1] != timer || !timer.Visible() || timer.Position() != pos || timer.Size() != size {
		t.Error("a click in the room view moved or hid the timer")
	}
	if _, ok := ui.Window().Content().(*room.View); !ok {
		t.Error("a click left the room view")
	}
}

// With a second display (or the setting on) the room view gets its own window, the editor
// stays in the main one, and every edit shows in the room at once.
func TestRoomViewOwnWindowFollowsEdits(t *testing.T) {
	for _, c := range []struct {
		name          string
		secondDisplay bool
		setting       bool
		fullScreen    bool
	}{
		{"second display", true, false, true},
		{"setting on one screen", false, true, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			ui := newTestUI(t)
			ui.secondDisplay = func() bool { return c.secondDisplay }
			if err := ui.lib.SetSetting(roomOwnWindowSetting, strconv.FormatBool(c.setting)); err != nil {
				t.Fatal(err)
			}
			editing := ui.Window().Content()
			ui.togglePresenter()
			if ui.roomWindow == nil {
				t.Fatal("the room view got no window of its own")
			}
			if ui.Window().Content() != editing {
				t.Error("the editor left the main window")
			}
			if ui.roomWindow.Content() != ui.room {
				t.Error("the room window does not show the room view")
			}
			if ui.roomWindow.FullScreen() != c.fullScreen {
				t.Errorf("room window full screen = %v, want %v", ui.roomWindow.FullScreen(), c.fullScreen)
			}
			ui.roomWindow.Resize(fyne.NewSize(1280, 720))
			e := ui.editor
			if err := e.apply(&workshop.EditStage{MapID: "m1", StageID: "b", Stage: renamed(e, "b", "Release approval")}); err != nil {
				t.Fatal(err)
			}
			if !roomShows(ui.roomWindow, "Release") || !roomShows(ui.roomWindow, "approval") {
				t.Error("the rename did not show in the room window")
			}
			ui.roomKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
			if ui.presenting || ui.roomWindow != nil {
				t.Error("Escape in the room window did not end presenting")
			}
		})
	}
}

func renamed(e *editor, id, name string) workshop.Stage {
	s := *e.session.currentMap().Stage(id)
	s.Name = name
	return s
}

func roomShows(w fyne.Window, text string) bool {
	found := false
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch obj := o.(type) {
		case *canvas.Text:
			found = found || obj.Text == text
		case fyne.Widget:
			for _, child := range test.WidgetRenderer(obj).Objects() {
				walk(child)
			}
		}
	}
	walk(w.Content())
	return found
}

// Leaving the room view gives the editor back the size it had, not the full screen's: a window
// left at 1920×1080 on a laptop hides Present and the side panel, and was remembered as the size
// to reopen at.
func TestLeavingTheRoomRestoresTheWindowSize(t *testing.T) {
	ui := newTestUI(t)
	ui.Window().Resize(fyne.NewSize(1440, 900))
	before := ui.Window().Canvas().Size()
	ui.togglePresenter()
	if !ui.presenting || ui.roomWindow != nil {
		t.Fatal("the room view did not take the window over")
	}
	ui.Window().Resize(fyne.NewSize(1920, 1080)) // what full screen does to it
	ui.togglePresenter()
	if got := ui.Window().Canvas().Size(); got != before {
		t.Errorf("after the room view the window is %v, want %v as before", got, before)
	}
}

// After the room view the editor measures itself in the editor's theme again: its toolbar had
// kept the projector's text sizes and asked for 1510 px, wider than a 1280×720 screen.
func TestLeavingTheRoomFitsASmallScreenAgain(t *testing.T) {
	ui := newTestUI(t)
	ui.FitScreen(1280, 720)
	ui.togglePresenter()
	ui.togglePresenter()
	if min := ui.editor.content.MinSize(); min.Width > 1280 || min.Height > 720 {
		t.Errorf("after the room view the editor needs %v, more than a 1280×720 screen", min)
	}
}
