package report

import (
	"fmt"
	"strings"

	"leadline.app/leadline/workshop"
)

// tile is one headline figure on the summary page.
type tile struct {
	label  string
	value  string
	colour rgb
	note   string // small line under the value
	change string // for a future state: the change against the baseline
	better bool   // whether the change is an improvement, which colours it
}

// summaryPage opens a map's section: who, when, and the four headline figures.
func (b *builder) summaryPage(m *workshop.Map, mt *workshop.Metrics) {
	y := b.newPage() + 4
	width := b.contentWidth()
	b.font(true, 24)
	b.textColour(colourInk)
	for _, line := range b.wrapMax(b.clean(b.ws.Name), width, 2) {
		b.text(b.margin, y, width, 11, line, "L")
		y += 11
	}
	b.font(false, 14)
	b.textColour(colourMuted)
	subtitle := b.clean(m.Name) + " — " + stateLabel(m.State)
	if strings.EqualFold(strings.TrimSpace(m.Name), stateLabel(m.State)) {
		subtitle = b.clean(m.Name)
	}
	if mt.Baseline != nil {
		subtitle += ", improving on “" + b.clean(mt.Baseline.Baseline) + "”"
	}
	b.text(b.margin, y+1, width, 8, b.fit(subtitle, width), "L")
	y += 14

	y = b.infoBlock(y)
	y = b.tiles(b.headlineTiles(mt), y+6)
	y = b.keyFindings(m, mt, y+8)
	if notes := strings.TrimSpace(b.ws.Notes); notes != "" && y < b.bottom-20 {
		b.font(true, 9)
		b.textColour(colourMuted)
		b.text(b.margin, y+4, width, 5, "WORKSHOP NOTES", "L")
		b.font(false, 10)
		b.textColour(colourInk)
		maxLines := int((b.bottom - y - 12) / 5)
		for i, line := range b.wrapMax(b.clean(notes), width, max(maxLines, 1)) {
			b.text(b.margin, y+10+float64(i)*5, width, 5, line, "L")
		}
	}
}

// infoBlock writes date, facilitator and participants side by side.
func (b *builder) infoBlock(y float64) float64 {
	participants := make([]string, 0, len(b.ws.Participants))
	for _, p := range b.ws.Participants {
		if p = strings.TrimSpace(p); p != "" {
			participants = append(participants, b.clean(p))
		}
	}
	fields := []struct{ label, value string }{
		{"DATE", orDash(b.clean(b.ws.Date))},
		{"FACILITATOR", orDash(b.clean(b.ws.Facilitator))},
		{"PARTICIPANTS", orDash(strings.Join(participants, ", "))},
	}
	weights := []float64{0.18, 0.22, 0.60}
	x, bottom := b.margin, y
	for i, f := range fields {
		width := b.contentWidth()*weights[i] - 4
		b.font(true, 8)
		b.textColour(colourMuted)
		b.text(x, y, width, 4, f.label, "L")
		b.font(false, 11)
		b.textColour(colourInk)
		lines := b.wrapMax(f.value, width, 4)
		for l, line := range lines {
			b.text(x, y+5+float64(l)*5, width, 5, line, "L")
		}
		bottom = max(bottom, y+5+float64(len(lines))*5)
		x += b.contentWidth() * weights[i]
	}
	return bottom
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}

func (b *builder) headlineTiles(mt *workshop.Metrics) []tile {
	rolled := "—"
	rolledNote := "no %C&A recorded"
	if mt.CARecorded > 0 {
		rolled = percent(mt.RolledCA)
		rolledNote = fmt.Sprintf("over %d stage%s with %%C&A", mt.CARecorded, plural(mt.CARecorded))
	}
	tiles := []tile{
		{label: "LEAD TIME", value: workshop.FormatDuration(mt.LeadTime, b.cal), colour: colourInk,
			note: "along the critical path"},
		{label: "PROCESS TIME", value: workshop.FormatDuration(mt.ProcessTime, b.cal), colour: colourInk,
			note: "hands-on work on that path"},
		{label: "FLOW EFFICIENCY", value: percent(mt.FlowEfficiency), colour: efficiencyColour(mt.FlowEfficiency),
			note: "process time ÷ lead time"},
		{label: "ROLLED %C&A", value: rolled, colour: colourInk, note: rolledNote},
	}
	if c := mt.Baseline; c != nil {
		before := c.Before
		tiles[0].change, tiles[0].better = b.durationChange(c.LeadTimeChange, before.LeadTime), c.LeadTimeChange < 0
		tiles[1].change, tiles[1].better = b.durationChange(c.ProcessChange, before.ProcessTime), c.ProcessChange < 0
		tiles[2].change, tiles[2].better = pointsChange(c.EfficiencyDiff)+" vs "+percent(before.FlowEfficiency), c.EfficiencyDiff > 0
		if mt.CARecorded > 0 && before.CARecorded > 0 {
			diff := mt.RolledCA - before.RolledCA
			tiles[3].change, tiles[3].better = pointsChange(diff)+" vs "+percent(before.RolledCA), diff > 0
		}
	}
	return tiles
}

// durationChange writes e.g. "−3w 2d (−42 %) vs 8w".
func (b *builder) durationChange(change, before float64) string {
	return fmt.Sprintf("%s (%s) vs %s", workshop.FormatDurationChange(change, b.cal),
		signedPercent(workshop.Percent(change, before)), workshop.FormatDuration(before, b.cal))
}

// pointsChange writes a difference of two fractions in percentage points.
func pointsChange(diff float64) string { return workshop.FormatPointsChange(diff) }

func efficiencyColour(efficiency float64) rgb {
	switch {
	case efficiency >= 0.25:
		return colourGood
	case efficiency >= 0.10:
		return rgb{196, 130, 0}
	}
	return colourBad
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// tiles draws the headline figures as a row of boxes and returns the y below them.
func (b *builder) tiles(tiles []tile, y float64) float64 {
	gap := 5.0
	width := (b.contentWidth() - gap*float64(len(tiles)-1)) / float64(len(tiles))
	height := 32.0
	for _, t := range tiles {
		if t.change != "" {
			height = 38
		}
	}
	for i, t := range tiles {
		x := b.margin + float64(i)*(width+gap)
		b.fillColour(colourZebra)
		b.strokeColour(colourRule)
		b.pdf.SetLineWidth(0.3)
		b.pdf.RoundedRect(x, y, width, height, 2, "1234", "FD")
		b.fillColour(t.colour)
		b.pdf.Rect(x, y+3, 1.2, height-6, "F")
		b.font(true, 8)
		b.textColour(colourMuted)
		b.text(x+5, y+4, width-8, 4, t.label, "L")
		b.shrinkToFit(t.value, width-8, 20, 12)
		b.textColour(t.colour)
		b.text(x+5, y+10, width-8, 10, b.fit(t.value, width-8), "L")
		b.font(false, 8)
		b.textColour(colourMuted)
		b.text(x+5, y+22, width-8, 4, b.fit(t.note, width-8), "L")
		if t.change != "" {
			colour := colourBad
			if t.better {
				colour = colourGood
			}
			b.shrinkToFit(t.change, width-8, 8.5, 7)
			b.textColour(colour)
			b.text(x+5, y+28, width-8, 5, b.fit(t.change, width-8), "L")
		}
	}
	return y + height
}

// keyFindings states in words where the time goes, for readers who skip the tables.
func (b *builder) keyFindings(m *workshop.Map, mt *workshop.Metrics, y float64) float64 {
	var findings []string
	if len(mt.LongestDelays) > 0 {
		d := mt.LongestDelays[0]
		findings = append(findings, fmt.Sprintf("The longest delay is before “%s” (%s): work waits %s, %s of the lead time.",
			b.clean(d.Stage.Name), b.clean(orDash(d.Stage.Department)), workshop.FormatDuration(d.Stage.Wait, b.cal), percent(d.ShareOfLead)))
	}
	if len(mt.Departments) > 0 && mt.Departments[0].Wait > 0 {
		dep := mt.Departments[0]
		findings = append(findings, fmt.Sprintf("%s holds the most waiting: %s over %d stage%s.",
			b.clean(orDash(dep.Name)), workshop.FormatDuration(dep.Wait, b.cal), dep.Stages, plural(dep.Stages)))
	}
	findings = append(findings, fmt.Sprintf("%d stages, %d on the critical path; total hands-on effort %s; %d improvement idea%s.",
		len(m.Stages), len(mt.CriticalPath), workshop.FormatDuration(mt.TotalProcess, b.cal), len(m.Ideas), plural(len(m.Ideas))))
	b.font(true, 9)
	b.textColour(colourMuted)
	b.text(b.margin, y, b.contentWidth(), 5, "KEY FINDINGS", "L")
	y += 6
	b.font(false, 11)
	b.textColour(colourInk)
	for _, f := range findings {
		lines := b.wrapMax(f, b.contentWidth()-6, 3)
		b.fillColour(colourDelay)
		b.pdf.Circle(b.margin+1.2, y+2.6, 0.9, "F")
		for _, line := range lines {
			b.text(b.margin+5, y, b.contentWidth()-6, 5.5, line, "L")
			y += 5.5
		}
		y += 1.5
	}
	return y
}

// shrinkToFit sets the bold font at the largest size from largest down to smallest at which s
// fits width; long durations such as "9w 1d 4h 15m" then stay whole in a tile.
func (b *builder) shrinkToFit(s string, width, largest, smallest float64) {
	size := largest
	for ; size > smallest; size -= 0.5 {
		b.font(true, size)
		if b.pdf.GetStringWidth(s) <= width {
			return
		}
	}
	b.font(true, smallest)
}
