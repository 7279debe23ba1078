package report

import (
	"strconv"

	"leadline.app/leadline/workshop"
)

// detailsSection lists every stage in map order with all its recorded fields.
func (b *builder) detailsSection(m *workshop.Map, mt *workshop.Metrics, y float64) float64 {
	y = b.heading("Stage details", y)
	b.font(false, 10)
	b.textColour(colourMuted)
	b.text(b.margin, y, b.contentWidth(), 5, "Every stage in map order. Stages on the critical path are set in bold.", "L")
	y += 8
	if len(m.Stages) == 0 {
		b.font(false, 11)
		b.textColour(colourInk)
		b.text(b.margin, y, b.contentWidth(), 6, "This map has no stages yet.", "L")
		return y + 8
	}
	critical := map[string]bool{}
	for _, s := range mt.CriticalPath {
		critical[s.ID] = true
	}
	columns := []column{
		{"Stage", 27, "L"},
		{"Department", 15, "L"},
		{"Process", 9, "R"},
		{"Wait", 9, "R"},
		{"%C&A", 7, "R"},
		{"People", 7, "R"},
		{"Notes", 30, "L"},
	}
	rows := make([]tableRow, 0, len(m.Stages))
	for _, s := range m.Stages {
		people := "—"
		if s.People > 0 {
			people = strconv.Itoa(s.People)
		}
		rows = append(rows, tableRow{
			cells: []string{
				b.clean(s.Name),
				b.clean(orDash(s.Department)),
				workshop.WithRange(workshop.FormatDuration(s.Process, b.cal), s.ProcessRange, b.cal),
				workshop.WithRange(workshop.FormatDuration(s.Wait, b.cal), s.WaitRange, b.cal),
				caText(s),
				people,
				b.clean(s.Notes),
			},
			bold:  critical[s.ID],
			chips: map[int]rgb{1: hexColour(workshop.DepartmentColour(s.Department))},
		})
	}
	return b.table(columns, rows, y)
}

func caText(s *workshop.Stage) string {
	if !s.HasCA {
		return "—"
	}
	return workshop.FormatPercent(s.CA / 100)
}
