package panels

import (
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"leadline.app/leadline/workshop"
)

func TestSegmentWidths(t *testing.T) {
	for _, tc := range []struct {
		name     string
		minutes  []float64
		width    float32
		minWidth float32
		want     []float32
	}{
		{"proportional", []float64{100, 300}, 400, 10, []float32{100, 300}},
		{"tiny step kept at the minimum", []float64{1, 500, 500}, 420, 20, []float32{20, 200, 200}},
		{"minimum shrinks to fit", []float64{1, 1, 1, 1}, 40, 20, []float32{10, 10, 10, 10}},
		{"empty", nil, 100, 10, []float32{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := segmentWidths(tc.minutes, tc.width, tc.minWidth)
			if len(got) != len(tc.want) {
				t.Fatalf("%d widths, want %d", len(got), len(tc.want))
			}
			for i := range got {
				if math.Abs(float64(got[i]-tc.want[i])) > 0.01 {
					t.Errorf("widths %v, want %v", got, tc.want)
					break
				}
			}
		})
	}
}

// chain returns a map whose stages run one after the other.
func chain(stages ...workshop.Stage) (*workshop.Workshop, *workshop.Map) {
	w := workshop.NewWorkshop("Ladder")
	m := &workshop.Map{ID: "m1", Name: "Chain", State: workshop.Current}
	for i := range stages {
		s := stages[i]
		m.Stages = append(m.Stages, &s)
		if i > 0 {
			m.Flows = append(m.Flows, workshop.Flow{From: stages[i-1].ID, To: s.ID})
		}
	}
	w.Maps = []*workshop.Map{m}
	return w, m
}

func TestLadderSegmentWidthsFollowTime(t *testing.T) {
	test.NewTempApp(t)
	w, m := chain(
		workshop.Stage{ID: "a", Name: "Request", Wait: 240, Process: 120},
		workshop.Stage{ID: "b", Name: "Approve", Wait: 480, Process: 1}, // one minute: kept visible
		workshop.Stage{ID: "c", Name: "Build", Process: 360},            // no wait: no wait step
	)
	ladder := NewLadder()
	window := test.NewTempWindow(t, ladder)
	window.Resize(fyne.NewSize(1200, 140))
	ladder.Update(w, mustCompute(t, w, m))

	if len(ladder.segments) != 5 {
		t.Fatalf("%d segments, want 5 (the zero wait has none)", len(ladder.segments))
	}
	width := func(i int) float32 { return ladder.segments[i].bar.Size().Width }
	ratio := func(a, b int) float64 { return float64(width(a) / width(b)) }
	for _, tc := range []struct {
		name string
		got  float64
		want float64
	}{
		{"request wait ÷ request process", ratio(0, 1), 2},
		{"approve wait ÷ request wait", ratio(2, 0), 2},
		{"build process ÷ request process", ratio(4, 1), 3},
	} {
		if math.Abs(tc.got-tc.want) > 0.01 {
			t.Errorf("%s = %.3f, want %v", tc.name, tc.got, tc.want)
		}
	}
	if got, want := width(3), ladder.geometry().minSegment; got != want {
		t.Errorf("one-minute step is %v wide, want the minimum %v", got, want)
	}
	for i, s := range ladder.segments {
		onTop := s.bar.Position().Y < ladder.segments[1].bar.Position().Y
		if s.wait && i != 1 && !onTop {
			t.Errorf("wait segment %d is not above the process segments", i)
		}
		if i > 0 && s.bar.Position().X != ladder.segments[i-1].bar.Position().X+width(i-1) {
			t.Errorf("segment %d does not start where segment %d ends", i, i-1)
		}
	}
	// 240 + 120 + 480 + 1 + 360 = 1201 minutes = 2 eight-hour days, 4 hours and a minute.
	if ladder.totals[0].Text != "Lead time 2d 4h 1m" {
		t.Errorf("lead time total %q", ladder.totals[0].Text)
	}

	// The ladder follows its container.
	window.Resize(fyne.NewSize(600, 140))
	if width(4) >= 360 || math.Abs(ratio(4, 1)-3) > 0.01 {
		t.Errorf("after shrinking: build step %v wide, ratio %.3f", width(4), ratio(4, 1))
	}
}

func TestLadderAndMetricsBarGoldens(t *testing.T) {
	test.NewTempApp(t)
	w, m := ideaToCustomer(t)
	mt := mustCompute(t, w, m)
	ladder := NewLadder()
	ladder.Update(w, mt)
	window := test.NewTempWindow(t, ladder)
	window.SetPadded(false)
	window.Resize(fyne.NewSize(1000, 130))
	test.AssertRendersToMarkup(t, "ladder.xml", window.Canvas())
	test.AssertRendersToImage(t, "ladder.png", window.Canvas())

	bar := NewMetricsBar()
	bar.Update(w, mt, nil)
	window = test.NewTempWindow(t, bar)
	window.SetPadded(false)
	window.Resize(fyne.NewSize(1000, 120))
	test.AssertRendersToMarkup(t, "metricsbar.xml", window.Canvas())
	test.AssertRendersToImage(t, "metricsbar.png", window.Canvas())
}
