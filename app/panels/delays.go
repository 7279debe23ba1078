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
	_ fyne.Widget       = (*Delays)(nil)
	_ fyne.Tappable     = (*delayRow)(nil)
	_ desktop.Hoverable = (*delayRow)(nil)
)

// Delays is the "Longest delays" list: stages ranked by wait time. Tapping an entry selects
// its stage through OnSelect.
type Delays struct {
	widget.BaseWidget
	OnSelect func(stageID string)

	title *canvas.Text
	empty *widget.Label
	list  *fyne.Container
	more  *widget.Label // "… and N more stages wait" below a capped list
	rows  []*delayRow   // reused across updates; only the surplus is hidden
	large bool
}

// NewDelays returns an empty list; call Update to fill it.
func NewDelays() *Delays {
	d := &Delays{
		title: newText("Longest delays", 16, true),
		empty: widget.NewLabel("No waiting yet. Give the stages a wait time to rank the delays."),
		list:  container.NewVBox(),
		more:  widget.NewLabel(""),
	}
	d.empty.Wrapping = fyne.TextWrapWord
	d.more.Hide()
	d.ExtendBaseWidget(d)
	return d
}

// CreateRenderer is part of fyne.Widget.
func (d *Delays) CreateRenderer() fyne.WidgetRenderer {
	body := container.NewVScroll(container.NewVBox(d.empty, d.list, d.more))
	content := container.NewBorder(container.NewPadded(d.title), nil, nil, nil, body)
	return &themedRenderer{content: content, restyle: d.restyle}
}

// SetLarge switches to presenter sizes.
func (d *Delays) SetLarge(on bool) {
	d.large = on
	for _, r := range d.rows {
		r.large = on
	}
	d.restyle()
	d.Refresh()
}

// Update shows the ranking of mt; nil metrics (a map with an error) empty the list.
func (d *Delays) Update(w *workshop.Workshop, mt *workshop.Metrics) {
	var delays []workshop.Delay
	if mt != nil {
		delays = mt.LongestDelays
	}
	cal := calendarOf(w)
	if hidden := len(delays) - workshop.MaxDelayRows; hidden > 0 {
		delays = delays[:workshop.MaxDelayRows]
		d.more.SetText("… and " + strconv.Itoa(hidden) + " more stages wait; the handout lists them all")
		d.more.Show()
	} else {
		d.more.Hide()
	}
	for len(d.rows) < len(delays) {
		r := newDelayRow(d)
		r.large = d.large
		d.rows = append(d.rows, r)
		d.list.Add(r)
	}
	for i, r := range d.rows {
		if i >= len(delays) {
			r.Hide()
			continue
		}
		r.set(delays[i], cal)
		r.Show()
	}
	d.empty.Hidden = len(delays) > 0
	d.restyle()
	d.Refresh()
}

func (d *Delays) restyle() {
	d.title.Color = theme.Color(theme.ColorNameForeground)
	d.title.TextSize = 16
	if d.large {
		d.title.TextSize = 28
	}
	for _, r := range d.rows {
		r.restyle()
	}
}

// delayRow is one ranked stage: rank badge, name, department chip, wait and share of lead time.
type delayRow struct {
	widget.BaseWidget
	owner   *Delays
	stageID string
	top     bool
	colour  color.NRGBA // the department's
	large   bool
	hovered bool

	background, badge, chip *canvas.Rectangle
	rank, name, chipLabel   *canvas.Text
	department, wait, share *canvas.Text
	content                 fyne.CanvasObject
}

func newDelayRow(owner *Delays) *delayRow {
	r := &delayRow{
		owner:      owner,
		background: canvas.NewRectangle(color.Transparent),
		badge:      canvas.NewRectangle(color.Transparent),
		chip:       canvas.NewRectangle(color.Transparent),
		rank:       newText("", 14, true),
		name:       newText("", 15, true),
		chipLabel:  newText("", 10, true),
		department: newText("", 12, false),
		wait:       newText("", 18, true),
		share:      newText("", 12, false),
	}
	r.background.CornerRadius = 6
	r.badge.CornerRadius = 14
	r.chip.CornerRadius = 3
	r.rank.Alignment = fyne.TextAlignCenter
	r.chipLabel.Alignment = fyne.TextAlignCenter
	r.wait.Alignment = fyne.TextAlignTrailing
	r.share.Alignment = fyne.TextAlignTrailing
	badge := container.NewCenter(container.NewStack(r.badge, container.NewCenter(r.rank)))
	chip := container.NewStack(r.chip, container.NewPadded(r.chipLabel))
	department := container.NewHBox(container.NewCenter(chip), r.department)
	figures := container.NewVBox(r.wait, r.share)
	r.content = container.NewStack(r.background, container.NewPadded(
		container.NewBorder(nil, nil, badge, figures, container.NewVBox(r.name, department))))
	r.ExtendBaseWidget(r)
	return r
}

func (r *delayRow) CreateRenderer() fyne.WidgetRenderer {
	return &themedRenderer{content: r.content, restyle: r.restyle}
}

// Tapped selects the row's stage.
func (r *delayRow) Tapped(*fyne.PointEvent) {
	if r.owner.OnSelect != nil {
		r.owner.OnSelect(r.stageID)
	}
}

// MouseIn, MouseMoved and MouseOut give the row a hover shade, so it reads as clickable.
func (r *delayRow) MouseIn(*desktop.MouseEvent)    { r.hovered = true; r.Refresh() }
func (r *delayRow) MouseMoved(*desktop.MouseEvent) {}
func (r *delayRow) MouseOut()                      { r.hovered = false; r.Refresh() }

func (r *delayRow) set(d workshop.Delay, cal workshop.Calendar) {
	r.stageID = d.Stage.ID
	r.top = d.Rank <= workshop.TopDelays
	r.rank.Text = strconv.Itoa(d.Rank)
	r.name.Text = d.Stage.Name
	r.chipLabel.Text = workshop.DepartmentShort(d.Stage.Department)
	r.department.Text = d.Stage.Department
	if d.Stage.Department == "" {
		r.chipLabel.Text, r.department.Text = "—", "no department"
	}
	r.colour = hexColour(workshop.DepartmentColour(d.Stage.Department))
	r.wait.Text = workshop.FormatDuration(d.Stage.Wait, cal)
	r.share.Text = percent(d.ShareOfLead) + " of lead time"
	if !d.OnCriticalPath {
		r.share.Text += " · parallel" // a wait off the critical path does not set the lead time
	}
}

func (r *delayRow) restyle() {
	scale := float32(1)
	if r.large {
		scale = 1.6
	}
	foreground := theme.Color(theme.ColorNameForeground)
	muted := theme.Color(theme.ColorNamePlaceHolder)
	if r.large {
		muted = foreground
	}
	r.background.FillColor = color.Transparent
	if r.hovered {
		r.background.FillColor = theme.Color(theme.ColorNameHover)
	}
	badgeSize := 28 * scale
	r.badge.SetMinSize(fyne.NewSize(badgeSize, badgeSize))
	r.badge.CornerRadius = badgeSize / 2
	r.badge.FillColor = theme.Color(theme.ColorNameDisabledButton)
	r.rank.Color = foreground
	r.wait.Color = foreground
	if r.top {
		r.badge.FillColor = theme.Color(theme.ColorNameError)
		r.rank.Color = theme.Color(theme.ColorNameForegroundOnError)
		r.wait.Color = theme.Color(theme.ColorNameError)
	}
	r.chip.FillColor, r.chipLabel.Color = r.colour, inkOn(r.colour)
	r.name.Color, r.department.Color, r.share.Color = foreground, muted, muted
	r.rank.TextSize, r.name.TextSize, r.wait.TextSize = 14*scale, 15*scale, 18*scale
	r.chipLabel.TextSize, r.department.TextSize, r.share.TextSize = 10*scale, 12*scale, 12*scale
}
