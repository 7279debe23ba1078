package canvas

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"leadline.app/leadline/workshop"
)

// In these tests the view is at zoom 1 with the map's origin at view (40, 40): s1 spans view
// x 40–180, s2 240–380, s3 440–580, all y 40–130. s1's handle is centred on (180, 85).

func TestConnectHandleIsAtLeast24PixelsAndShowsOnTheSelectedCard(t *testing.T) {
	test.NewTempApp(t)
	h := newHarness(t, threeStages(), fyne.NewSize(900, 500))
	for _, zoom := range []float32{0.5, 1, 2} {
		h.view.SetZoom(zoom)
		if size := h.view.cards["s1"].handle.Size(); size.Width < 24 || size.Height < 24 {
			t.Errorf("zoom %v: handle %v, want at least 24×24", zoom, size)
		}
	}
	h.view.SetZoom(1)
	h.view.Select("s1")
	if !h.view.cards["s1"].handle.Visible() || h.view.cards["s2"].handle.Visible() {
		t.Error("the handle should show on the selected card only")
	}
}

func TestConnectingDragsNeverPanAndForgiveAMiss(t *testing.T) {
	for _, tc := range []struct {
		name     string
		fromView bool          // start on the view just beside the handle rather than on it
		end      fyne.Position // where the pointer lets go, in the view
		want     []string      // flows after the drag, besides s1→s2 and s2→s3
	}{
		{"on the handle, onto the card body", false, fyne.NewPos(510, 115), []string{"s1→s3"}},
		{"beside the handle, onto the card body", true, fyne.NewPos(470, 60), []string{"s1→s3"}},
		{"on the handle, just below the card", false, fyne.NewPos(520, 160), []string{"s1→s3"}},
		{"on the handle, onto empty canvas", false, fyne.NewPos(520, 300), nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			test.NewTempApp(t)
			h := newHarness(t, threeStages(), fyne.NewSize(900, 500))
			h.view.Select("s1")
			pan := h.view.pan
			handleCentre := fyne.NewPos(180, 85)
			if tc.fromView {
				start := handleCentre.AddXY(handleRadius+grabSlop/2, 0)
				dragFrom(h.view, start, tc.end.X-start.X, tc.end.Y-start.Y, 8)
			} else {
				dragFrom(h.view.cards["s1"].handle, fyne.NewPos(handleRadius, handleRadius),
					tc.end.X-handleCentre.X, tc.end.Y-handleCentre.Y, 8)
			}
			if h.view.pan != pan {
				t.Errorf("the drag panned the map from %v to %v", pan, h.view.pan)
			}
			h.assertFlows(tc.name, append([]string{"s1→s2", "s2→s3"}, tc.want...)...)
			for _, cmd := range h.commands {
				if _, ok := cmd.(*workshop.AddFlow); !ok {
					t.Errorf("the drag emitted %T", cmd)
				}
			}
		})
	}
}

func TestADragBesideACardMovesItInsteadOfPanning(t *testing.T) {
	test.NewTempApp(t)
	h := newHarness(t, threeStages(), fyne.NewSize(900, 500))
	pan := h.view.pan
	dragFrom(h.view, fyne.NewPos(300, 134), 0, 100, 5) // 4 px below s2's bottom edge
	if h.view.pan != pan {
		t.Errorf("the drag panned the map from %v to %v", pan, h.view.pan)
	}
	if s := h.stage("s2"); s.Y != 100 {
		t.Errorf("s2 is at y %v, want 100", s.Y)
	}
}
