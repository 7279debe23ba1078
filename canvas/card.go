package canvas

import (
	"fmt"
	"image/color"
	"math"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	fynecanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"leadline.app/leadline/workshop"
)

var (
	_ fyne.Draggable         = (*stageCard)(nil)
	_ fyne.Tappable          = (*stageCard)(nil)
	_ fyne.DoubleTappable    = (*stageCard)(nil)
	_ fyne.SecondaryTappable = (*stageCard)(nil)
	_ desktop.Mouseable      = (*stageCard)(nil)
	_ desktop.Hoverable      = (*stageCard)(nil)
)

// cardLook is everything a card shows, computed by the view from the stage and the metrics, so
// that the card itself never reads the model.
type cardLook struct {
	name, department, short string
	band                    color.Color
	process, wait, ca       string
	rank                    int    // 0 = not among the three longest delays
	rankText                string // e.g. "1 · 6w"
	ideas                   int
	critical, selected      bool
}

// stageCard is one stage on the map. Like the title bar of Fyne's InnerWindow, it only reports
// gestures; the MapView decides what they mean and moves the card.
type stageCard struct {
	widget.BaseWidget
	view   *MapView
	id     string
	mapPos fyne.Position // top-left in map units; ahead of the model while being dragged
	look   cardLook
	handle *connectHandle

	pressHandled bool // MouseDown already selected, so the Tapped that follows must not undo it
	hovered      bool // the connect handle shows on the hovered and the selected cards only
}

func newStageCard(view *MapView, id string) *stageCard {
	c := &stageCard{view: view, id: id}
	c.handle = newConnectHandle(c)
	c.ExtendBaseWidget(c)
	return c
}

func (c *stageCard) MouseDown(ev *desktop.MouseEvent) {
	if ev.Button != desktop.MouseButtonPrimary {
		return
	}
	c.pressHandled = true
	c.view.cardPressed(c, ev.Modifier&fyne.KeyModifierShift != 0)
}

func (c *stageCard) MouseUp(*desktop.MouseEvent) {}

func (c *stageCard) MouseIn(*desktop.MouseEvent)    { c.setHovered(true) }
func (c *stageCard) MouseMoved(*desktop.MouseEvent) {}
func (c *stageCard) MouseOut()                      { c.setHovered(false) }

func (c *stageCard) setHovered(on bool) {
	c.hovered = on
	c.showHandle()
}

// showHandle shows the connect handle where it is wanted, without a full card refresh.
func (c *stageCard) showHandle() {
	visible := (c.hovered || c.look.selected || c.handle.hovered) && !c.view.presenter && !c.view.overview
	if visible != c.handle.Visible() {
		c.handle.Hidden = !visible
		c.handle.Refresh()
	}
}

// Tapped covers pointer-less taps (tests, touch screens), where no MouseDown came first.
func (c *stageCard) Tapped(*fyne.PointEvent) {
	if c.pressHandled {
		c.pressHandled = false
		c.view.cardClicked(c, c.view.currentModifiers()&fyne.KeyModifierShift != 0)
		return
	}
	c.view.cardPressed(c, false)
	c.view.cardClicked(c, false)
}

func (c *stageCard) DoubleTapped(*fyne.PointEvent) {
	c.pressHandled = false
	c.view.requestRename(c.id)
}

func (c *stageCard) TappedSecondary(ev *fyne.PointEvent) {
	c.view.showCardMenu(c, ev.AbsolutePosition)
}

func (c *stageCard) Dragged(ev *fyne.DragEvent) {
	c.view.dragCard(c, ev.Dragged)
}

func (c *stageCard) DragEnd() {
	c.pressHandled = false
	c.view.endCardDrag(c)
}

func (c *stageCard) CreateRenderer() fyne.WidgetRenderer {
	r := &cardRenderer{card: c,
		body:          &fynecanvas.Rectangle{},
		selectionRing: &fynecanvas.Rectangle{},
		band:          &fynecanvas.Rectangle{},
		short:         &fynecanvas.Text{TextStyle: fyne.TextStyle{Bold: true}},
		department:    &fynecanvas.Text{},
		name:          &fynecanvas.Text{TextStyle: fyne.TextStyle{Bold: true}},
		badge:         &fynecanvas.Rectangle{},
		badgeText:     &fynecanvas.Text{TextStyle: fyne.TextStyle{Bold: true}, Alignment: fyne.TextAlignCenter},
		burst:         &fynecanvas.ArbitraryPolygon{},
		burstText:     &fynecanvas.Text{TextStyle: fyne.TextStyle{Bold: true}, Alignment: fyne.TextAlignCenter},
	}
	for i := range r.rowLabels {
		r.rowLabels[i] = &fynecanvas.Text{}
		r.rowValues[i] = &fynecanvas.Text{Alignment: fyne.TextAlignTrailing, TextStyle: fyne.TextStyle{Bold: true}}
	}
	r.objects = []fyne.CanvasObject{r.selectionRing, r.body, r.band, r.short, r.department, r.name}
	for i := range r.rowLabels {
		r.objects = append(r.objects, r.rowLabels[i], r.rowValues[i])
	}
	r.objects = append(r.objects, r.burst, r.burstText, r.badge, r.badgeText, c.handle)
	r.Refresh()
	return r
}

type cardRenderer struct {
	card                           *stageCard
	body, selectionRing, band      *fynecanvas.Rectangle
	short, department, name        *fynecanvas.Text
	rowLabels, rowValues           [3]*fynecanvas.Text
	badge                          *fynecanvas.Rectangle
	badgeText                      *fynecanvas.Text
	burst                          *fynecanvas.ArbitraryPolygon
	burstText                      *fynecanvas.Text
	objects                        []fyne.CanvasObject
	laidOutName, laidOutDepartment string
}

func (r *cardRenderer) Destroy()                     {}
func (r *cardRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *cardRenderer) MinSize() fyne.Size           { return fyne.NewSize(0, 0) }

// Refresh applies the look and the theme's colours; Layout places and sizes the text for the
// card's current (zoomed) size.
func (r *cardRenderer) Refresh() {
	look, col := r.card.look, r.card.view.colours
	r.body.FillColor = col.cardFill
	r.body.StrokeColor = col.cardBorder
	r.body.Shadow = fynecanvas.Shadow{Color: col.cardShadow, BlurRadius: 6, Offset: fyne.NewPos(0, 2)}
	if look.critical {
		r.body.StrokeColor = col.critical
	}
	r.selectionRing.FillColor = color.Transparent
	r.selectionRing.StrokeColor = col.accent
	r.selectionRing.Hidden = !look.selected
	r.band.FillColor = look.band
	r.short.Color = textOn(look.band)
	r.short.Text = look.short
	r.department.Color = r.short.Color
	labels := [3]string{"PT", "WT", "%C&A"}
	values := [3]string{look.process, look.wait, look.ca}
	for i := range labels {
		r.rowLabels[i].Text, r.rowLabels[i].Color = labels[i], col.muted
		r.rowValues[i].Text, r.rowValues[i].Color = values[i], col.text
	}
	r.rowValues[1].Color = col.text
	if look.rank > 0 {
		r.rowValues[1].Color = col.badge // the wait is the figure the badge ranks
	}
	r.name.Color = col.text
	r.badge.FillColor = col.badge
	r.badge.Hidden = look.rank == 0
	r.badgeText.Text, r.badgeText.Color, r.badgeText.Hidden = look.rankText, col.badgeText, look.rank == 0
	r.burst.FillColor, r.burst.StrokeColor = col.burstFill, col.burstStroke
	r.burst.Hidden, r.burstText.Hidden = look.ideas == 0, look.ideas == 0
	r.burstText.Text, r.burstText.Color = strconv.Itoa(look.ideas), rgb(0x5d2a00)
	r.card.showHandle()
	r.laidOutName, r.laidOutDepartment = "", ""
	r.Layout(r.card.Size())
	for _, o := range r.objects {
		o.Refresh()
	}
}

func (r *cardRenderer) Layout(size fyne.Size) {
	z := size.Width / cardWidth
	if z <= 0 {
		return
	}
	typeScale := z
	if r.card.view.presenter {
		typeScale *= presenterScale
	}
	look := r.card.look
	radius := 8 * z
	r.body.CornerRadius = radius
	r.body.StrokeWidth = 1
	if look.critical {
		r.body.StrokeWidth = max(2, 2.5*z)
	}
	r.body.Resize(size)
	ringGap := 4 * z
	r.selectionRing.Move(fyne.NewPos(-ringGap, -ringGap))
	r.selectionRing.Resize(fyne.NewSize(size.Width+2*ringGap, size.Height+2*ringGap))
	r.selectionRing.CornerRadius, r.selectionRing.StrokeWidth = radius+ringGap, max(2, 2*z)

	band := bandHeight * z
	r.band.TopLeftCornerRadius, r.band.TopRightCornerRadius = radius, radius
	r.band.Resize(fyne.NewSize(size.Width, band))
	pad := 9 * z

	bandText := 10.5 * typeScale
	r.short.TextSize = bandText
	shortSize := fyne.MeasureText(look.short, bandText, r.short.TextStyle)
	r.short.Move(fyne.NewPos(pad, (band-shortSize.Height)/2))
	r.short.Resize(shortSize)
	r.department.TextSize = bandText
	departmentX := pad + shortSize.Width + 6*z
	departmentWidth := size.Width - departmentX - pad
	if look.rank > 0 {
		departmentWidth -= 40 * z // the badge overhangs this corner
	}
	r.department.Text = ""
	if look.department != look.short {
		r.department.Text = truncate(look.department, departmentWidth, bandText, r.department.TextStyle)
	}
	r.department.Move(fyne.NewPos(departmentX, (band-shortSize.Height)/2))

	nameSize := 13 * typeScale
	r.name.TextSize = nameSize
	r.name.Text = truncate(look.name, size.Width-2*pad, nameSize, r.name.TextStyle)
	r.name.Move(fyne.NewPos(pad, band+4*z))

	rowTop := band + 4*z + nameSize*1.45
	rowStep := (size.Height - rowTop - 5*z) / 3
	rowSize := min(11*typeScale, rowStep*0.9) // the larger presenter type must not make rows overlap
	values := [3]string{look.process, look.wait, look.ca}
	for i := range r.rowLabels {
		r.rowLabels[i].TextSize, r.rowValues[i].TextSize = rowSize, rowSize
		labelWidth := fyne.MeasureText(r.rowLabels[i].Text, rowSize, r.rowLabels[i].TextStyle).Width
		r.rowValues[i].Text = fitRowValue(values[i], size.Width-2*pad-labelWidth-6*z, rowSize, r.rowValues[i].TextStyle)
		y := rowTop + float32(i)*rowStep
		r.rowLabels[i].Move(fyne.NewPos(pad, y))
		r.rowValues[i].Move(fyne.NewPos(pad, y))
		r.rowValues[i].Resize(fyne.NewSize(size.Width-2*pad, rowSize*1.3))
	}

	badgeTextSize := 11 * typeScale
	r.badgeText.TextSize = badgeTextSize
	textSize := fyne.MeasureText(look.rankText, badgeTextSize, r.badgeText.TextStyle)
	badgeSize := fyne.NewSize(textSize.Width+14*z, textSize.Height+4*z)
	badgePos := fyne.NewPos(size.Width-badgeSize.Width+8*z, -badgeSize.Height/2)
	r.badge.Move(badgePos)
	r.badge.Resize(badgeSize)
	r.badge.CornerRadius = badgeSize.Height / 2
	r.badgeText.Move(badgePos.AddXY(0, (badgeSize.Height-textSize.Height)/2))
	r.badgeText.Resize(fyne.NewSize(badgeSize.Width, textSize.Height))

	burstRadius := 13 * z
	burstCentre := fyne.NewPos(size.Width-2*z, size.Height+2*z)
	r.burst.Points = starburst(burstRadius)
	r.burst.Move(burstCentre.SubtractXY(burstRadius, burstRadius))
	r.burst.Resize(fyne.NewSquareSize(2 * burstRadius))
	r.burst.StrokeWidth = max(1, z)
	r.burstText.TextSize = 10 * typeScale
	r.burstText.Move(burstCentre.SubtractXY(burstRadius, 10*typeScale*0.68))
	r.burstText.Resize(fyne.NewSize(2*burstRadius, 10*typeScale*1.3))

	handle := max(handleRadius*z, handleRadius) * 2
	r.card.handle.Move(fyne.NewPos(size.Width-handle/2, (size.Height-handle)/2))
	r.card.handle.Resize(fyne.NewSquareSize(handle))
	r.showDetail(typeScale)
}

// Below these type scales text is too small to read, so it is not drawn at all: a fitted map of
// hundreds of stages then costs the GL driver coloured rectangles instead of thousands of text
// textures (issue 5's memory budget), and the room sees the shape of the flow.
const (
	detailScale = 0.5  // the PT, WT and %C&A rows and the department name
	titleScale  = 0.32 // the stage name and the short department label
)

func (r *cardRenderer) showDetail(typeScale float32) {
	details := typeScale >= detailScale
	titles := typeScale >= titleScale
	for i := range r.rowLabels {
		r.rowLabels[i].Hidden, r.rowValues[i].Hidden = !details, !details
	}
	r.department.Hidden = !details
	r.name.Hidden, r.short.Hidden = !titles, !titles
	// In overview the view paints the card; the widget stays, invisible, for taps and drags.
	if r.card.view.overview {
		for _, o := range r.objects {
			o.Hide()
		}
	} else {
		r.body.Hidden, r.band.Hidden = false, false
	}
}

// starburst is the jagged outline of a kaizen burst: 8 spikes, 16 vertices, the most Fyne's
// ArbitraryPolygon draws.
func starburst(radius float32) []fyne.Position {
	points := make([]fyne.Position, 0, 16)
	for i := 0; i < 16; i++ {
		r := radius
		if i%2 == 1 {
			r = radius * 0.62
		}
		angle := float64(i)*math.Pi/8 - math.Pi/2
		points = append(points, fyne.NewPos(radius+r*float32(math.Cos(angle)), radius+r*float32(math.Sin(angle))))
	}
	return points
}

// truncate shortens text with an ellipsis until it fits width; names in a workshop are often
// long ("Finance budget approval committee") and the full name is in the side panel.
func truncate(text string, width, size float32, style fyne.TextStyle) string {
	if width <= 0 {
		return ""
	}
	if fyne.MeasureText(text, size, style).Width <= width {
		return text
	}
	runes := []rune(text)
	low, high := 0, len(runes)
	for low < high {
		mid := (low + high + 1) / 2
		if fyne.MeasureText(string(runes[:mid])+"…", size, style).Width <= width {
			low = mid
		} else {
			high = mid - 1
		}
	}
	return string(runes[:low]) + "…"
}

// fitRowValue keeps a row's value inside the card: a time with a range that is too wide
// ("1h 30m (1h 6m–1h 54m)", as measured maps have) drops the range, which the stage panel
// still shows, before the time itself is shortened.
func fitRowValue(text string, width, size float32, style fyne.TextStyle) string {
	if fyne.MeasureText(text, size, style).Width <= width {
		return text
	}
	if cut := strings.Index(text, " ("); cut > 0 { // workshop.WithRange's " (low–high)"
		text = text[:cut]
	}
	return truncate(text, width, size, style)
}

// lookOf computes what a card shows. mt may be nil when the map has an error (e.g. a loop).
func lookOf(s *workshop.Stage, cal workshop.Calendar, ranks map[string]workshop.Delay, critical, selected bool, ideas int) cardLook {
	look := cardLook{
		name:       s.Name,
		department: s.Department,
		short:      workshop.DepartmentShort(s.Department),
		band:       parseHexColour(workshop.DepartmentColour(s.Department)),
		process:    workshop.WithRange(shortest(s.Process, cal), s.ProcessRange, cal),
		wait:       workshop.WithRange(shortest(s.Wait, cal), s.WaitRange, cal),
		ca:         "—",
		ideas:      ideas,
		critical:   critical,
		selected:   selected,
	}
	if look.name == "" {
		look.name = "(unnamed)"
	}
	if s.HasCA {
		look.ca = workshop.FormatPercent(s.CA / 100) // written as in the panels and the handout
	}
	if d, ok := ranks[s.ID]; ok {
		look.rank = d.Rank
		look.rankText = fmt.Sprintf("%d · %s", d.Rank, workshop.FormatShort(s.Wait, cal))
	}
	return look
}

// shortest writes a duration exactly when that stays short ("3d 4h"), else rounded ("1.6w").
func shortest(minutes float64, cal workshop.Calendar) string {
	if exact := workshop.FormatDuration(minutes, cal); len(exact) <= 7 {
		return exact
	}
	return workshop.FormatShort(minutes, cal)
}
