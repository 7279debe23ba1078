package panels

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"leadline.app/leadline/workshop"
)

var (
	_ fyne.Widget         = (*Ladder)(nil)
	_ fyne.WidgetRenderer = (*ladderRenderer)(nil)
)

// ladderSegment is one step of the ladder: a stage's wait (upper level) or process (lower).
type ladderSegment struct {
	wait    bool
	minutes float64
	stage   int // index into the ladder's stages
	bar     *canvas.Rectangle
	label   *canvas.Text
}

// ladderStage is one stage of the critical path, named under its span of the ladder.
type ladderStage struct {
	fullName string
	name     *canvas.Text
	band     *canvas.Rectangle // department colour under the stage's span
}

// Ladder is the classic VSM timeline ladder along the critical path: waits step up, process
// times step down, each as wide as its share of the lead time, with the totals at the right.
type Ladder struct {
	widget.BaseWidget

	segments   []*ladderSegment
	stages     []*ladderStage
	connectors []*canvas.Line
	totals     [3]*canvas.Text // lead time, process time, efficiency
	divider    *canvas.Line
	empty      *canvas.Text
	efficiency status
	large      bool
}

// NewLadder returns an empty ladder; call Update to fill it.
func NewLadder() *Ladder {
	l := &Ladder{divider: canvas.NewLine(theme.Color(theme.ColorNameSeparator)),
		empty: newText("Connect stages and give them times to draw the timeline", 14, false)}
	for i := range l.totals {
		l.totals[i] = newText("", 14, i == 0)
	}
	l.ExtendBaseWidget(l)
	l.Update(nil, nil)
	return l
}

// SetLarge switches to presenter sizes.
func (l *Ladder) SetLarge(on bool) {
	l.large = on
	l.Refresh()
}

// Update redraws the ladder from the critical path of mt; nil metrics show the empty state.
func (l *Ladder) Update(w *workshop.Workshop, mt *workshop.Metrics) {
	cal := calendarOf(w)
	l.segments, l.stages, l.connectors = l.segments[:0], l.stages[:0], l.connectors[:0]
	if mt != nil {
		for i, s := range mt.CriticalPath {
			l.stages = append(l.stages, &ladderStage{fullName: s.Name, name: newText(s.Name, 12, false),
				band: canvas.NewRectangle(hexColour(workshop.DepartmentColour(s.Department)))})
			for _, seg := range []ladderSegment{{wait: true, minutes: s.Wait, stage: i}, {minutes: s.Process, stage: i}} {
				if seg.minutes <= 0 {
					continue // a step of zero time has nothing to show
				}
				seg.bar = canvas.NewRectangle(theme.Color(theme.ColorNameForeground))
				seg.label = newText(workshop.FormatShort(seg.minutes, cal), 13, true)
				seg.label.Alignment = fyne.TextAlignCenter
				l.segments = append(l.segments, &seg)
			}
		}
		for range len(l.segments) - 1 {
			l.connectors = append(l.connectors, canvas.NewLine(theme.Color(theme.ColorNamePlaceHolder)))
		}
	}
	if len(l.segments) == 0 {
		l.stages = l.stages[:0]
		for i := range l.totals {
			l.totals[i].Text = ""
		}
	} else {
		l.totals[0].Text = "Lead time " + workshop.FormatDuration(mt.LeadTime, cal)
		l.totals[1].Text = "Process " + workshop.FormatDuration(mt.ProcessTime, cal)
		l.totals[2].Text = "Efficiency " + percent(mt.FlowEfficiency)
		l.efficiency = efficiencyStatus(mt.FlowEfficiency)
	}
	l.Refresh()
}

// CreateRenderer is part of fyne.Widget.
func (l *Ladder) CreateRenderer() fyne.WidgetRenderer { return &ladderRenderer{ladder: l} }

// ladderGeometry holds the sizes that scale with presenter mode.
type ladderGeometry struct {
	scale, padding, labelSize, nameSize, labelHeight, nameHeight, step, bar, minSegment float32
}

func (l *Ladder) geometry() ladderGeometry {
	s := float32(1)
	if l.large {
		s = 1.7
	}
	g := ladderGeometry{scale: s, padding: 8 * s, labelSize: 13 * s, nameSize: 12 * s, step: 30 * s, bar: 5 * s, minSegment: 36 * s}
	g.labelHeight = fyne.MeasureText("0", g.labelSize, fyne.TextStyle{Bold: true}).Height
	g.nameHeight = fyne.MeasureText("0", g.nameSize, fyne.TextStyle{}).Height
	return g
}

type ladderRenderer struct {
	ladder *Ladder
}

func (r *ladderRenderer) Destroy() {}

func (r *ladderRenderer) Objects() []fyne.CanvasObject {
	l := r.ladder
	objects := make([]fyne.CanvasObject, 0, 3*len(l.segments)+2*len(l.stages)+6)
	for _, c := range l.connectors {
		objects = append(objects, c)
	}
	for _, s := range l.segments {
		objects = append(objects, s.bar, s.label)
	}
	for _, s := range l.stages {
		objects = append(objects, s.band, s.name)
	}
	if len(l.segments) == 0 {
		return append(objects, l.empty)
	}
	return append(objects, l.divider, l.totals[0], l.totals[1], l.totals[2])
}

func (r *ladderRenderer) MinSize() fyne.Size {
	g := r.ladder.geometry()
	height := 2*g.padding + g.labelHeight + 4*g.scale + g.step + g.bar + 4*g.scale + g.labelHeight + 8*g.scale + g.nameHeight
	return fyne.NewSize(240*g.scale, height)
}

func (r *ladderRenderer) Refresh() {
	l := r.ladder
	g := l.geometry()
	foreground := theme.Color(theme.ColorNameForeground)
	muted := theme.Color(theme.ColorNamePlaceHolder)
	if l.large {
		muted = foreground
	}
	for _, s := range l.segments {
		s.bar.FillColor = theme.Color(theme.ColorNameSuccess)
		if s.wait {
			s.bar.FillColor = theme.Color(theme.ColorNameError)
		}
		s.label.Color, s.label.TextSize = foreground, g.labelSize
	}
	for _, c := range l.connectors {
		c.StrokeColor, c.StrokeWidth = muted, 1.5*g.scale
	}
	for _, s := range l.stages {
		s.name.Color, s.name.TextSize = foreground, g.nameSize
	}
	for i, t := range l.totals {
		t.Color, t.TextSize = foreground, 14*g.scale
		if i == 2 {
			t.Color = statusColour(l.efficiency)
			t.TextStyle.Bold = true
		}
	}
	l.divider.StrokeColor = theme.Color(theme.ColorNameSeparator)
	l.empty.Color, l.empty.TextSize = muted, 14*g.scale
	r.Layout(l.Size())
	canvas.Refresh(l)
}

func (r *ladderRenderer) Layout(size fyne.Size) {
	l := r.ladder
	g := l.geometry()
	if len(l.segments) == 0 {
		l.empty.Move(fyne.NewPos(g.padding, (size.Height-g.nameHeight)/2))
		l.empty.Resize(fyne.NewSize(size.Width-2*g.padding, g.nameHeight))
		return
	}

	totalsWidth := float32(0)
	for _, t := range l.totals {
		totalsWidth = max(totalsWidth, fyne.MeasureText(t.Text, t.TextSize, t.TextStyle).Width)
	}
	totalsLeft := size.Width - g.padding - totalsWidth
	ladderWidth := max(totalsLeft-3*g.padding, 0)

	waitY := g.padding + g.labelHeight + 4*g.scale
	processY := waitY + g.step
	processLabelY := processY + g.bar + 4*g.scale
	bandY := processLabelY + g.labelHeight + 3*g.scale
	nameY := bandY + 5*g.scale

	minutes := make([]float64, len(l.segments))
	for i, s := range l.segments {
		minutes[i] = s.minutes
	}
	widths := segmentWidths(minutes, ladderWidth, g.minSegment)
	x := g.padding
	stageLeft := make([]float32, len(l.stages))
	stageRight := make([]float32, len(l.stages))
	for i := range l.stages {
		stageLeft[i] = -1
	}
	for i, s := range l.segments {
		y := processY
		labelY := processLabelY
		if s.wait {
			y, labelY = waitY, g.padding
		}
		s.bar.Move(fyne.NewPos(x, y))
		s.bar.Resize(fyne.NewSize(widths[i], g.bar))
		s.label.Move(fyne.NewPos(x, labelY))
		s.label.Resize(fyne.NewSize(widths[i], g.labelHeight))
		if i > 0 {
			top, bottom := waitY, processY+g.bar
			if s.wait == l.segments[i-1].wait { // two process steps in a row: a short tick
				top = processY - 6*g.scale
			}
			l.connectors[i-1].Position1 = fyne.NewPos(x, top)
			l.connectors[i-1].Position2 = fyne.NewPos(x, bottom)
		}
		if stageLeft[s.stage] < 0 {
			stageLeft[s.stage] = x
		}
		x += widths[i]
		stageRight[s.stage] = x
	}
	for i, s := range l.stages {
		if stageLeft[i] < 0 { // a stage of zero time: no span, no name
			s.band.Hide()
			s.name.Hide()
			continue
		}
		width := stageRight[i] - stageLeft[i]
		s.band.Show()
		s.name.Show()
		s.band.Move(fyne.NewPos(stageLeft[i]+1, bandY))
		s.band.Resize(fyne.NewSize(max(width-2, 1), 3*g.scale))
		s.name.Text = ellipsize(s.fullName, s.name.TextSize, s.name.TextStyle, width-4)
		s.name.Alignment = fyne.TextAlignCenter
		s.name.Move(fyne.NewPos(stageLeft[i], nameY))
		s.name.Resize(fyne.NewSize(width, g.nameHeight))
	}

	l.divider.Position1 = fyne.NewPos(totalsLeft-1.5*g.padding, g.padding)
	l.divider.Position2 = fyne.NewPos(totalsLeft-1.5*g.padding, size.Height-g.padding)
	lineHeight := fyne.MeasureText("0", 14*g.scale, fyne.TextStyle{Bold: true}).Height
	top := (size.Height - 3*lineHeight) / 2
	for i, t := range l.totals {
		t.Move(fyne.NewPos(totalsLeft, top+float32(i)*lineHeight))
		t.Resize(fyne.NewSize(totalsWidth, lineHeight))
	}
}

// segmentWidths shares width among segments in proportion to their minutes, giving each at
// least minWidth so that a one-hour step beside a six-week wait stays visible. Segments above
// the minimum stay exactly proportional to each other.
func segmentWidths(minutes []float64, width, minWidth float32) []float32 {
	widths := make([]float32, len(minutes))
	if len(minutes) == 0 {
		return widths
	}
	minWidth = min(minWidth, width/float32(len(minutes)))
	atMinimum := make([]bool, len(minutes))
	for {
		free, total := width, 0.0
		for i, m := range minutes {
			if atMinimum[i] {
				free -= minWidth
			} else {
				total += m
			}
		}
		changed := false
		for i, m := range minutes {
			if atMinimum[i] {
				widths[i] = minWidth
				continue
			}
			widths[i] = 0
			if total > 0 {
				widths[i] = float32(m / total * float64(free))
			}
			if widths[i] < minWidth {
				atMinimum[i], changed = true, true
			}
		}
		if !changed {
			return widths
		}
	}
}
