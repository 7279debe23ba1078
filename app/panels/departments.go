package panels

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"leadline.app/leadline/workshop"
)

var (
	_ fyne.Widget         = (*DepartmentChart)(nil)
	_ fyne.WidgetRenderer = (*departmentRenderer)(nil)
)

// departmentBar is one department's row: name, wait bar, lighter process bar and figures.
type departmentBar struct {
	wait, process float64
	fullName      string // the name before it is shortened to fit
	chip          *canvas.Rectangle
	short, name   *canvas.Text
	waitBar       *canvas.Rectangle
	processBar    *canvas.Rectangle
	figures       *canvas.Text
}

// DepartmentChart shows wait (solid) and process time (lighter) per department as horizontal
// bars, biggest wait first, so the room sees whether the bottleneck sits upstream.
type DepartmentChart struct {
	widget.BaseWidget
	bars   []*departmentBar
	legend [2]*canvas.Rectangle
	keys   [2]*canvas.Text
	empty  *canvas.Text
	large  bool
}

// NewDepartmentChart returns an empty chart; call Update to fill it.
func NewDepartmentChart() *DepartmentChart {
	c := &DepartmentChart{empty: newText("No stages yet", 13, false)}
	for i, key := range []string{"wait", "process"} {
		c.legend[i] = canvas.NewRectangle(theme.Color(theme.ColorNamePlaceHolder))
		c.keys[i] = newText(key, 12, false)
	}
	c.ExtendBaseWidget(c)
	return c
}

// SetLarge switches to presenter sizes.
func (c *DepartmentChart) SetLarge(on bool) {
	c.large = on
	c.Refresh()
}

// Update redraws the bars from mt.Departments; nil metrics show the empty state.
func (c *DepartmentChart) Update(w *workshop.Workshop, mt *workshop.Metrics) {
	cal := calendarOf(w)
	c.bars = c.bars[:0]
	if mt != nil {
		for _, d := range mt.Departments {
			colour := hexColour(workshop.DepartmentColour(d.Name))
			name, short := d.Name, workshop.DepartmentShort(d.Name)
			if name == "" {
				name, short = "No department", "—"
			}
			b := &departmentBar{wait: d.Wait, process: d.Process, fullName: name,
				chip: canvas.NewRectangle(colour), short: newText(short, 10, true), name: newText(name, 13, false),
				waitBar: canvas.NewRectangle(colour), processBar: canvas.NewRectangle(withAlpha(colour, 0x66)),
				figures: newText(workshop.FormatDuration(d.Wait, cal)+" wait · "+workshop.FormatDuration(d.Process, cal)+" work", 12, false)}
			b.short.Color = inkOn(colour)
			b.short.Alignment = fyne.TextAlignCenter
			b.chip.CornerRadius = 3
			c.bars = append(c.bars, b)
		}
	}
	c.Refresh()
}

// CreateRenderer is part of fyne.Widget.
func (c *DepartmentChart) CreateRenderer() fyne.WidgetRenderer {
	return &departmentRenderer{chart: c}
}

type departmentRenderer struct{ chart *DepartmentChart }

func (r *departmentRenderer) Destroy() {}

func (r *departmentRenderer) scale() float32 {
	if r.chart.large {
		return 1.6
	}
	return 1
}

func (r *departmentRenderer) rowHeight() float32 { return 26 * r.scale() }

func (r *departmentRenderer) Objects() []fyne.CanvasObject {
	c := r.chart
	if len(c.bars) == 0 {
		return []fyne.CanvasObject{c.empty}
	}
	objects := []fyne.CanvasObject{c.legend[0], c.keys[0], c.legend[1], c.keys[1]}
	for _, b := range c.bars {
		objects = append(objects, b.chip, b.short, b.name, b.waitBar, b.processBar, b.figures)
	}
	return objects
}

func (r *departmentRenderer) MinSize() fyne.Size {
	rows := max(len(r.chart.bars), 1) + 1 // plus the legend
	return fyne.NewSize(260*r.scale(), float32(rows)*r.rowHeight()+8)
}

func (r *departmentRenderer) Refresh() {
	c := r.chart
	s := r.scale()
	foreground := theme.Color(theme.ColorNameForeground)
	muted := theme.Color(theme.ColorNamePlaceHolder)
	if c.large {
		muted = foreground
	}
	c.legend[0].FillColor = muted
	c.legend[1].FillColor = withAlpha(muted, 0x66)
	for _, k := range c.keys {
		k.Color, k.TextSize = muted, 12*s
	}
	for _, b := range c.bars {
		b.name.Color, b.name.TextSize = foreground, 13*s
		b.short.TextSize = 10 * s
		b.figures.Color, b.figures.TextSize = muted, 12*s
	}
	c.empty.Color, c.empty.TextSize = muted, 13*s
	r.Layout(c.Size())
	canvas.Refresh(c)
}

func (r *departmentRenderer) Layout(size fyne.Size) {
	c := r.chart
	s := r.scale()
	pad, rowHeight := 4*s, r.rowHeight()
	if len(c.bars) == 0 {
		c.empty.Move(fyne.NewPos(pad, pad))
		return
	}
	// Legend: two small swatches, right-aligned above the bars.
	swatch := 10 * s
	x := pad
	for i := range c.legend {
		c.legend[i].Resize(fyne.NewSize(swatch, swatch))
		c.legend[i].Move(fyne.NewPos(x, (rowHeight-swatch)/2))
		keyWidth := fyne.MeasureText(c.keys[i].Text, c.keys[i].TextSize, c.keys[i].TextStyle).Width
		c.keys[i].Move(fyne.NewPos(x+swatch+4*s, (rowHeight-c.keys[i].MinSize().Height)/2))
		x += swatch + 4*s + keyWidth + 14*s
	}

	chipWidth := 34 * s
	nameWidth := float32(0)
	figuresWidth := float32(0)
	longest := 0.0
	for _, b := range c.bars {
		nameWidth = max(nameWidth, fyne.MeasureText(b.fullName, b.name.TextSize, b.name.TextStyle).Width)
		figuresWidth = max(figuresWidth, fyne.MeasureText(b.figures.Text, b.figures.TextSize, b.figures.TextStyle).Width)
		longest = max(longest, b.wait+b.process)
	}
	nameWidth = min(nameWidth, size.Width*0.3)
	barLeft := pad + chipWidth + 6*s + nameWidth + 8*s
	barSpace := max(size.Width-barLeft-figuresWidth-2*pad-6*s, 0)
	barHeight := rowHeight - 10*s
	for i, b := range c.bars {
		y := float32(i+1) * rowHeight
		chipHeight := rowHeight - 8*s
		b.chip.Move(fyne.NewPos(pad, y+(rowHeight-chipHeight)/2))
		b.chip.Resize(fyne.NewSize(chipWidth, chipHeight))
		textHeight := b.short.MinSize().Height
		b.short.Move(fyne.NewPos(pad, y+(rowHeight-textHeight)/2))
		b.short.Resize(fyne.NewSize(chipWidth, textHeight))
		b.name.Text = ellipsize(b.fullName, b.name.TextSize, b.name.TextStyle, nameWidth)
		b.name.Move(fyne.NewPos(pad+chipWidth+6*s, y+(rowHeight-b.name.MinSize().Height)/2))
		waitWidth, processWidth := float32(0), float32(0)
		if longest > 0 {
			waitWidth = float32(b.wait / longest * float64(barSpace))
			processWidth = float32(b.process / longest * float64(barSpace))
		}
		b.waitBar.Move(fyne.NewPos(barLeft, y+(rowHeight-barHeight)/2))
		b.waitBar.Resize(fyne.NewSize(waitWidth, barHeight))
		b.processBar.Move(fyne.NewPos(barLeft+waitWidth, y+(rowHeight-barHeight)/2))
		b.processBar.Resize(fyne.NewSize(processWidth, barHeight))
		b.figures.Move(fyne.NewPos(barLeft+waitWidth+processWidth+6*s, y+(rowHeight-b.figures.MinSize().Height)/2))
	}
}
