package report

// column is one table column; weight is its share of the table width.
type column struct {
	title  string
	weight float64
	align  string // "L", "R" or "C"
}

// tableRow is one row of cleaned cell texts.
type tableRow struct {
	cells  []string
	group  bool        // a full-width group heading (ideas grouped by stage)
	accent *rgb        // text colour of the whole row, e.g. red for the top delays
	bold   bool        // the row's first cell in bold
	chips  map[int]rgb // a colour chip before the text of these cells (department colours)
	badges map[int]rgb // these cells drawn as a filled round badge (delay ranks)
}

const (
	tableFontSize   = 9
	tableLineHeight = 4.2
	tablePadX       = 1.8
	tablePadY       = 1.4
	chipSize        = 2.6
)

// table draws rows under a header row, breaking pages as needed and repeating the header on
// every page, and returns the y below the last row.
func (b *builder) table(columns []column, rows []tableRow, y float64) float64 {
	widths := b.columnWidths(columns)
	y = b.ensure(y, 2*(tableLineHeight+2*tablePadY))
	y = b.tableHeader(columns, widths, y)
	for i, row := range rows {
		lines, height := b.rowLayout(row, widths)
		if y+height > b.bottom {
			y = b.tableHeader(columns, widths, b.newPage())
		}
		b.drawRow(columns, widths, row, lines, y, height, i%2 == 1)
		y += height
	}
	b.strokeColour(colourRule)
	b.pdf.SetLineWidth(0.3)
	b.pdf.Line(b.margin, y, b.margin+b.contentWidth(), y)
	return y
}

func (b *builder) columnWidths(columns []column) []float64 {
	total := 0.0
	for _, c := range columns {
		total += c.weight
	}
	widths := make([]float64, len(columns))
	for i, c := range columns {
		widths[i] = b.contentWidth() * c.weight / total
	}
	return widths
}

func (b *builder) tableHeader(columns []column, widths []float64, y float64) float64 {
	b.font(true, tableFontSize-0.5)
	height := tableLineHeight + 2*tablePadY
	b.fillColour(colourHeaderBg)
	b.pdf.Rect(b.margin, y, b.contentWidth(), height, "F")
	b.textColour(colourInk)
	x := b.margin
	for i, c := range columns {
		b.text(x+tablePadX, y+tablePadY, widths[i]-2*tablePadX, tableLineHeight, b.fit(c.title, widths[i]-2*tablePadX), c.align)
		x += widths[i]
	}
	return y + height
}

// rowLayout wraps every cell and returns the lines and the row height.
func (b *builder) rowLayout(row tableRow, widths []float64) ([][]string, float64) {
	if row.group {
		b.font(true, tableFontSize)
		lines := [][]string{b.wrap(row.cells[0], b.contentWidth()-2*tablePadX)}
		return lines, float64(len(lines[0]))*tableLineHeight + 2*tablePadY + 1
	}
	lines := make([][]string, len(row.cells))
	maxLines := 1
	for i, cell := range row.cells {
		if i >= len(widths) {
			break
		}
		b.font(row.bold && i == 0, tableFontSize)
		width := widths[i] - 2*tablePadX
		if _, ok := row.chips[i]; ok {
			width -= chipSize + 1.2
		}
		lines[i] = b.wrap(cell, width)
		if len(lines[i]) > maxLines {
			maxLines = len(lines[i])
		}
	}
	return lines, float64(maxLines)*tableLineHeight + 2*tablePadY
}

func (b *builder) drawRow(columns []column, widths []float64, row tableRow, lines [][]string, y, height float64, zebra bool) {
	if row.group {
		b.fillColour(colourZebra)
		b.pdf.Rect(b.margin, y, b.contentWidth(), height, "F")
		b.font(true, tableFontSize)
		b.textColour(colourInk)
		for i, line := range lines[0] {
			b.text(b.margin+tablePadX, y+tablePadY+0.5+float64(i)*tableLineHeight, b.contentWidth(), tableLineHeight, line, "L")
		}
		return
	}
	if zebra {
		b.fillColour(colourZebra)
		b.pdf.Rect(b.margin, y, b.contentWidth(), height, "F")
	}
	ink := colourInk
	if row.accent != nil {
		ink = *row.accent
	}
	x := b.margin
	for i := range columns {
		if i >= len(lines) {
			break
		}
		textX, textWidth := x+tablePadX, widths[i]-2*tablePadX
		if chip, ok := row.chips[i]; ok {
			b.fillColour(chip)
			b.pdf.Rect(textX, y+tablePadY+0.7, chipSize, chipSize, "F")
			textX += chipSize + 1.2
			textWidth -= chipSize + 1.2
		}
		if badge, ok := row.badges[i]; ok {
			b.fillColour(badge)
			b.pdf.Circle(x+widths[i]/2, y+tablePadY+tableLineHeight/2, 2.4, "F")
			b.font(true, tableFontSize-1)
			b.textColour(colourWhite)
			b.text(x, y+tablePadY, widths[i], tableLineHeight, lines[i][0], "C")
			x += widths[i]
			continue
		}
		b.font(row.bold && i == 0, tableFontSize)
		b.textColour(ink)
		for l, line := range lines[i] {
			b.text(textX, y+tablePadY+float64(l)*tableLineHeight, textWidth, tableLineHeight, line, columns[i].align)
		}
		x += widths[i]
	}
}
