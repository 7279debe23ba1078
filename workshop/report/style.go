package report

import (
	"strings"
	"unicode/utf8"

	"github.com/jung-kurt/gofpdf"
	"leadline.app/leadline/workshop"
)

// rgb is a colour as gofpdf takes it.
type rgb struct{ r, g, b int }

// The handout's palette: near-black ink, two greys, and red kept for delays alone so that red
// always means "attack this first".
var (
	colourInk      = rgb{31, 41, 55}
	colourMuted    = rgb{107, 114, 128}
	colourRule     = rgb{209, 213, 219}
	colourZebra    = rgb{246, 247, 249}
	colourHeaderBg = rgb{229, 231, 235}
	colourDelay    = rgb{200, 40, 40}
	colourCritical = rgb{17, 24, 39}
	colourArrow    = rgb{140, 147, 160}
	colourRework   = rgb{214, 120, 40}
	colourProcess  = rgb{46, 139, 87}
	colourWait     = rgb{222, 110, 75}
	colourGood     = rgb{34, 139, 34}
	colourBad      = rgb{200, 40, 40}
	colourKaizen   = rgb{245, 190, 30}
	colourWhite    = rgb{255, 255, 255}
)

// hexColour reads "#rrggbb" as used by workshop.DepartmentColour.
func hexColour(hex string) rgb {
	r, g, b := workshop.ColourRGB(hex)
	return rgb{int(r), int(g), int(b)}
}

// lighten mixes the colour with white; amount 0 keeps it, 1 gives white.
func (c rgb) lighten(amount float64) rgb {
	mix := func(v int) int { return v + int(float64(255-v)*amount) }
	return rgb{mix(c.r), mix(c.g), mix(c.b)}
}

// darken mixes the colour with black.
func (c rgb) darken(amount float64) rgb {
	mix := func(v int) int { return int(float64(v) * (1 - amount)) }
	return rgb{mix(c.r), mix(c.g), mix(c.b)}
}

// isLight tells whether dark text reads better than white on this colour.
func (c rgb) isLight() bool {
	return 0.299*float64(c.r)+0.587*float64(c.g)+0.114*float64(c.b) > 150
}

func (b *builder) font(bold bool, size float64) {
	style := ""
	if bold {
		style = "B"
	}
	b.draw.SetFont(fontFamily, style, size)
}

func (b *builder) textColour(c rgb)   { b.draw.SetTextColor(c.r, c.g, c.b) }
func (b *builder) fillColour(c rgb)   { b.draw.SetFillColor(c.r, c.g, c.b) }
func (b *builder) strokeColour(c rgb) { b.draw.SetDrawColor(c.r, c.g, c.b) }

// roundedRect draws a rounded rectangle. gofpdf's RoundedRect saves the graphics state ("q")
// and never restores it, so every card left one state open: the map's ClipEnd then closed a
// card's state instead of the clip, and the footer and anything drawn after the map were
// clipped away. The "Q" here closes what RoundedRect opened.
// A picture's surface has no such state to close.
func (b *builder) roundedRect(x, y, w, h, radius float64, corners, style string) {
	b.draw.RoundedRect(x, y, w, h, radius, corners, style)
	if pdf, ok := b.draw.(*gofpdf.Fpdf); ok {
		pdf.RawWriteStr("Q\n")
	}
}

// text writes one line with its top-left corner at x, y, aligned within width.
func (b *builder) text(x, y, width, height float64, s, align string) {
	b.draw.SetXY(x, y)
	b.draw.CellFormat(width, height, s, "", 0, align, false, 0, "")
}

// heading writes a section heading and returns the y below it.
func (b *builder) heading(title string, y float64) float64 {
	b.font(true, 16)
	b.textColour(colourInk)
	b.text(b.margin, y, b.contentWidth(), 9, title, "L")
	return y + 11
}

// fit shortens an already cleaned text with an ellipsis until it fits width in the current
// font. Used only where wrapping has no room: footers, badges, axis labels.
func (b *builder) fit(s string, width float64) string {
	if b.draw.GetStringWidth(s) <= width {
		return s
	}
	head, _, _ := b.cutAtWidth(s, width-b.draw.GetStringWidth("…"), false)
	return strings.TrimSpace(head) + "…"
}

// wrap breaks an already cleaned text into lines no wider than width in the current font.
// Words longer than a line are broken between characters, so nothing ever overflows a cell.
// Each word is measured once and each character of an overlong word once, so wrapping stays
// linear in the length of the text: a 20,000-character name must not take seconds.
func (b *builder) wrap(s string, width float64) []string {
	return b.wrapLines(s, width, -1)
}

// wrapLines wraps as wrap does, stopping once it has more than limit lines (limit < 0: all).
func (b *builder) wrapLines(s string, width float64, limit int) []string {
	words := strings.Fields(s)
	if len(words) == 0 {
		return []string{""}
	}
	space := b.draw.GetStringWidth(" ")
	var lines []string
	var line strings.Builder
	lineWidth := 0.0
	full := func() bool { return limit >= 0 && len(lines) > limit }
	for _, word := range words {
		wordWidth := b.draw.GetStringWidth(word)
		if line.Len() > 0 && lineWidth+space+wordWidth <= width {
			line.WriteByte(' ')
			line.WriteString(word)
			lineWidth += space + wordWidth
			continue
		}
		if line.Len() > 0 {
			lines = append(lines, line.String())
			line.Reset()
		}
		for wordWidth > width && !full() {
			head, tail, headWidth := b.cutAtWidth(word, width, true)
			lines = append(lines, head)
			word, wordWidth = tail, wordWidth-headWidth
		}
		if full() {
			return lines
		}
		line.WriteString(word)
		lineWidth = wordWidth
	}
	return append(lines, line.String())
}

// labelLines wraps a short label at spaces only, in bold: "Vertragsprüfung" must never come
// out as "Vertragsprüfun g". It shrinks the font from largest to smallest until every word fits
// the width; a word that still does not fit is cut short with an ellipsis. It leaves the font
// set at the size it chose.
func (b *builder) labelLines(s string, width float64, maxLines int, largest, smallest float64) []string {
	words := strings.Fields(s)
	size := largest
	for ; size > smallest; size -= 0.5 {
		b.font(true, size)
		if b.wordsFit(words, width) && len(b.wrapWords(words, width)) <= maxLines {
			break
		}
	}
	size = max(size, smallest)
	b.font(true, size)
	lines := b.wrapWords(words, width)
	if len(lines) > maxLines {
		lines = lines[:maxLines]
		lines[maxLines-1] = b.fit(lines[maxLines-1]+"…", width)
	}
	return lines
}

func (b *builder) wordsFit(words []string, width float64) bool {
	for _, w := range words {
		if b.draw.GetStringWidth(w) > width {
			return false
		}
	}
	return true
}

// wrapWords fills lines word by word, never breaking a word: one too long for a line is
// shortened with an ellipsis.
func (b *builder) wrapWords(words []string, width float64) []string {
	if len(words) == 0 {
		return []string{""}
	}
	var lines []string
	line := ""
	for _, word := range words {
		if b.draw.GetStringWidth(word) > width {
			word = b.fit(word, width)
		}
		if line == "" {
			line = word
			continue
		}
		if candidate := line + " " + word; b.draw.GetStringWidth(candidate) <= width {
			line = candidate
			continue
		}
		lines = append(lines, line)
		line = word
	}
	return append(lines, line)
}

// wrapMax wraps and keeps at most maxLines, marking the cut with an ellipsis.
func (b *builder) wrapMax(s string, width float64, maxLines int) []string {
	lines := b.wrapLines(s, width, maxLines)
	if len(lines) <= maxLines {
		return lines
	}
	kept := lines[:maxLines]
	kept[maxLines-1] = b.fit(kept[maxLines-1]+" "+lines[maxLines]+"…", width)
	return kept
}

// cutAtWidth splits s after the most characters that fit width, measuring each character
// once, and returns the head's width; with atLeastOne, the head keeps one character even if it
// does not fit.
func (b *builder) cutAtWidth(s string, width float64, atLeastOne bool) (head, tail string, headWidth float64) {
	used := 0.0
	for i, r := range s {
		runeWidth := b.draw.GetStringWidth(string(r))
		if used+runeWidth > width {
			if i == 0 && atLeastOne {
				size := utf8.RuneLen(r)
				if size < 0 {
					size = 1
				}
				return s[:size], s[size:], runeWidth
			}
			return s[:i], s[i:], used
		}
		used += runeWidth
	}
	return s, "", used
}

// percent and signedPercent write fractions the one way the app and the handout write them
// (workshop/percent.go): "16 %", "−42 %".
func percent(fraction float64) string       { return workshop.FormatPercent(fraction) }
func signedPercent(fraction float64) string { return workshop.FormatPercentChange(fraction) }
