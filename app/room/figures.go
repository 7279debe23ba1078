package room

import (
	"fmt"
	"image/color"
	"math"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	"leadline.app/leadline/app/panels"
	"leadline.app/leadline/workshop"
)

// figuresBand is the band along the bottom edge: the map's title, its three headline figures
// (with the change against the baseline for a future state), and room on the right for the
// overview and the timer.
type figuresBand struct {
	values  []*canvas.Text // lead time, process time, flow efficiency
	labels  []*canvas.Text
	changes []*canvas.Text
	title   []*canvas.Text
	objects []fyne.CanvasObject
	right   float32 // where the figures end: the overview may start here
}

// bandHeightFor is the band's height at a screen scale.
func bandHeightFor(scale float32) float32 {
	sz := sizesAt(scale)
	return textHeight(sz.figureLabel) + textHeight(sz.figure) + 12*scale
}

func drawFigures(w *workshop.Workshop, m *workshop.Map, mt *workshop.Metrics, metricsErr error,
	top, width, scale float32, p palette) *figuresBand {
	sz := sizesAt(scale)
	b := &figuresBand{}
	height := bandHeightFor(scale)
	fill := canvas.NewRectangle(p.bandFill)
	fill.Move(fyne.NewPos(0, top))
	fill.Resize(fyne.NewSize(width, height))
	rule := canvas.NewRectangle(p.bandBorder)
	rule.Move(fyne.NewPos(0, top))
	rule.Resize(fyne.NewSize(width, 2*scale))
	b.objects = append(b.objects, fill, rule)

	x := 24 * scale
	titleWidth := 330 * scale
	lines := []string{w.Name, m.Name}
	if m.State == workshop.Future && !strings.Contains(strings.ToLower(m.Name), "future") {
		lines[1] += " (future state)"
	}
	y := top + (height-2*textHeight(sz.title))/2
	for i, line := range lines {
		t := newText(fitText(line, sz.title, i == 0, titleWidth), sz.title, i == 0, p.text)
		if i == 1 {
			t.Color = p.label
		}
		t.Move(fyne.NewPos(x, y))
		y += textHeight(sz.title)
		b.title = append(b.title, t)
		b.objects = append(b.objects, t)
	}
	x += titleWidth + 24*scale

	labelTop := top + 5*scale
	valueTop := labelTop + textHeight(sz.figureLabel)
	if metricsErr != nil || mt == nil {
		message := "Figures appear once the map has stages and flows"
		if metricsErr != nil {
			message = "No figures: " + metricsErr.Error()
		}
		t := newText(fitText(message, sz.change, false, width-x-420*scale), sz.change, false, p.poor)
		t.Move(fyne.NewPos(x, top+(height-textHeight(sz.change))/2))
		b.objects = append(b.objects, t)
		b.right = x + textWidth(t)
		return b
	}
	cal := w.Calendar
	type figure struct {
		label, value, change string
		colour, changeColour color.Color
	}
	figures := []figure{
		// The full form, as in the editor and the handout: the room must not read "1w 2d" where
		// the laptop says "1w 2d 4h 30m". Only cards and badges are cut to two units.
		{label: "Lead time", value: workshop.FormatDuration(mt.LeadTime, cal), colour: p.text},
		{label: "Process time", value: workshop.FormatDuration(mt.ProcessTime, cal), colour: p.text},
		{label: "Flow efficiency", value: workshop.FormatPercent(mt.FlowEfficiency),
			colour: p.efficiency(mt.FlowEfficiency, panels.EfficiencyGood, panels.EfficiencyFair)},
	}
	if c := mt.Baseline; c != nil {
		figures[0].change, figures[0].changeColour = signedDuration(c.LeadTimeChange, cal), betterWhen(c.LeadTimeChange < 0, c.LeadTimeChange, p)
		figures[1].change, figures[1].changeColour = signedDuration(c.ProcessChange, cal), p.label
		points := math.Round(c.EfficiencyDiff * 100)
		figures[2].change, figures[2].changeColour = workshop.FormatPointsChange(c.EfficiencyDiff), betterWhen(points > 0, points, p)
	} else if o := m.Observed; o != nil && o.Items > 0 {
		// A map measured from an event log: what the items really took, beside the model.
		figures[0].change = fmt.Sprintf("observed P50 %s / P85 %s, %d items",
			workshop.FormatDuration(o.P50, cal), workshop.FormatDuration(o.P85, cal), o.Items)
		figures[0].changeColour = p.label
	}
	for i, f := range figures {
		label := newText(f.label, sz.figureLabel, false, p.label)
		if i == 0 && mt.Baseline != nil {
			label.Text += " vs " + mt.Baseline.Baseline
		}
		label.Move(fyne.NewPos(x, labelTop))
		value := newText(f.value, sz.figure, true, f.colour)
		value.Move(fyne.NewPos(x, valueTop))
		b.labels = append(b.labels, label)
		b.values = append(b.values, value)
		b.objects = append(b.objects, label, value)
		next := x + max(textWidth(value), textWidth(label))
		if f.change != "" {
			change := newText(f.change, sz.change, true, f.changeColour)
			change.Move(fyne.NewPos(x+textWidth(value)+12*scale, valueTop+textHeight(sz.figure)-textHeight(sz.change)-6*scale))
			b.changes = append(b.changes, change)
			b.objects = append(b.objects, change)
			next = max(next, change.Position().X+textWidth(change))
		}
		x = next + 48*scale
	}
	b.right = x
	return b
}

// betterWhen colours a change: green when it improves, red when it worsens, plain when zero.
func betterWhen(better bool, change float64, p palette) color.Color {
	switch {
	case change == 0:
		return p.label
	case better:
		return p.good
	}
	return p.poor
}

func signedDuration(minutes float64, cal workshop.Calendar) string {
	return workshop.FormatDurationChange(minutes, cal)
}

// fitText shortens a title with "…" to fit: titles are context, the stage names are what the
// room must read whole.
func fitText(text string, size float32, bold bool, width float32) string {
	style := fyne.TextStyle{Bold: bold}
	if fyne.MeasureText(text, size, style).Width <= width {
		return text
	}
	runes := []rune(text)
	for n := len(runes) - 1; n > 0; n-- {
		if candidate := string(runes[:n]) + "…"; fyne.MeasureText(candidate, size, style).Width <= width {
			return candidate
		}
	}
	return ""
}
