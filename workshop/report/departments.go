package report

import (
	"fmt"

	"leadline.app/leadline/workshop"
)

const (
	departmentLabelWidth = 52.0
	departmentValueWidth = 22.0
	departmentBarHeight  = 3.6
	departmentRowHeight  = 10.0
)

// departmentSection answers "is the bottleneck upstream?": each department's summed wait and
// process time as a pair of horizontal bars in the department's colour.
func (b *builder) departmentSection(mt *workshop.Metrics, y float64) float64 {
	y = b.keepTogether(y, 11+8+float64(max(len(mt.Departments), 1))*departmentRowHeight, 11+8+2*departmentRowHeight)
	y = b.heading("Wait and process by department", y)
	b.departmentLegend(y)
	y += 8
	if len(mt.Departments) == 0 {
		b.font(false, 11)
		b.textColour(colourInk)
		b.text(b.margin, y, b.contentWidth(), 6, "No stages yet.", "L")
		return y + 8
	}
	longest := 0.0
	for _, d := range mt.Departments {
		longest = max(longest, d.Wait, d.Process)
	}
	barsX := b.margin + departmentLabelWidth
	barsW := b.contentWidth() - departmentLabelWidth - departmentValueWidth
	mmPerMinute := barsW / max(longest, 1)
	for _, d := range mt.Departments {
		if y+departmentRowHeight > b.bottom {
			y = b.newPage()
		}
		colour := hexColour(workshop.DepartmentColour(d.Name))
		b.fillColour(colour)
		b.pdf.Rect(b.margin, y+2, chipSize, chipSize, "F")
		b.font(true, 9)
		b.textColour(colourInk)
		name := fmt.Sprintf("%s (%d)", b.clean(orDash(d.Name)), d.Stages)
		b.text(b.margin+chipSize+1.5, y+0.8, departmentLabelWidth-chipSize-3, 5, b.fit(name, departmentLabelWidth-chipSize-4), "L")

		b.strokeColour(colourRule)
		b.pdf.SetLineWidth(0.2)
		b.pdf.Line(barsX, y, barsX, y+2*departmentBarHeight+1)
		b.departmentBar(barsX, y, d.Wait*mmPerMinute, colour.lighten(0.45), colour, workshop.FormatDuration(d.Wait, b.cal))
		b.departmentBar(barsX, y+departmentBarHeight+1, d.Process*mmPerMinute, colour, colour.darken(0.25), workshop.FormatDuration(d.Process, b.cal))
		y += departmentRowHeight
	}
	return y
}

func (b *builder) departmentBar(x, y, width float64, fill, border rgb, label string) {
	if width > 0 {
		b.fillColour(fill)
		b.strokeColour(border)
		b.pdf.SetLineWidth(0.25)
		b.pdf.Rect(x, y, max(width, 0.5), departmentBarHeight, "FD")
	}
	b.font(false, 7.5)
	b.textColour(colourInk)
	b.text(x+max(width, 0.5)+1.5, y-0.4, departmentValueWidth, departmentBarHeight+0.8, label, "L")
}

func (b *builder) departmentLegend(y float64) {
	grey := rgb{120, 120, 120}
	b.fillColour(grey.lighten(0.45))
	b.strokeColour(grey)
	b.pdf.SetLineWidth(0.25)
	b.pdf.Rect(b.margin, y+0.6, 8, 3, "FD")
	b.font(false, 8.5)
	b.textColour(colourMuted)
	b.text(b.margin+10, y, 40, 4.2, "wait (upper bar)", "L")
	b.fillColour(grey)
	b.strokeColour(grey.darken(0.25))
	b.pdf.Rect(b.margin+45, y+0.6, 8, 3, "FD")
	b.text(b.margin+55, y, 60, 4.2, "process time (lower bar)", "L")
	b.text(b.margin+100, y, b.contentWidth()-100, 4.2, "Sums over all stages of the department, on the critical path or not.", "L")
}
