package report

import (
	"math"
	"strconv"

	"github.com/jung-kurt/gofpdf"
	"leadline.app/leadline/workshop"
)

type gofpdfPoint = gofpdf.PointType

// stageCard draws one stage as the app does: a department colour band with the short label,
// the wrapped name, and PT / WT / %C&A rows. scale 1 is a 42 × 27 mm card.
func (b *builder) stageCard(s *workshop.Stage, card rect, ctx *mapContext, scale float64) {
	onPath := ctx.critical[s.ID]
	band := hexColour(workshop.DepartmentColour(s.Department))
	b.fillColour(colourWhite)
	b.strokeColour(colourRule.darken(0.15))
	b.draw.SetLineWidth(0.25 * scale)
	if onPath {
		b.strokeColour(colourCritical)
		b.draw.SetLineWidth(0.7 * scale)
	}
	radius := 1.5 * scale
	b.roundedRect(card.x, card.y, card.w, card.h, radius, "1234", "FD")

	bandH := 5.2 * scale
	inset := 0.35 * scale
	b.fillColour(band)
	b.roundedRect(card.x+inset, card.y+inset, card.w-2*inset, bandH, radius*0.8, "12", "F")
	if scale < minTextScale {
		// Too small to read on paper: an overview shows shape and colour, the tiles the text.
		b.cardMarks(s, card, ctx, max(scale, 0.3))
		return
	}
	label := b.clean(workshop.DepartmentShort(s.Department))
	if label == "" {
		label = "—"
	}
	b.font(true, 8*scale)
	if band.isLight() {
		b.textColour(colourInk)
	} else {
		b.textColour(colourWhite)
	}
	pad := 2.0 * scale
	b.text(card.x+pad, card.y+inset, card.w-2*pad, bandH, b.fit(label, card.w*0.5), "L")

	nameSize := 9.5 * scale
	lineH := 3.85 * scale
	b.textColour(colourInk)
	y := card.y + bandH + 1.3*scale
	// Break at spaces only, shrinking a little first: "Vertragsprüfung" stays one word.
	for _, line := range b.labelLines(b.clean(s.Name), card.w-2*pad, 2, nameSize, nameSize*0.8) {
		b.text(card.x+pad, y, card.w-2*pad, lineH, line, "L")
		y += lineH
	}

	rowH := 3.3 * scale
	rowsTop := card.y + card.h - 3*rowH - 1.0*scale
	b.strokeColour(colourRule)
	b.draw.SetLineWidth(0.15 * scale)
	b.draw.Line(card.x+pad, rowsTop-0.4*scale, card.x+card.w-pad, rowsTop-0.4*scale)
	rows := []struct {
		label, value string
		alert        bool
	}{
		{"PT", workshop.WithRange(workshop.FormatDuration(s.Process, b.cal), s.ProcessRange, b.cal), false},
		{"WT", workshop.WithRange(workshop.FormatDuration(s.Wait, b.cal), s.WaitRange, b.cal), ctx.ranks[s.ID] > 0},
		{"%C&A", caText(s), false},
	}
	for i, row := range rows {
		ry := rowsTop + float64(i)*rowH
		b.font(false, 7*scale)
		b.textColour(colourMuted)
		b.text(card.x+pad, ry, card.w*0.3, rowH, row.label, "L")
		b.font(row.alert, 7.3*scale)
		b.textColour(colourInk)
		if row.alert {
			b.textColour(colourDelay)
		}
		valueW := card.w*0.7 - 2*pad
		b.text(card.x+card.w*0.3+pad, ry, valueW, rowH, b.fit(row.value, valueW), "R")
	}
	b.cardMarks(s, card, ctx, scale)
}

// cardMarks puts the delay rank badge and the kaizen burst on a card's corners.
func (b *builder) cardMarks(s *workshop.Stage, card rect, ctx *mapContext, scale float64) {
	if rank := ctx.ranks[s.ID]; rank > 0 {
		b.rankBadge(point{card.x + card.w - 0.5*scale, card.y + 0.5*scale}, rank, scale)
	}
	if n := ctx.ideas[s.ID]; n > 0 {
		b.kaizenBurst(point{card.x + 0.5*scale, card.y + 0.5*scale}, n, scale)
	}
}

// rankBadge is the red numbered disc of a top delay.
func (b *builder) rankBadge(centre point, rank int, scale float64) {
	r := 3.0 * scale
	b.fillColour(colourDelay)
	b.strokeColour(colourWhite)
	b.draw.SetLineWidth(0.5 * scale)
	b.draw.Circle(centre.x, centre.y, r, "FD")
	b.font(true, 7.5*scale)
	b.textColour(colourWhite)
	b.text(centre.x-r, centre.y-r, 2*r, 2*r, strconv.Itoa(rank), "C")
}

// leverBadge numbers a lever in "Where to act first". It is dark and square, not a red disc:
// the levers rank by time saved, the red discs beside them on the map by wait, and a reader
// would take two red "2"s to mean the same stage.
func (b *builder) leverBadge(centre point, rank int, scale float64) {
	r := 3.0 * scale
	b.fillColour(colourInk)
	b.strokeColour(colourWhite)
	b.draw.SetLineWidth(0.5 * scale)
	b.draw.Rect(centre.x-r, centre.y-r, 2*r, 2*r, "FD")
	b.font(true, 7.5*scale)
	b.textColour(colourWhite)
	b.text(centre.x-r, centre.y-r, 2*r, 2*r, strconv.Itoa(rank), "C")
}

// kaizenBurst is the spiky star VSM uses for an improvement idea, with the number of ideas.
func (b *builder) kaizenBurst(centre point, ideas int, scale float64) {
	outer, inner := 3.4*scale, 2.2*scale
	const spikes = 9
	points := make([]gofpdfPoint, 0, 2*spikes)
	for i := 0; i < 2*spikes; i++ {
		radius := outer
		if i%2 == 1 {
			radius = inner
		}
		angle := math.Pi * float64(i) / spikes
		points = append(points, gofpdfPoint{X: centre.x + radius*math.Sin(angle), Y: centre.y - radius*math.Cos(angle)})
	}
	b.fillColour(colourKaizen)
	b.strokeColour(colourKaizen.darken(0.35))
	b.draw.SetLineWidth(0.25 * scale)
	b.draw.Polygon(points, "FD")
	b.font(true, 6*scale)
	b.textColour(colourInk)
	b.text(centre.x-inner, centre.y-inner, 2*inner, 2*inner, strconv.Itoa(ideas), "C")
}
