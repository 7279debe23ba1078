package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"leadline.app/leadline/workshop"
)

// comparison sets a future state's figures beside its baseline's: the before/after the room
// discusses once the future state is drawn. It is hidden for maps without a baseline.
type comparison struct {
	title   *widget.Label
	grid    *fyne.Container
	content *fyne.Container
}

func newComparison() *comparison {
	c := &comparison{
		title: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		grid:  container.NewGridWithColumns(4),
	}
	// Scrolled, and at most comparisonHeight tall, when the side panel is small: four columns
	// of compound durations are wider and taller than a 1280×720 screen leaves the panel, and
	// would otherwise grow the window past the screen.
	table := container.NewVBox(c.title, c.grid, widget.NewSeparator())
	c.content = container.New(&capHeight{content: table, limit: comparisonHeight}, container.NewScroll(table))
	c.content.Hide()
	return c
}

func (c *comparison) update(w *workshop.Workshop, mt *workshop.Metrics) {
	if mt == nil || mt.Baseline == nil {
		c.content.Hide()
		return
	}
	b := mt.Baseline
	cal := w.Calendar
	duration := func(m float64) string { return workshop.FormatDuration(m, cal) }
	rows := [][4]string{
		{"", "Before", "After", "Change"},
		{"Lead time", duration(b.Before.LeadTime), duration(mt.LeadTime), signedChange(b.LeadTimeChange, b.Before.LeadTime, cal)},
		{"Process time", duration(b.Before.ProcessTime), duration(mt.ProcessTime), signedChange(b.ProcessChange, b.Before.ProcessTime, cal)},
		{"Wait time", duration(b.Before.WaitTime), duration(mt.WaitTime), signedChange(b.WaitChange, b.Before.WaitTime, cal)},
		{"Flow efficiency", workshop.FormatPercent(b.Before.FlowEfficiency), workshop.FormatPercent(mt.FlowEfficiency),
			workshop.FormatPointsChange(b.EfficiencyDiff)},
	}
	c.title.SetText("Before and after: " + b.Baseline)
	c.grid.RemoveAll()
	for i, row := range rows {
		for j, text := range row {
			label := widget.NewLabel(text)
			if i == 0 || j == 0 {
				label.TextStyle = fyne.TextStyle{Bold: true}
			}
			c.grid.Add(label)
		}
	}
	c.content.Show()
}

// signedChange writes a change in time with its share of the before figure: "−3w (−40 %)".
func signedChange(change, before float64, cal workshop.Calendar) string {
	text := workshop.FormatDurationChange(change, cal)
	if before != 0 {
		text += " (" + workshop.FormatPercentChange(change/before) + ")"
	}
	return text
}

// comparisonHeight is the most the before/after table asks of the side panel's height.
const comparisonHeight = 140

// capHeight asks for its content's height up to a limit and no width, and gives its one child
// (a scroll around the content) all the space it gets.
type capHeight struct {
	content fyne.CanvasObject
	limit   float32
}

func (c *capHeight) MinSize([]fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(0, min(c.content.MinSize().Height, c.limit))
}

func (c *capHeight) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Resize(size)
		o.Move(fyne.NewPos(0, 0))
	}
}
