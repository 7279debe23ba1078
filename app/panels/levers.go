package panels

import (
	"image/color"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"leadline.app/leadline/workshop"
)

var (
	_ fyne.Widget       = (*Levers)(nil)
	_ fyne.Tappable     = (*leverRow)(nil)
	_ desktop.Hoverable = (*leverRow)(nil)
	_ fyne.Layout       = (*fractionLayout)(nil)
)

// Levers is the "Where to act first" list: every stage with a wait, ranked by how much lead
// time removing that wait would buy (workshop.Map.Levers), the gain drawn as a bar. It sits
// beside the longest delays because the two rankings differ on a branching map: a long wait
// on a parallel sign-off may buy nothing. Tapping a row selects its stage through OnSelect.
type Levers struct {
	widget.BaseWidget
	OnSelect func(stageID string)

	title, subtitle *canvas.Text
	empty           *widget.Label
	list            *fyne.Container
	rows            []*leverRow // reused across updates
}

// NewLevers returns an empty list; call Update to fill it.
func NewLevers() *Levers {
	l := &Levers{
		title:    newText("Where to act first", 16, true),
		subtitle: newText("Lead time saved by removing each wait", 12, false),
		empty:    widget.NewLabel("No waiting yet. Give the stages a wait time to see what removing it buys."),
		list:     container.NewVBox(),
	}
	l.empty.Wrapping = fyne.TextWrapWord
	l.ExtendBaseWidget(l)
	return l
}

// CreateRenderer is part of fyne.Widget.
func (l *Levers) CreateRenderer() fyne.WidgetRenderer {
	header := container.NewPadded(container.NewVBox(l.title, l.subtitle))
	content := container.NewBorder(header, nil, nil, nil, container.NewVScroll(container.NewVBox(l.empty, l.list)))
	return &themedRenderer{content: content, restyle: l.restyle}
}

// Update shows the ranking; nil levers (no waits, or a map with an error) show the empty state.
// The list stops at workshop.MaxDelayRows, as the delays list does.
func (l *Levers) Update(w *workshop.Workshop, levers []workshop.Lever) {
	cal := calendarOf(w)
	if len(levers) > workshop.MaxDelayRows {
		levers = levers[:workshop.MaxDelayRows]
	}
	biggest := 0.0
	for _, lever := range levers {
		biggest = max(biggest, lever.Gain)
	}
	for len(l.rows) < len(levers) {
		r := newLeverRow(l)
		l.rows = append(l.rows, r)
		l.list.Add(r)
	}
	for i, r := range l.rows {
		if i >= len(levers) {
			r.Hide()
			continue
		}
		r.set(i+1, levers[i], biggest, cal)
		r.Show()
	}
	l.empty.Hidden = len(levers) > 0
	l.restyle()
	l.Refresh()
}

func (l *Levers) restyle() {
	l.title.Color = theme.Color(theme.ColorNameForeground)
	l.subtitle.Color = theme.Color(theme.ColorNamePlaceHolder)
	l.title.TextSize, l.subtitle.TextSize = 16, 12
	for _, r := range l.rows {
		r.restyle()
	}
}

// leverRow is one ranked stage: name, the gain as a bar scaled to the biggest gain, the gain
// and its share of the lead time.
type leverRow struct {
	widget.BaseWidget
	owner   *Levers
	stageID string
	top     bool // among the first workshop.TopDelays with a gain: drawn red
	hovered bool

	background, bar   *canvas.Rectangle
	name, gain, share *canvas.Text
	bars              *fractionLayout
	content           fyne.CanvasObject
}

func newLeverRow(owner *Levers) *leverRow {
	r := &leverRow{
		owner:      owner,
		background: canvas.NewRectangle(color.Transparent),
		bar:        canvas.NewRectangle(color.Transparent),
		name:       newText("", 14, true),
		gain:       newText("", 16, true),
		share:      newText("", 12, false),
		bars:       &fractionLayout{},
	}
	r.background.CornerRadius = 6
	r.bar.CornerRadius = 3
	r.gain.Alignment = fyne.TextAlignTrailing
	// The bar spans the whole row under the name and the gain, so bars of all rows share one
	// scale.
	bar := container.New(r.bars, r.bar)
	r.content = container.NewStack(r.background, container.NewPadded(container.NewVBox(
		container.NewBorder(nil, nil, nil, r.gain, r.name), bar, r.share)))
	r.ExtendBaseWidget(r)
	return r
}

func (r *leverRow) CreateRenderer() fyne.WidgetRenderer {
	return &themedRenderer{content: r.content, restyle: r.restyle}
}

// Tapped selects the row's stage.
func (r *leverRow) Tapped(*fyne.PointEvent) {
	if r.owner.OnSelect != nil {
		r.owner.OnSelect(r.stageID)
	}
}

// MouseIn, MouseMoved and MouseOut give the row a hover shade, so it reads as clickable.
func (r *leverRow) MouseIn(*desktop.MouseEvent)    { r.hovered = true; r.Refresh() }
func (r *leverRow) MouseMoved(*desktop.MouseEvent) {}
func (r *leverRow) MouseOut()                      { r.hovered = false; r.Refresh() }

func (r *leverRow) set(rank int, lever workshop.Lever, biggest float64, cal workshop.Calendar) {
	r.stageID = lever.Stage.ID
	r.top = rank <= workshop.TopDelays && lever.Gain > 0
	r.name.Text = strconv.Itoa(rank) + ". " + lever.Stage.Name
	r.bars.fraction = 0
	if biggest > 0 {
		r.bars.fraction = float32(lever.Gain / biggest)
	}
	if lever.Gain > 0 {
		r.gain.Text = "−" + workshop.FormatShort(lever.Gain, cal)
		r.share.Text = percent(lever.ShareOfLead) + " of lead time"
		if lever.Gain < lever.Stage.Wait {
			// A parallel branch takes over: the rest of the wait buys nothing.
			r.share.Text += " · wait " + workshop.FormatShort(lever.Stage.Wait, cal)
		}
	} else {
		r.gain.Text = "0"
		r.share.Text = workshop.FormatShort(lever.Stage.Wait, cal) + " wait off the critical path"
	}
}

func (r *leverRow) restyle() {
	foreground := theme.Color(theme.ColorNameForeground)
	muted := theme.Color(theme.ColorNamePlaceHolder)
	r.background.FillColor = color.Transparent
	if r.hovered {
		r.background.FillColor = theme.Color(theme.ColorNameHover)
	}
	r.bar.FillColor = theme.Color(theme.ColorNamePrimary)
	r.gain.Color = foreground
	if r.top {
		r.bar.FillColor = theme.Color(theme.ColorNameError)
		r.gain.Color = theme.Color(theme.ColorNameError)
	}
	r.bars.height = 10
	r.name.Color, r.share.Color = foreground, muted
	r.name.TextSize, r.gain.TextSize, r.share.TextSize = 14, 16, 12
}

// fractionLayout draws its one object as a bar over a fraction of the width.
type fractionLayout struct {
	fraction float32 // 0–1
	height   float32
}

func (f *fractionLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		width := size.Width * min(max(f.fraction, 0), 1)
		if f.fraction > 0 {
			width = max(width, 3) // a small gain stays visible
		}
		o.Resize(fyne.NewSize(width, f.height))
		o.Move(fyne.NewPos(0, (size.Height-f.height)/2))
	}
}

func (f *fractionLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(40, f.height+4)
}
