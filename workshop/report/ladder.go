package report

import (
	"fmt"

	"leadline.app/leadline/workshop"
)

const (
	ladderStagesPerRow = 8
	ladderTotalsWidth  = 50.0
	ladderLaneHeight   = 8.0
	ladderRowHeight    = 46.0
)

// ladderSection draws the timeline ladder along the critical path: each stage's wait as a step
// above the line and its process time below, widths proportional to time. Long paths wrap
// into rows that share one time scale, so widths stay comparable from row to row.
func (b *builder) ladderSection(mt *workshop.Metrics, y float64) float64 {
	y = b.heading("Timeline along the critical path", y)
	b.font(false, 10)
	b.textColour(colourMuted)
	b.text(b.margin, y, b.contentWidth(), 5, "Wait above the line, process time below; widths are proportional to time.", "L")
	y += 8
	path := mt.CriticalPath
	if len(path) == 0 || mt.LeadTime <= 0 {
		b.font(false, 11)
		b.textColour(colourInk)
		b.text(b.margin, y, b.contentWidth(), 6, "No time is recorded on this map yet.", "L")
		return y + 8
	}
	var rows [][]*workshop.Stage
	for start := 0; start < len(path); start += ladderStagesPerRow {
		rows = append(rows, path[start:min(start+ladderStagesPerRow, len(path))])
	}
	longestRow := 0.0
	for _, row := range rows {
		total := 0.0
		for _, s := range row {
			total += s.LeadTime()
		}
		longestRow = max(longestRow, total)
	}
	width := b.contentWidth() - ladderTotalsWidth - 6
	mmPerMinute := width / max(longestRow, 1)
	b.ladderTotals(mt, b.margin+width+6, y)
	number := 1
	for _, row := range rows {
		if y+ladderRowHeight > b.bottom {
			y = b.newPage()
		}
		b.ladderRow(row, number, y, width, mmPerMinute)
		number += len(row)
		y += ladderRowHeight
	}
	return y
}

// ladderRow draws one row of the ladder and the numbered stage labels under it.
func (b *builder) ladderRow(row []*workshop.Stage, firstNumber int, y, width, mmPerMinute float64) {
	waitTop := y + 5
	line := waitTop + ladderLaneHeight
	processBottom := line + ladderLaneHeight
	slotTop := processBottom + 9
	slotW := width / ladderStagesPerRow
	x := b.margin
	b.strokeColour(colourRule)
	b.pdf.SetLineWidth(0.2)
	b.pdf.Line(b.margin, line, b.margin+width, line)
	for i, s := range row {
		waitW, processW := s.Wait*mmPerMinute, s.Process*mmPerMinute
		department := hexColour(workshop.DepartmentColour(s.Department))
		if s.Wait > 0 {
			b.fillColour(colourWait.lighten(0.35))
			b.pdf.Rect(x, waitTop, max(waitW, 0.4), ladderLaneHeight, "F")
		}
		processX := x + waitW
		if s.Process > 0 {
			b.fillColour(department)
			b.pdf.Rect(processX, line, max(processW, 0.5), ladderLaneHeight, "F")
		}
		// The step outline: along the top while waiting, down to the bottom while working.
		b.strokeColour(colourInk)
		b.pdf.SetLineWidth(0.35)
		b.pdf.Line(x, waitTop, processX, waitTop)
		b.pdf.Line(processX, waitTop, processX, processBottom)
		b.pdf.Line(processX, processBottom, processX+processW, processBottom)
		b.pdf.Line(processX+processW, processBottom, processX+processW, waitTop)

		b.font(false, 7)
		b.textColour(colourMuted)
		if label := workshop.FormatShort(s.Wait, b.cal); s.Wait > 0 && b.pdf.GetStringWidth(label)+1 < waitW {
			b.text(x, y, waitW, 4.5, label, "C")
		}
		if label := workshop.FormatShort(s.Process, b.cal); s.Process > 0 && b.pdf.GetStringWidth(label)+1 < processW {
			b.text(processX, processBottom+0.5, processW, 4, label, "C")
		}

		// Bars can be far too thin to label, so every stage gets an evenly spaced slot with a
		// leader line to its place on the ladder.
		slotX := b.margin + float64(i)*slotW
		anchor := processX + processW/2
		b.strokeColour(colourRule.darken(0.2))
		b.pdf.SetLineWidth(0.2)
		b.pdf.Line(anchor, processBottom+0.3, slotX+slotW/2, slotTop-1)
		b.ladderSlot(s, firstNumber+i, slotX, slotTop, slotW-2)
		x = processX + processW
	}
}

func (b *builder) ladderSlot(s *workshop.Stage, number int, x, y, width float64) {
	b.textColour(colourInk)
	lines := b.labelLines(fmt.Sprintf("%d. %s", number, b.clean(s.Name)), width, 3, 7.5, 6)
	for i, line := range lines {
		b.text(x, y+float64(i)*3.4, width, 3.4, line, "C")
	}
	b.font(false, 7)
	b.textColour(colourMuted)
	values := fmt.Sprintf("WT %s · PT %s", workshop.FormatShort(s.Wait, b.cal), workshop.FormatShort(s.Process, b.cal))
	b.text(x, y+float64(len(lines))*3.4+0.5, width, 3.4, b.fit(values, width), "C")
}

// ladderTotals is the box at the end of the ladder with the path's sums.
func (b *builder) ladderTotals(mt *workshop.Metrics, x, y float64) {
	b.fillColour(colourZebra)
	b.strokeColour(colourRule)
	b.pdf.SetLineWidth(0.3)
	b.roundedRect(x, y, ladderTotalsWidth, 36, 2, "1234", "FD")
	lines := []struct {
		label, value string
		colour       rgb
	}{
		{"Lead time", workshop.FormatDuration(mt.LeadTime, b.cal), colourInk},
		{"Wait", workshop.FormatDuration(mt.WaitTime, b.cal), colourWait},
		{"Process", workshop.FormatDuration(mt.ProcessTime, b.cal), colourProcess},
		{"Flow efficiency", percent(mt.FlowEfficiency), efficiencyColour(mt.FlowEfficiency)},
	}
	b.font(true, 8)
	b.textColour(colourMuted)
	b.text(x+3, y+2, ladderTotalsWidth-6, 4, "TOTALS", "L")
	for i, l := range lines {
		ly := y + 8 + float64(i)*6.5
		b.font(false, 8)
		b.textColour(colourMuted)
		b.text(x+3, ly, ladderTotalsWidth-6, 5, l.label, "L")
		b.font(true, 9)
		b.textColour(l.colour)
		b.text(x+3, ly, ladderTotalsWidth-6, 5, b.fit(l.value, 26), "R")
	}
}
