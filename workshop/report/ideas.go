package report

import (
	"strconv"
	"strings"

	"leadline.app/leadline/workshop"
)

// ideasSection lists the improvement ideas grouped by stage in map order, then for a future
// state compares it with its baseline.
func (b *builder) ideasSection(m *workshop.Map, mt *workshop.Metrics, y float64) float64 {
	y = b.ensure(y, 11+8+3*(tableLineHeight+2*tablePadY))
	y = b.heading("Improvement ideas", y)
	if len(m.Ideas) == 0 {
		b.font(false, 11)
		b.textColour(colourInk)
		b.text(b.margin, y, b.contentWidth(), 6, "No improvement ideas were recorded for this map.", "L")
		y += 10
	} else {
		y = b.table([]column{{"Idea", 72, "L"}, {"Owner", 28, "L"}}, b.ideaRows(m), y) + 8
	}
	if mt.Baseline != nil {
		y = b.comparisonSection(m, mt, y)
	}
	return y
}

// ideaRows groups the ideas under their stage; ideas naming no known stage come last, under
// "Whole value stream".
func (b *builder) ideaRows(m *workshop.Map) []tableRow {
	byStage := map[string][]workshop.Idea{}
	for _, idea := range m.Ideas {
		key := idea.Stage
		if m.Stage(key) == nil {
			key = ""
		}
		byStage[key] = append(byStage[key], idea)
	}
	var rows []tableRow
	addGroup := func(title string, ideas []workshop.Idea) {
		if len(ideas) == 0 {
			return
		}
		rows = append(rows, tableRow{cells: []string{title}, group: true})
		for _, idea := range ideas {
			rows = append(rows, tableRow{cells: []string{b.clean(orDash(idea.Text)), b.clean(orDash(idea.Owner))}})
		}
	}
	for _, s := range m.Stages {
		title := b.clean(s.Name)
		if s.Department != "" {
			title += "  ·  " + b.clean(s.Department)
		}
		addGroup(title, byStage[s.ID])
	}
	addGroup("Whole value stream", byStage[""])
	return rows
}

// comparisonSection sets the future state's figures against its baseline's, then stage by
// stage, matching stages by ID and else by name.
func (b *builder) comparisonSection(m *workshop.Map, mt *workshop.Metrics, y float64) float64 {
	c := mt.Baseline
	before := c.Before
	y = b.ensure(y, 11+8+4*(tableLineHeight+2*tablePadY))
	y = b.heading("Before and after", y)
	b.font(false, 10)
	b.textColour(colourMuted)
	b.text(b.margin, y, b.contentWidth(), 5, b.fit("“"+b.clean(c.Baseline)+"” (before) against “"+b.clean(m.Name)+"” (after).", b.contentWidth()), "L")
	y += 8
	duration := func(v float64) string { return workshop.FormatDuration(v, b.cal) }
	rolled := func(x *workshop.Metrics) string {
		if x.CARecorded == 0 {
			return "—"
		}
		return percent(x.RolledCA)
	}
	changeRow := func(label string, was, now float64, lowerIsBetter bool) tableRow {
		change := now - was
		row := tableRow{cells: []string{label, duration(was), duration(now), workshop.FormatDurationChange(change, b.cal), signedPercent(workshop.Percent(change, was))}, bold: true}
		if change != 0 && (change < 0) == lowerIsBetter {
			row.accent = &colourGood
		}
		return row
	}
	rows := []tableRow{
		changeRow("Lead time", before.LeadTime, mt.LeadTime, true),
		changeRow("Process time (critical path)", before.ProcessTime, mt.ProcessTime, true),
		changeRow("Wait time (critical path)", before.WaitTime, mt.WaitTime, true),
		{cells: []string{"Flow efficiency", percent(before.FlowEfficiency), percent(mt.FlowEfficiency), pointsChange(c.EfficiencyDiff), ""}, bold: true},
		{cells: []string{"Rolled %C&A", rolled(before), rolled(mt), rolledChange(before, mt), ""}, bold: true},
		changeRow("Total effort (all stages)", before.TotalProcess, mt.TotalProcess, true),
	}
	y = b.table([]column{{"Figure", 30, "L"}, {"Before", 17, "R"}, {"After", 17, "R"}, {"Change", 18, "R"}, {"Change %", 18, "R"}}, rows, y) + 8
	return b.stageComparison(b.ws.BaselineOf(m), m, y)
}

// stageComparison shows each stage's wait and process time before and after.
func (b *builder) stageComparison(baseline, future *workshop.Map, y float64) float64 {
	if baseline == nil {
		return y
	}
	match := func(s *workshop.Stage) *workshop.Stage {
		if other := baseline.Stage(s.ID); other != nil && strings.EqualFold(other.Name, s.Name) {
			return other
		}
		for _, other := range baseline.Stages {
			if strings.EqualFold(strings.TrimSpace(other.Name), strings.TrimSpace(s.Name)) {
				return other
			}
		}
		return baseline.Stage(s.ID)
	}
	duration := func(v float64) string { return workshop.FormatDuration(v, b.cal) }
	matched := map[*workshop.Stage]bool{}
	var rows []tableRow
	for _, s := range future.Stages {
		old := match(s)
		waitBefore, processBefore := "new", "new"
		if old != nil {
			matched[old] = true
			waitBefore, processBefore = duration(old.Wait), duration(old.Process)
		}
		row := tableRow{cells: []string{b.clean(s.Name), waitBefore, duration(s.Wait), processBefore, duration(s.Process)}}
		if old != nil && s.LeadTime() < old.LeadTime() {
			row.accent = &colourGood
		}
		rows = append(rows, row)
	}
	for _, old := range baseline.Stages {
		if !matched[old] {
			rows = append(rows, tableRow{cells: []string{b.clean(old.Name), duration(old.Wait), "removed", duration(old.Process), "removed"}, accent: &colourGood})
		}
	}
	y = b.ensure(y, 8+3*(tableLineHeight+2*tablePadY))
	b.font(true, 11)
	b.textColour(colourInk)
	b.text(b.margin, y, b.contentWidth(), 6, "Stage by stage ("+strconv.Itoa(len(rows))+" stages)", "L")
	return b.table([]column{{"Stage", 36, "L"}, {"Wait before", 16, "R"}, {"Wait after", 16, "R"}, {"Process before", 16, "R"}, {"Process after", 16, "R"}}, rows, y+8)
}

func rolledChange(before, after *workshop.Metrics) string {
	if before.CARecorded == 0 || after.CARecorded == 0 {
		return "—"
	}
	return pointsChange(after.RolledCA - before.RolledCA)
}
