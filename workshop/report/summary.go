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

// summaryPage opens a map's section with the whole story on one page, for the manager who
// reads no further: who and when, the headline figures, a small map with the top delays
// marked, where to act first, the change against the baseline and the forecast.
func (b *builder) summaryPage(m *workshop.Map, mt *workshop.Metrics, levers []workshop.Lever, forecast *workshop.Forecast) {
	b.opening[b.pdf.PageNo()+1] = true
	y := b.newPage() + 2
	width := b.contentWidth()
	b.font(true, 22)
	b.textColour(colourInk)
	for _, line := range b.wrapMax(b.clean(b.ws.Name), width, 2) {
		b.text(b.margin, y, width, 10, line, "L")
		y += 10
	}
	b.font(false, 13)
	b.textColour(colourMuted)
	b.text(b.margin, y+0.5, width, 7, b.fit(b.subtitle(m, mt), width), "L")
	y += 10

	y = b.infoBlock(y)
	y = b.tiles(b.headlineTiles(mt), y+3)
	y += 6
	gap := 8.0
	leftW := width * 0.57
	right := rect{x: b.margin + leftW + gap, y: y, w: width - leftW - gap, h: b.bottom - y}
	mapBottom := b.miniMap(m, mt, rect{x: b.margin, y: y, w: leftW, h: b.bottom - y})
	ry := b.actFirst(m, levers, right)
	if mt.Baseline != nil {
		ry = b.beforeAfter(mt, rect{right.x, ry + 4, right.w, b.bottom - ry - 4})
	}
	if forecast != nil {
		ry = b.forecastPanel(forecast, rect{right.x, ry + 4, right.w, b.bottom - ry - 4})
	}
	// The findings and notes go under a wide map's picture when there is room, else on the right.
	rest := rect{right.x, ry + 4, right.w, b.bottom - ry - 4}
	if b.bottom-mapBottom > 30 {
		rest = rect{b.margin, mapBottom + 5, leftW, b.bottom - mapBottom - 5}
	}
	end := b.keyFindings(m, mt, rest)
	b.workshopNotes(rect{rest.x, end + 3, rest.w, rest.y + rest.h - end - 3})
}

// workshopNotes fills what is left of an area with the workshop's notes.
func (b *builder) workshopNotes(area rect) {
	notes := strings.TrimSpace(b.ws.Notes)
	if notes == "" || area.h < 14 {
		return
	}
	y := b.panelCaption("WORKSHOP NOTES", area)
	b.font(false, 9)
	b.textColour(colourInk)
	for _, line := range b.wrapMax(b.clean(notes), area.w, max(int((area.y+area.h-y)/4.4), 1)) {
		b.text(area.x, y, area.w, 4.4, line, "L")
		y += 4.4
	}
}

// subtitle names the map and its state once: a map named after the workshop (a one-map file)
// or after its state is not named again.
func (b *builder) subtitle(m *workshop.Map, mt *workshop.Metrics) string {
	name := strings.TrimSpace(m.Name)
	state := stateLabel(m.State)
	subtitle := b.clean(name) + " — " + state
	if strings.EqualFold(name, state) || strings.EqualFold(name, strings.TrimSpace(b.ws.Name)) {
		subtitle = strings.ToUpper(state[:1]) + state[1:]
	}
	if mt.Baseline != nil {
		subtitle += ", improving on “" + b.clean(mt.Baseline.Baseline) + "”"
	}
	return subtitle
}

// infoBlock writes date, facilitator and participants side by side, leaving out those not
// recorded, and returns the y below them (y itself when none is recorded).
func (b *builder) infoBlock(y float64) float64 {
	participants := make([]string, 0, len(b.ws.Participants))
	for _, p := range b.ws.Participants {
		if p = strings.TrimSpace(p); p != "" {
			participants = append(participants, b.clean(p))
		}
	}
	type field struct {
		label, value string
		weight       float64
	}
	var fields []field
	for _, f := range []field{
		{"DATE", b.clean(strings.TrimSpace(b.ws.Date)), 0.16},
		{"FACILITATOR", b.clean(strings.TrimSpace(b.ws.Facilitator)), 0.22},
		{"PARTICIPANTS", strings.Join(participants, ", "), 0},
	} {
		if f.value != "" {
			fields = append(fields, f)
		}
	}
	if len(fields) == 0 {
		return y
	}
	x, bottom := b.margin, y
	for i, f := range fields {
		width := b.contentWidth()*f.weight - 4
		if i == len(fields)-1 || f.weight == 0 {
			width = b.margin + b.contentWidth() - x
		}
		b.font(true, 7.5)
		b.textColour(colourMuted)
		b.text(x, y, width, 4, f.label, "L")
		b.font(false, 10)
		b.textColour(colourInk)
		lines := b.wrapMax(f.value, width, 2)
		for l, line := range lines {
			b.text(x, y+4.5+float64(l)*4.6, width, 4.6, line, "L")
		}
		bottom = max(bottom, y+4.5+float64(len(lines))*4.6)
		x += width + 4
	}
	return bottom + 1
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
		b.roundedRect(x, y, width, height, 2, "1234", "FD")
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

// keyFindings states in words where the time goes, for readers who skip the tables, as far
// as the area holds.
func (b *builder) keyFindings(m *workshop.Map, mt *workshop.Metrics, area rect) float64 {
	if area.h < 14 {
		return area.y
	}
	var findings []string
	if len(mt.LongestDelays) > 0 {
		d := mt.LongestDelays[0]
		findings = append(findings, fmt.Sprintf("The longest wait is before “%s” (%s): %s, %s of the lead time.",
			b.clean(d.Stage.Name), b.clean(orDash(d.Stage.Department)), workshop.FormatDuration(d.Stage.Wait, b.cal), percent(d.ShareOfLead)))
	}
	if len(mt.Departments) > 0 && mt.Departments[0].Wait > 0 {
		dep := mt.Departments[0]
		findings = append(findings, fmt.Sprintf("%s holds the most waiting: %s over %d stage%s.",
			b.clean(orDash(dep.Name)), workshop.FormatDuration(dep.Wait, b.cal), dep.Stages, plural(dep.Stages)))
	}
	findings = append(findings, fmt.Sprintf("%d stages, %d on the critical path; total hands-on effort %s; %d improvement idea%s.",
		len(m.Stages), len(mt.CriticalPath), workshop.FormatDuration(mt.TotalProcess, b.cal), len(m.Ideas), plural(len(m.Ideas))))
	y := b.panelCaption("KEY FINDINGS", area)
	b.font(false, 9)
	b.textColour(colourInk)
	for _, f := range findings {
		lines := b.wrapMax(f, area.w-5, 3)
		if y+float64(len(lines))*4.4 > area.y+area.h {
			return y
		}
		b.fillColour(colourDelay)
		b.pdf.Circle(area.x+1, y+2.2, 0.8, "F")
		for _, line := range lines {
			b.text(area.x+4, y, area.w-5, 4.4, line, "L")
			y += 4.4
		}
		y += 1.2
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

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}
