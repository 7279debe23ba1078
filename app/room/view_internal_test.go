package room

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"leadline.app/leadline/app/panels"
)

// roomSizes are the two screens the room rules are written for, with the smallest sizes the
// issue asks for there. At 1280×720 everything is two thirds of 1080p, except that names must
// still reach 19 px.
var roomSizes = []struct {
	name                                  string
	size                                  fyne.Size
	minName, minTime, minFigure, minPlain float32
}{
	{"1080p", fyne.NewSize(1920, 1080), 28, 22, 48, 16},
	{"720p", fyne.NewSize(1280, 720), 19, 22 * 2 / 3.0, 48 * 2 / 3.0, 16 * 2 / 3.0},
}

// showRoom lays a room view of src out in a test window of the given size.
func showRoom(t *testing.T, src Source, size fyne.Size) (*View, fyne.Window) {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(fixedVariant{theme.DefaultTheme(), theme.VariantLight})
	v := NewView(src, panels.NewTimer())
	w := test.NewTempWindow(t, v)
	w.SetPadded(false)
	w.Resize(size)
	if v.scene == nil || v.scene.size != size {
		t.Fatalf("the view was not laid out at %v", size)
	}
	return v, w
}

// renderedTexts collects every canvas.Text the window really draws.
func renderedTexts(w fyne.Window) map[*canvas.Text]bool {
	texts := map[*canvas.Text]bool{}
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if !o.Visible() {
			return
		}
		switch obj := o.(type) {
		case *canvas.Text:
			texts[obj] = true
		case fyne.Widget:
			for _, child := range test.WidgetRenderer(obj).Objects() {
				walk(child)
			}
		case *fyne.Container:
			for _, child := range obj.Objects {
				walk(child)
			}
		}
	}
	walk(w.Canvas().Content())
	return texts
}

func TestRoomViewTextSizesAndFit(t *testing.T) {
	maps := []struct {
		name   string
		src    func(*testing.T) *fixedSource
		stages int
	}{
		{"7 stages", func(*testing.T) *fixedSource { return sevenStages() }, 7},
		{"16-stage sample", func(t *testing.T) *fixedSource { return sampleSource(t, 0) }, 16},
	}
	for _, screen := range roomSizes {
		for _, m := range maps {
			t.Run(m.name+" at "+screen.name, func(t *testing.T) {
				src := m.src(t)
				v, w := showRoom(t, src, screen.size)
				s := v.scene
				if pages := len(s.grid.pages); pages != 1 {
					t.Fatalf("%d stages take %d screens, want one", m.stages, pages)
				}
				if len(s.cards) != m.stages {
					t.Fatalf("%d cards on screen, want %d", len(s.cards), m.stages)
				}
				drawn := renderedTexts(w)
				badges := 0
				for _, c := range s.cards {
					stage := src.m.Stage(c.id)
					checkCardInside(t, c, s)
					checkNameWhole(t, c, stage.Name, s.grid.cardW-2*cardPad*s.scale*s.grid.zoom)
					for _, name := range c.name {
						atLeast(t, stage.Name+" name", name, screen.minName, drawn)
					}
					atLeast(t, stage.Name+" wait", c.wait, screen.minTime, drawn)
					atLeast(t, stage.Name+" process", c.process, screen.minTime, drawn)
					if c.badge != nil {
						badges++
						atLeast(t, stage.Name+" badge", c.badge, c.name[0].TextSize, drawn)
						for _, other := range append(append(c.name, c.labels...), c.process, c.department) {
							if other.TextSize >= c.wait.TextSize {
								t.Errorf("%s: %q (%.1f) is not smaller than the top-three wait (%.1f)", stage.Name, other.Text, other.TextSize, c.wait.TextSize)
							}
						}
					}
				}
				if badges != 3 {
					t.Errorf("%d ranked badges, want the top three", badges)
				}
				if len(s.figures.values) != 3 {
					t.Fatalf("%d figures, want lead time, process time and flow efficiency", len(s.figures.values))
				}
				for _, f := range s.figures.values {
					atLeast(t, "figure", f, screen.minFigure, drawn)
				}
				for text := range drawn {
					if text.Text != "" && text.TextSize < screen.minPlain {
						t.Errorf("%q is drawn at %.1f px, below %.1f", text.Text, text.TextSize, screen.minPlain)
					}
				}
			})
		}
	}
}

func atLeast(t *testing.T, what string, text *canvas.Text, minSize float32, drawn map[*canvas.Text]bool) {
	t.Helper()
	if text == nil {
		t.Errorf("%s: no text", what)
		return
	}
	if !drawn[text] {
		t.Errorf("%s %q is not on the canvas", what, text.Text)
	}
	if text.TextSize < minSize {
		t.Errorf("%s %q is %.1f px, want at least %.1f", what, text.Text, text.TextSize, minSize)
	}
}

// checkNameWhole: the lines of a name put back together are the name, each within the card.
func checkNameWhole(t *testing.T, c *cardObjects, name string, inner float32) {
	t.Helper()
	var joined []string
	for _, line := range c.name {
		if strings.Contains(line.Text, "…") {
			t.Errorf("name %q is cut: %q", name, line.Text)
		}
		if width := textWidth(line); width > inner+0.5 {
			t.Errorf("name %q line %q is %.0f wide, the card holds %.0f", name, line.Text, width, inner)
		}
		if line.Position().X < c.pos.X || line.Position().X+textWidth(line) > c.pos.X+c.size.Width {
			t.Errorf("name %q line %q sticks out of its card", name, line.Text)
		}
		joined = append(joined, line.Text)
	}
	if got := strings.Join(joined, " "); strings.Join(strings.Fields(got), "") != strings.Join(strings.Fields(name), "") {
		t.Errorf("name lines %q do not add up to %q", joined, name)
	}
}

// checkCardInside: the card, its badge included, lies on screen above the figures band.
func checkCardInside(t *testing.T, c *cardObjects, s *scene) {
	t.Helper()
	top := c.pos.Y
	if c.badge != nil {
		top = min(top, c.badge.Position().Y)
	}
	if c.pos.X < 0 || top < 0 || c.pos.X+c.size.Width > s.size.Width || c.pos.Y+c.size.Height > s.bandTop {
		t.Errorf("card %s at %v size %v is outside the map area %v (band at %.0f)", c.id, c.pos, c.size, s.size, s.bandTop)
	}
}

// Clicking a card in the room view puts the focus ring on it and moves nothing else: the
// bug this replaces hid the timer and clipped the delays list after a click.
func TestRoomViewClickKeepsTimerAndFigures(t *testing.T) {
	for _, screen := range roomSizes {
		t.Run(screen.name, func(t *testing.T) {
			v, w := showRoom(t, sampleSource(t, 0), screen.size)
			timerPos, timerSize := v.timer.Position(), v.timer.Size()
			var figures []fyne.Position
			for _, f := range v.scene.figures.values {
				figures = append(figures, f.Position())
			}
			target := v.scene.cards[5]
			test.TapCanvas(w.Canvas(), target.pos.AddXY(target.size.Width/2, target.size.Height/2))
			if v.Focus() != target.id {
				t.Fatalf("focus = %q after clicking card %s", v.Focus(), target.id)
			}
			if !v.timer.Visible() || v.timer.Position() != timerPos || v.timer.Size() != timerSize {
				t.Errorf("the timer moved or vanished: %v %v → %v %v", timerPos, timerSize, v.timer.Position(), v.timer.Size())
			}
			if !renderedObject(w, v.timer) {
				t.Error("the timer is no longer drawn after the click")
			}
			drawn := renderedTexts(w)
			for i, f := range v.scene.figures.values {
				if f.Position() != figures[i] || !drawn[f] {
					t.Errorf("figure %q moved or vanished", f.Text)
				}
			}
			if v.scene.cards[5].pos != target.pos {
				t.Error("the clicked card moved")
			}
		})
	}
}

func renderedObject(w fyne.Window, want fyne.CanvasObject) bool {
	for _, o := range test.WidgetRenderer(w.Canvas().Content().(fyne.Widget)).Objects() {
		if o == want {
			return true
		}
	}
	return false
}

// The golden images are what a person approved by eye (see TestLook); a change to the look
// shows up here.
func TestRoomViewGolden(t *testing.T) {
	for _, screen := range roomSizes {
		for _, m := range []struct {
			name string
			src  func(*testing.T) *fixedSource
		}{{"seven", func(*testing.T) *fixedSource { return sevenStages() }}, {"sample", func(t *testing.T) *fixedSource { return sampleSource(t, 0) }}} {
			t.Run(m.name+" "+screen.name, func(t *testing.T) {
				_, w := showRoom(t, m.src(t), screen.size)
				test.AssertImageMatches(t, "room_"+m.name+"_"+screen.name+".png", w.Canvas().Capture())
			})
		}
	}
}
