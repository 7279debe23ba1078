package report

import (
	"fmt"
	"strconv"
	"strings"

	"leadline.app/leadline/workshop"
)

// leversSection follows "Longest delays": the same waits ranked by what removing each would
// buy, the critical path recomputed. On a branching map the two rankings differ, and this one
// says where to act.
func (b *builder) leversSection(m *workshop.Map, mt *workshop.Metrics, levers []workshop.Lever, y float64) {
	y = b.keepTogether(y, 11+8+4*(tableLineHeight+2*tablePadY), 11+8+2*(tableLineHeight+2*tablePadY))
	y = b.heading("Where to act first", y)
	b.font(false, 10)
	b.textColour(colourMuted)
	b.text(b.margin, y, b.contentWidth(), 5,
		"What removing each wait would save, with every other stage unchanged and the critical path recomputed.", "L")
	y += 8
	buying := leversThatBuy(levers, workshop.MaxDelayRows)
	if len(buying) == 0 {
		b.font(false, 11)
		b.textColour(colourInk)
		b.text(b.margin, y, b.contentWidth(), 6, b.noLeverText(levers), "L")
		return
	}
	columns := []column{
		{"Rank", 6, "C"},
		{"Stage", 30, "L"},
		{"Wait", 12, "R"},
		{"Lead time saved", 14, "R"},
		{"Share of lead time", 15, "R"},
		{"Owner", 17, "L"},
	}
	rows := make([]tableRow, 0, len(buying))
	for i, l := range buying {
		row := tableRow{cells: []string{
			strconv.Itoa(i + 1),
			b.clean(l.Stage.Name),
			workshop.FormatDuration(l.Stage.Wait, b.cal),
			workshop.FormatDuration(l.Gain, b.cal),
			percent(l.ShareOfLead),
			b.clean(orDash(ownerOf(m, l.Stage.ID))),
		}}
		if i < workshop.TopDelays {
			row.accent = &colourDelay
			row.badges = map[int]rgb{0: colourDelay}
		}
		rows = append(rows, row)
	}
	y = b.table(columns, rows, y)
	if idle := len(levers) - len(leversThatBuy(levers, len(levers))); idle > 0 {
		b.font(false, 9)
		b.textColour(colourMuted)
		y = b.ensure(y+2, 6)
		b.text(b.margin, y, b.contentWidth(), 5, fmt.Sprintf(
			"%d wait%s buy nothing on their own: they lie off the critical path, or a parallel branch as slow takes over.",
			idle, plural(idle)), "L")
	}
}

// leversThatBuy keeps up to n levers that shorten the lead time.
func leversThatBuy(levers []workshop.Lever, n int) []workshop.Lever {
	var out []workshop.Lever
	for _, l := range levers {
		if l.Gain > 0 && len(out) < n {
			out = append(out, l)
		}
	}
	return out
}

func (b *builder) noLeverText(levers []workshop.Lever) string {
	if len(levers) == 0 {
		return "No stage of this map has a wait time recorded."
	}
	return "No single wait shortens the lead time: parallel branches as slow as each other take over."
}

// ownerOf names who follows up a stage: the first owner among its improvement ideas.
func ownerOf(m *workshop.Map, stageID string) string {
	for _, idea := range m.Ideas {
		if idea.Stage == stageID && strings.TrimSpace(idea.Owner) != "" {
			return strings.TrimSpace(idea.Owner)
		}
	}
	return ""
}

// ideaFor is the first improvement idea recorded on a stage, or "".
func ideaFor(m *workshop.Map, stageID string) string {
	for _, idea := range m.Ideas {
		if idea.Stage == stageID && strings.TrimSpace(idea.Text) != "" {
			return strings.TrimSpace(idea.Text)
		}
	}
	return ""
}
