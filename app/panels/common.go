// Package panels holds the panels around the map canvas: the metrics bar, the longest-delays
// list, the timeline ladder, the department chart, the stage editor, the workshop timer, the
// glossary and the workshop details form. Each is a Fyne widget fed from the workshop model and
// its metrics; edits leave a panel as workshop commands through an OnCommand callback, so the
// app shell keeps one undo history and one autosave path.
//
// The package never imports fyne.io/fyne/v2/app: tests run on fyne.io/fyne/v2/test.
package panels

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"leadline.app/leadline/workshop"
)

// Flow-efficiency thresholds: Martin & Osterling report most office value streams below 10%,
// so 10% already deserves amber and a quarter of the lead time spent working is good.
const (
	EfficiencyGood = 0.25 // at or above: green
	EfficiencyFair = 0.10 // at or above: amber; below: red
)

// status is a traffic-light judgement of a figure.
type status int

const (
	statusNeutral status = iota
	statusGood
	statusFair
	statusPoor
)

// efficiencyStatus judges a flow efficiency (0–1) against the thresholds.
func efficiencyStatus(efficiency float64) status {
	switch {
	case efficiency >= EfficiencyGood:
		return statusGood
	case efficiency >= EfficiencyFair:
		return statusFair
	default:
		return statusPoor
	}
}

// efficiencyFigure is how map figures mt show their flow efficiency: "—" in neutral when the
// map has no lead time, as an empty map's 0 % would read as a bad map, like rolled %C&A with
// nothing recorded; otherwise the percentage judged by the thresholds above.
func efficiencyFigure(mt *workshop.Metrics) (string, status) {
	if mt == nil || mt.LeadTime <= 0 {
		return "—", statusNeutral
	}
	return percent(mt.FlowEfficiency), efficiencyStatus(mt.FlowEfficiency)
}

// EfficiencyFigure is the flow efficiency's text and theme colour, for anything outside this
// package that shows the figure (the totals pill over the map), so it reads as the tile does.
func EfficiencyFigure(mt *workshop.Metrics) (string, color.Color) {
	text, s := efficiencyFigure(mt)
	return text, statusColour(s)
}

// statusColour maps a status onto the theme, so light and dark themes both stay readable.
func statusColour(s status) color.Color {
	switch s {
	case statusGood:
		return theme.Color(theme.ColorNameSuccess)
	case statusFair:
		return theme.Color(theme.ColorNameWarning)
	case statusPoor:
		return theme.Color(theme.ColorNameError)
	}
	return theme.Color(theme.ColorNameForeground)
}

// hexColour reads "#rrggbb" as used by workshop.DepartmentColour.
func hexColour(hex string) color.NRGBA {
	r, g, b := workshop.ColourRGB(hex)
	return color.NRGBA{R: r, G: g, B: b, A: 0xff}
}

// withAlpha returns the colour at a lower opacity, e.g. for the lighter process bars.
func withAlpha(c color.Color, alpha uint8) color.NRGBA {
	r, g, b, _ := c.RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: alpha}
}

// inkOn picks black or white text for a coloured chip by its luminance.
func inkOn(c color.NRGBA) color.Color {
	if 299*int(c.R)+587*int(c.G)+114*int(c.B) > 150_000 {
		return color.Black
	}
	return color.White
}

// calendarOf tolerates a nil workshop (panels may be updated before one is open).
func calendarOf(w *workshop.Workshop) workshop.Calendar {
	if w == nil {
		return workshop.DefaultCalendar
	}
	return w.Calendar
}

// percent writes a fraction the one way the app and the handout write it (workshop/percent.go).
func percent(fraction float64) string { return workshop.FormatPercent(fraction) }

// newText returns a canvas text in the given theme colour name, size and weight.
func newText(text string, size float32, bold bool) *canvas.Text {
	t := canvas.NewText(text, theme.Color(theme.ColorNameForeground))
	t.TextSize = size
	t.TextStyle.Bold = bold
	return t
}

// ellipsize shortens text with "…" until it fits width at the text's size and style.
func ellipsize(text string, size float32, style fyne.TextStyle, width float32) string {
	if fyne.MeasureText(text, size, style).Width <= width {
		return text
	}
	runes := []rune(text)
	for n := len(runes) - 1; n > 0; n-- {
		candidate := strings.TrimSpace(string(runes[:n])) + "…"
		if fyne.MeasureText(candidate, size, style).Width <= width {
			return candidate
		}
	}
	return ""
}

// themedRenderer shows one content object and re-reads theme colours on every Refresh, so a
// switch between light, dark and projector themes recolours the canvas primitives too.
type themedRenderer struct {
	content fyne.CanvasObject
	restyle func()
}

func (r *themedRenderer) Layout(size fyne.Size)        { r.content.Resize(size) }
func (r *themedRenderer) MinSize() fyne.Size           { return r.content.MinSize() }
func (r *themedRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.content} }
func (r *themedRenderer) Destroy()                     {}
func (r *themedRenderer) Refresh() {
	if r.restyle != nil {
		r.restyle()
	}
	r.content.Refresh()
}

// newErrorLabel is the red message shown beside a field holding text it cannot use.
func newErrorLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	return l
}

// showError shows err on the label, or hides it for nil.
func showError(l *widget.Label, err error) {
	if err == nil {
		l.Hide()
		l.SetText("")
		return
	}
	l.SetText(err.Error())
	l.Show()
}

// newHintLabel is a small italic line that explains a field without shouting; low importance
// would grey it out like a disabled field, too faint to read on a projector.
func newHintLabel() *widget.Label {
	l := widget.NewLabel("")
	l.SizeName = theme.SizeNameCaptionText
	l.TextStyle.Italic = true
	return l
}

// fieldCaption is the small bold caption above an input field.
func fieldCaption(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.SizeName = theme.SizeNameCaptionText
	return l
}
