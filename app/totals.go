package app

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"

	"leadline.app/leadline/app/panels"
	"leadline.app/leadline/workshop"
)

// totalsPill floats over the top of the map with the three figures the room asks for first:
// lead time, process time and flow efficiency, the efficiency coloured by its threshold.
type totalsPill struct {
	background *canvas.Rectangle
	figures    *canvas.Text
	efficiency *canvas.Text
	calendar   workshop.Calendar
	forecast   *canvas.Text // "P50 2.4w · P85 3.1w" when the map has ranges
	observed   *canvas.Text // what an event log measured, beside the model's lead time
	content    fyne.CanvasObject
}

func newTotalsPill() *totalsPill {
	p := &totalsPill{
		background: canvas.NewRectangle(color.NRGBA{A: 0}),
		figures:    canvas.NewText("", theme.Color(theme.ColorNameForeground)),
		efficiency: canvas.NewText("", theme.Color(theme.ColorNameForeground)),
		forecast:   canvas.NewText("", theme.Color(theme.ColorNameForeground)),
		observed:   canvas.NewText("", theme.Color(theme.ColorNameForeground)),
	}
	p.background.CornerRadius = 16
	p.background.StrokeWidth = 1
	p.figures.TextSize, p.efficiency.TextSize, p.forecast.TextSize, p.observed.TextSize = 15, 15, 15, 15
	p.efficiency.TextStyle = fyne.TextStyle{Bold: true}
	// The observed lead time of a measured map gets a row of its own, so the pill still fits
	// a 1280-pixel window with the forecast beside the model's figures.
	rows := container.NewVBox(container.NewHBox(p.figures, p.efficiency, p.forecast), container.NewCenter(p.observed))
	pill := container.NewStack(p.background, container.NewPadded(rows))
	// Non-tappable objects let clicks through to the map underneath.
	p.content = container.NewVBox(container.NewHBox(layout.NewSpacer(), pill, layout.NewSpacer()))
	p.content.Hide()
	return p
}

func (p *totalsPill) update(w *workshop.Workshop, m *workshop.Map, mt *workshop.Metrics) {
	if mt == nil || len(mt.CriticalPath) == 0 {
		p.content.Hide()
		return
	}
	cal := w.Calendar
	p.background.FillColor = theme.Color(theme.ColorNameOverlayBackground)
	p.background.StrokeColor = theme.Color(theme.ColorNameSeparator)
	p.figures.Color = theme.Color(theme.ColorNameForeground)
	p.figures.Text = fmt.Sprintf("Lead time %s  ·  Process %s  ·  Flow efficiency",
		workshop.FormatDuration(mt.LeadTime, cal), workshop.FormatDuration(mt.ProcessTime, cal))
	p.efficiency.Text, p.efficiency.Color = panels.EfficiencyFigure(mt) // as the tile shows it
	p.calendar = cal
	p.observed.Color = p.figures.Color
	p.observed.Text = observedText(m, cal)
	if p.observed.Text == "" {
		p.observed.Hide()
	} else {
		p.observed.Show()
	}
	p.content.Show()
	p.content.Refresh()
}

// setForecast shows the forecast's P50 and P85 after the figures, or nothing for a map
// without ranges. It runs on the UI goroutine, after the forecaster's background run.
func (p *totalsPill) setForecast(f *workshop.Forecast) {
	p.forecast.Text = ""
	if f != nil && f.RangesRecorded {
		p.forecast.Text = fmt.Sprintf("  ·  Forecast P50 %s  ·  P85 %s",
			workshop.FormatShort(f.P50, p.calendar), workshop.FormatShort(f.P85, p.calendar))
	}
	p.forecast.Color = theme.Color(theme.ColorNameForeground)
	p.forecast.Refresh()
}

// observedText is the measured lead time of a map built from an event log, or "".
func observedText(m *workshop.Map, cal workshop.Calendar) string {
	if m == nil || m.Observed == nil {
		return ""
	}
	o := m.Observed
	if o.Items == 0 {
		return "Observed: no completed item yet"
	}
	return fmt.Sprintf("Observed P50 %s / P85 %s from %d items",
		workshop.FormatShort(o.P50, cal), workshop.FormatShort(o.P85, cal), o.Items)
}
