package room

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	"leadline.app/leadline/workshop"
)

// typeSizes are the room view's text sizes at one screen scale, in view units. The base sizes
// are for 1920×1080 (scale 1) and follow the room rule (README, "Present (the room view)"): the farthest viewer sits at
// most ~200× the character height away, so 8 m needs names of 28 px and times of 22 px.
// Names use 29 so that two thirds of it (1280×720) still makes the 19 px.
type typeSizes struct {
	name, value, label, department float32
	badge, delayWait               float32
	figure, figureLabel, change    float32
	title, timer                   float32
}

func sizesAt(scale float32) typeSizes {
	return typeSizes{
		name: 29 * scale, value: 24 * scale, label: 18 * scale, department: 18 * scale,
		// The rank badge is at least as large as the names, and a top-three wait is the
		// largest text on its card.
		badge: 31 * scale, delayWait: 34 * scale,
		figure: 52 * scale, figureLabel: 18 * scale, change: 22 * scale,
		title: 22 * scale, timer: 44 * scale,
	}
}

// times scales every size by f (the grid's zoom for a small map).
func (t typeSizes) times(f float32) typeSizes {
	return typeSizes{t.name * f, t.value * f, t.label * f, t.department * f, t.badge * f,
		t.delayWait * f, t.figure, t.figureLabel, t.change, t.title, t.timer}
}

// Card geometry at 1920×1080 and zoom 1, in view units.
const (
	cardBaseWidth = 230
	cardPad       = 10
	bandBase      = 26
	barBase       = 8
	lineSpacing   = 1.12 // name line pitch over the name size
)

// cardMetricsFor sizes the card at zoom 1 for names of nameLines lines.
func cardMetricsFor(scale float32, nameLines int) cardMetrics {
	sz := sizesAt(scale)
	height := (bandBase+6)*scale + float32(nameLines)*sz.name*lineSpacing + 4*scale +
		baseline(sz.delayWait) + (barGap+barBase+cardPad)*scale
	return cardMetrics{width: cardBaseWidth * scale, height: height,
		gapX: 40 * scale, gapY: 12 * scale, rowGap: 40 * scale}
}

// barGap is the space between the times' baseline and the wait bar.
const barGap = 7

func textHeight(size float32) float32 {
	return fyne.MeasureText("Mg", size, fyne.TextStyle{Bold: true}).Height
}

// baseline is how far below a text's top its baseline lies: texts of different sizes on one
// row line up on it, as in print.
func baseline(size float32) float32 {
	_, base := fyne.CurrentApp().Driver().RenderedTextSize("Mg", size, fyne.TextStyle{Bold: true}, nil)
	return base
}

// cardLook is what one card shows.
type cardLook struct {
	stage          *workshop.Stage
	critical       bool
	rank           int     // 1–3 for the three longest delays, else 0
	waitShare      float64 // wait ÷ the map's longest wait, for the bar
	wait, process  string
	focused        bool
	departmentName string
}

// cardObjects are the canvas objects of one drawn card; tests read the texts' real sizes.
type cardObjects struct {
	id         string
	pos        fyne.Position
	size       fyne.Size
	name       []*canvas.Text
	department *canvas.Text
	wait       *canvas.Text
	process    *canvas.Text
	labels     []*canvas.Text
	badge      *canvas.Text // nil unless among the three longest delays
	objects    []fyne.CanvasObject
}

// drawCard builds a card at pos of the grid's card size.
func drawCard(look cardLook, pos fyne.Position, g grid, sz typeSizes, scale float32, p palette) *cardObjects {
	u := scale * g.zoom
	c := &cardObjects{id: look.stage.ID, pos: pos, size: fyne.NewSize(g.cardW, g.cardH)}
	fill, border, text, borderWidth := p.quietFill, p.quietBorder, p.quietText, 1.5*u
	switch {
	case look.rank > 0:
		fill, border, text, borderWidth = p.delayFill, p.delayBorder, p.text, 3*u
	case look.critical:
		fill, border, text, borderWidth = p.cardFill, p.cardBorder, p.text, 2.5*u
	}
	if look.focused {
		ring := canvas.NewRectangle(nil)
		ring.StrokeColor, ring.StrokeWidth, ring.CornerRadius = p.focusRing, 4*u, 14*u
		ring.Move(pos.SubtractXY(7*u, 7*u))
		ring.Resize(c.size.AddWidthHeight(14*u, 14*u))
		c.objects = append(c.objects, ring)
	}
	frame := canvas.NewRectangle(fill)
	frame.StrokeColor, frame.StrokeWidth, frame.CornerRadius = border, borderWidth, 10*u
	frame.Move(pos)
	frame.Resize(c.size)
	band := canvas.NewRectangle(p.departmentBand(look.departmentName, fill))
	band.TopLeftCornerRadius, band.TopRightCornerRadius = 10*u, 10*u
	band.Move(pos.AddXY(borderWidth/2, borderWidth/2))
	band.Resize(fyne.NewSize(g.cardW-borderWidth, bandBase*u-borderWidth/2))
	stripe := canvas.NewRectangle(parseHex(workshop.DepartmentColour(look.departmentName)))
	stripe.TopLeftCornerRadius, stripe.TopRightCornerRadius = 10*u, 10*u
	stripe.Move(band.Position())
	stripe.Resize(fyne.NewSize(band.Size().Width, 5*u))
	c.objects = append(c.objects, frame, band, stripe)

	inner := g.cardW - 2*cardPad*u
	badgeRoom := float32(0)
	if look.rank > 0 {
		badgeRoom = sz.badge * 1.1
	}
	c.department = newText(departmentLabel(look.departmentName, sz.department, inner-badgeRoom), sz.department, true, p.text)
	c.department.Move(pos.AddXY(cardPad*u, 4*u+(bandBase*u-4*u-textHeight(sz.department))/2))
	c.objects = append(c.objects, c.department)

	y := pos.Y + (bandBase+6)*u
	for _, line := range wrapName(look.stage.Name, sz.name, inner) {
		t := newText(line, sz.name, true, text)
		t.Move(fyne.NewPos(pos.X+cardPad*u, y))
		c.name = append(c.name, t)
		c.objects = append(c.objects, t)
		y += sz.name * lineSpacing
	}

	barY := pos.Y + g.cardH - (cardPad+barBase)*u
	rowBaseline := barY - barGap*u
	waitSize, waitColour := sz.value, text
	if look.rank > 0 {
		waitSize, waitColour = sz.delayWait, p.delayText
	}
	waitLabel := newText("wait", sz.label, false, labelColour(look, p))
	c.wait = newText(look.wait, waitSize, true, waitColour)
	workLabel := newText("work", sz.label, false, labelColour(look, p))
	c.process = newText(look.process, sz.value, true, text)
	left := pos.X + cardPad*u
	waitLabel.Move(fyne.NewPos(left, rowBaseline-baseline(sz.label)))
	c.wait.Move(fyne.NewPos(left+textWidth(waitLabel)+5*u, rowBaseline-baseline(waitSize)))
	right := pos.X + g.cardW - cardPad*u
	c.process.Move(fyne.NewPos(right-textWidth(c.process), rowBaseline-baseline(sz.value)))
	workLabel.Move(fyne.NewPos(c.process.Position().X-5*u-textWidth(workLabel), rowBaseline-baseline(sz.label)))
	c.labels = []*canvas.Text{waitLabel, workLabel}
	c.objects = append(c.objects, waitLabel, c.wait, workLabel, c.process)

	// The wait bar: proportional to the longest wait on the map, so the eye finds the biggest
	// queue without reading a number.
	track := canvas.NewRectangle(p.barTrack)
	track.CornerRadius = barBase * u / 2
	track.Move(fyne.NewPos(left, barY))
	track.Resize(fyne.NewSize(inner, barBase*u))
	barColour := p.barFill
	if look.rank > 0 {
		barColour = p.barDelay
	}
	bar := canvas.NewRectangle(barColour)
	bar.CornerRadius = barBase * u / 2
	bar.Move(track.Position())
	bar.Resize(fyne.NewSize(max(inner*float32(look.waitShare), 0), barBase*u))
	c.objects = append(c.objects, track, bar)
	if look.waitShare <= 0 {
		bar.Hide()
	}

	if look.rank > 0 {
		diameter := sz.badge * 1.45
		disc := canvas.NewCircle(p.badgeFill)
		disc.StrokeColor, disc.StrokeWidth = p.background, 3*u
		disc.Move(fyne.NewPos(pos.X+g.cardW-diameter*0.8, pos.Y-diameter*0.35))
		disc.Resize(fyne.NewSize(diameter, diameter))
		c.badge = newText(string(rune('0'+look.rank)), sz.badge, true, p.badgeText)
		c.badge.Move(disc.Position().AddXY((diameter-textWidth(c.badge))/2, (diameter-textHeight(sz.badge))/2))
		c.objects = append(c.objects, disc, c.badge)
	}
	return c
}

func labelColour(look cardLook, p palette) color.Color {
	if look.critical || look.rank > 0 {
		return p.label
	}
	return p.quietText
}

// departmentLabel is the department's name on the band, or its short form where the name does
// not fit: the colour is never the only cue.
func departmentLabel(name string, size, width float32) string {
	if strings.TrimSpace(name) == "" {
		return "No department"
	}
	if fyne.MeasureText(name, size, fyne.TextStyle{Bold: true}).Width <= width {
		return name
	}
	return workshop.DepartmentShort(name)
}

// wrapName breaks a stage name into lines no wider than width at the name size, at spaces
// where it can and inside a word only where one word alone is wider: the room view never cuts
// a name short.
func wrapName(name string, size, width float32) []string {
	style := fyne.TextStyle{Bold: true}
	fits := func(s string) bool { return fyne.MeasureText(s, size, style).Width <= width }
	var lines []string
	line := ""
	for _, word := range strings.Fields(name) {
		candidate := strings.TrimSpace(line + " " + word)
		if fits(candidate) {
			line = candidate
			continue
		}
		if line != "" {
			lines = append(lines, line)
		}
		line = word
		for !fits(line) {
			runes := []rune(line)
			cut := len(runes) - 1
			for cut > 1 && !fits(string(runes[:cut])) {
				cut--
			}
			lines = append(lines, string(runes[:cut]))
			line = string(runes[cut:])
		}
	}
	if line != "" || len(lines) == 0 {
		lines = append(lines, line)
	}
	return lines
}

func newText(s string, size float32, bold bool, c color.Color) *canvas.Text {
	t := canvas.NewText(s, c)
	t.TextSize = size
	t.TextStyle.Bold = bold
	return t
}

func textWidth(t *canvas.Text) float32 {
	return fyne.MeasureText(t.Text, t.TextSize, t.TextStyle).Width
}
