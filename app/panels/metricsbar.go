package panels

import (
	"image/color"
	"math"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"leadline.app/leadline/workshop"
)

var _ fyne.Widget = (*MetricsBar)(nil)

// Tile positions in the metrics bar, left to right.
const (
	tileLeadTime = iota
	tileProcessTime
	tileEfficiency
	tileRolledCA
	tileEffort
	tileCount
)

var tileCaptions = [tileCount]string{"LEAD TIME", "PROCESS TIME", "FLOW EFFICIENCY", "ROLLED %C&A", "TOTAL EFFORT"}

// metricTile is one figure of the bar: caption, big value, and the change against a baseline.
type metricTile struct {
	background, accent   *canvas.Rectangle
	caption, value, note *canvas.Text
	valueStatus          status // colours the value and the accent stripe
	noteStatus           status // colours the change against the baseline
	valueFit             *fitText
	root                 fyne.CanvasObject
}

func newMetricTile(caption string) *metricTile {
	t := &metricTile{
		background: canvas.NewRectangle(color.Transparent),
		accent:     canvas.NewRectangle(color.Transparent),
		caption:    newText(caption, 12, true),
		value:      newText("—", 30, true),
		note:       newText(" ", 14, false),
	}
	t.background.CornerRadius = 8
	t.accent.CornerRadius = 3
	t.accent.SetMinSize(fyne.NewSize(6, 0))
	t.valueFit = &fitText{text: t.value, want: t.value.TextSize}
	// The change against a baseline shrinks to its tile too, like the value: five of them at
	// full size made the bar wider than a 1280×720 screen.
	text := container.NewVBox(t.caption, container.New(t.valueFit, t.value), container.New(&fitText{text: t.note, want: t.note.TextSize}, t.note))
	t.root = container.NewStack(t.background,
		container.NewBorder(nil, nil, container.NewPadded(t.accent), nil, container.NewPadded(text)))
	return t
}

// MetricsBar is the row of metric tiles the room reads from the back: lead time, process time,
// flow efficiency, rolled %C&A and total effort, each with its change against the baseline
// for a future state.
type MetricsBar struct {
	widget.BaseWidget
	tiles    [tileCount]*metricTile
	row      *fyne.Container
	errorMsg *widget.Label
	large    bool
}

// NewMetricsBar returns an empty metrics bar; call Update to fill it.
func NewMetricsBar() *MetricsBar {
	b := &MetricsBar{errorMsg: newErrorLabel()}
	b.errorMsg.TextStyle.Bold = true
	tiles := make([]fyne.CanvasObject, tileCount)
	for i := range b.tiles {
		b.tiles[i] = newMetricTile(tileCaptions[i])
		tiles[i] = b.tiles[i].root
	}
	b.row = container.NewGridWithColumns(tileCount, tiles...)
	b.ExtendBaseWidget(b)
	b.restyle()
	return b
}

// CreateRenderer is part of fyne.Widget.
func (b *MetricsBar) CreateRenderer() fyne.WidgetRenderer {
	return &themedRenderer{content: container.NewStack(b.row, container.NewPadded(b.errorMsg)), restyle: b.restyle}
}

// SetLarge switches to presenter sizes: bigger type and full-contrast captions.
func (b *MetricsBar) SetLarge(on bool) {
	b.large = on
	b.restyle()
	b.Refresh()
}

// Update shows the metrics of map figures mt. With err set (or mt nil) the bar shows the error
// in red instead, e.g. a loop of forward flows, so the room never reads stale figures.
func (b *MetricsBar) Update(w *workshop.Workshop, mt *workshop.Metrics, err error) {
	if err != nil || mt == nil {
		b.row.Hide()
		if err != nil {
			b.errorMsg.SetText("Metrics unavailable: " + err.Error())
			b.errorMsg.Show()
		} else {
			b.errorMsg.Hide()
			b.row.Show()
			for _, t := range b.tiles {
				t.set("—", "", statusNeutral, statusNeutral)
			}
		}
		b.restyle()
		b.Refresh()
		return
	}
	b.errorMsg.Hide()
	b.row.Show()
	cal := calendarOf(w)
	base := mt.Baseline
	var before *workshop.Metrics
	if base != nil {
		before = base.Before
	}

	lead, leadStatus := "", statusNeutral
	process, processStatus := "", statusNeutral
	effort, effortStatus := "", statusNeutral
	efficiency, efficiencyNote := "", statusNeutral
	ca, caNote := "", statusNeutral
	if before != nil {
		lead, leadStatus = durationChange(base.LeadTimeChange, before.LeadTime, cal)
		process, processStatus = durationChange(base.ProcessChange, before.ProcessTime, cal)
		effort, effortStatus = durationChange(mt.TotalProcess-before.TotalProcess, before.TotalProcess, cal)
		efficiency, efficiencyNote = pointsChange(base.EfficiencyDiff)
		if mt.CARecorded > 0 && before.CARecorded > 0 {
			ca, caNote = pointsChange(mt.RolledCA - before.RolledCA)
		}
	}
	b.tiles[tileLeadTime].set(workshop.FormatDuration(mt.LeadTime, cal), lead, statusNeutral, leadStatus)
	b.tiles[tileProcessTime].set(workshop.FormatDuration(mt.ProcessTime, cal), process, statusNeutral, processStatus)
	effText, effStatus := efficiencyFigure(mt)
	b.tiles[tileEfficiency].set(effText, efficiency, effStatus, efficiencyNote)
	rolled := "—"
	if mt.CARecorded > 0 {
		rolled = percent(mt.RolledCA)
	}
	b.tiles[tileRolledCA].set(rolled, ca, statusNeutral, caNote)
	b.tiles[tileEffort].set(workshop.FormatDuration(mt.TotalProcess, cal), effort, statusNeutral, effortStatus)
	b.restyle()
	b.Refresh()
}

func (t *metricTile) set(value, note string, valueStatus, noteStatus status) {
	t.value.Text = value
	if note == "" {
		note = " " // keeps the tile height steady between current and future states
	}
	t.note.Text = note
	t.valueStatus, t.noteStatus = valueStatus, noteStatus
}

// restyle applies theme colours and the presenter sizes to every tile.
func (b *MetricsBar) restyle() {
	captionSize, valueSize, noteSize := float32(12), float32(30), float32(14)
	captionColour := theme.Color(theme.ColorNamePlaceHolder)
	if b.large {
		captionSize, valueSize, noteSize = 20, 56, 24
		captionColour = theme.Color(theme.ColorNameForeground)
	}
	b.errorMsg.SizeName = theme.SizeNameText
	if b.large {
		b.errorMsg.SizeName = theme.SizeNameSubHeadingText
	}
	for _, t := range b.tiles {
		t.background.FillColor = theme.Color(theme.ColorNameInputBackground)
		t.caption.Color, t.caption.TextSize = captionColour, captionSize
		t.valueFit.want, t.note.TextSize = valueSize, noteSize
		t.value.Color = statusColour(t.valueStatus)
		t.accent.FillColor = theme.Color(theme.ColorNameSeparator)
		if t.valueStatus != statusNeutral {
			t.accent.FillColor = statusColour(t.valueStatus)
		}
		t.note.Color = captionColour
		if t.noteStatus != statusNeutral {
			t.note.Color = statusColour(t.noteStatus)
		}
	}
}

// fitText lays out one text at its wanted size, or smaller (down to fitTextSmallest of it) when
// its space is narrower, so that a long figure ("14w 3d 4h 30m") fits its tile at 1280×720
// instead of widening the bar, and with it the window, past the screen. It fits the text into
// its space less a right margin of fitTextMargin paddings: a bold figure's last glyph draws a
// little past its measured width, and fitted to the pixel the sample's "3w 3d 5h" ran into the
// edge of the last tile at 1280×720 and read as cut off.
type fitText struct {
	text *canvas.Text
	want float32
}

const (
	fitTextSmallest = 0.55
	fitTextMargin   = 2
)

func (f *fitText) MinSize([]fyne.CanvasObject) fyne.Size {
	full := fyne.MeasureText(f.text.Text, f.want, f.text.TextStyle)
	// The height stays whatever the width: the bar never jumps.
	return fyne.NewSize(full.Width*fitTextSmallest+fitTextMargin*theme.Padding(), full.Height)
}

func (f *fitText) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	textSize := f.want
	room := size.Width - fitTextMargin*theme.Padding()
	if full := fyne.MeasureText(f.text.Text, f.want, f.text.TextStyle); full.Width > room && full.Width > 0 {
		textSize = max(f.want*fitTextSmallest, f.want*room/full.Width)
	}
	if f.text.TextSize != textSize {
		f.text.TextSize = textSize
		f.text.Refresh()
	}
	f.text.Resize(size)
	f.text.Move(fyne.NewPos(0, 0))
}

// durationChange writes a future state's change of a duration, e.g. "−3w (−40 %)"; shorter is
// better.
func durationChange(change, before float64, cal workshop.Calendar) (string, status) {
	if math.Abs(change) < 0.5 { // rounds to "±0m"
		return "no change", statusNeutral
	}
	text := workshop.FormatDurationChange(change, cal)
	if before != 0 {
		text += " (" + workshop.FormatPercentChange(workshop.Percent(change, before)) + ")"
	}
	if change < 0 {
		return text, statusGood
	}
	return text, statusPoor
}

// pointsChange writes a change of a fraction in percentage points, e.g. "+12 pts"; higher is
// better.
func pointsChange(diff float64) (string, status) {
	text := workshop.FormatPointsChange(diff)
	switch {
	case strings.HasPrefix(text, "±"):
		return "no change", statusNeutral
	case diff > 0:
		return text, statusGood
	}
	return text, statusPoor
}
