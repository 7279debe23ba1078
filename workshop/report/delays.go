package report

import (
	"fmt"
	"strconv"

	"leadline.app/leadline/workshop"
)

// delaysSection ranks the stages by wait time and returns the y below the ranking.
func (b *builder) delaysSection(mt *workshop.Metrics) float64 {
	y := b.heading("Longest delays", b.newPage())
	b.font(false, 10)
	b.textColour(colourMuted)
	b.text(b.margin, y, b.contentWidth(), 5,
		"Stages ranked by how long work waits before they start. The top three are marked red on the map.", "L")
	y += 8
	if len(mt.LongestDelays) == 0 {
		b.font(false, 11)
		b.textColour(colourInk)
		b.text(b.margin, y, b.contentWidth(), 6, "No stage of this map has a wait time recorded.", "L")
		return y + 8
	}
	columns := []column{
		{"Rank", 6, "C"},
		{"Stage", 34, "L"},
		{"Department", 20, "L"},
		{"Wait", 13, "R"},
		{"Share of lead time", 13, "R"},
		{"On critical path", 12, "C"},
	}
	rows := make([]tableRow, 0, len(mt.LongestDelays))
	for _, d := range mt.LongestDelays {
		if d.Rank > workshop.MaxDelayRows {
			break
		}
		onPath := "no"
		if d.OnCriticalPath {
			onPath = "yes"
		}
		row := tableRow{
			cells: []string{
				strconv.Itoa(d.Rank),
				b.clean(d.Stage.Name),
				b.clean(orDash(d.Stage.Department)),
				workshop.FormatDuration(d.Stage.Wait, b.cal),
				percent(d.ShareOfLead),
				onPath,
			},
			chips: map[int]rgb{2: hexColour(workshop.DepartmentColour(d.Stage.Department))},
		}
		if d.Rank <= workshop.TopDelays {
			row.accent = &colourDelay
			row.badges = map[int]rgb{0: colourDelay}
		}
		rows = append(rows, row)
	}
	y = b.table(columns, rows, y)
	if hidden := len(mt.LongestDelays) - len(rows); hidden > 0 {
		b.font(false, 9)
		b.textColour(colourMuted)
		y = b.ensure(y+2, 6)
		b.text(b.margin, y, b.contentWidth(), 5, fmt.Sprintf("%d more stage%s with shorter waits are listed in the stage details.", hidden, plural(hidden)), "L")
		y += 5
	}
	return y
}

// delayRanks maps stage IDs of the top delays to their rank, for the badges on the map.
func delayRanks(mt *workshop.Metrics) map[string]int {
	ranks := map[string]int{}
	for _, d := range mt.LongestDelays {
		if d.Rank > workshop.TopDelays {
			break
		}
		ranks[d.Stage.ID] = d.Rank
	}
	return ranks
}
