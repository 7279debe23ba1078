package canvas

import (
	"strings"

	"fyne.io/fyne/v2"
	fynecanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"leadline.app/leadline/workshop"
)

var (
	_ fyne.Widget        = (*Palette)(nil)
	_ fyne.Draggable     = (*paletteItem)(nil)
	_ fyne.Tappable      = (*paletteItem)(nil)
	_ desktop.Cursorable = (*paletteItem)(nil)
)

// customDepartment is used when "Custom…" is dragged before a name was typed.
const customDepartment = "Custom"

// Palette lists the departments; dragging one onto the MapView creates a stage there.
type Palette struct {
	widget.BaseWidget
	target *MapView
	items  []*paletteItem
	custom *paletteItem
	entry  *widget.Entry
}

// NewPalette returns the built-in departments plus "Custom…", dropping onto target.
func NewPalette(target *MapView) *Palette {
	p := &Palette{target: target}
	for _, d := range workshop.Departments {
		p.items = append(p.items, newPaletteItem(p, d.Name, false))
	}
	p.custom = newPaletteItem(p, "", true)
	p.entry = widget.NewEntry()
	p.entry.SetPlaceHolder("Custom department…")
	p.entry.OnChanged = func(string) { p.custom.Refresh() }
	p.ExtendBaseWidget(p)
	return p
}

// customName is the department the "Custom…" item creates.
func (p *Palette) customName() string {
	if name := strings.TrimSpace(p.entry.Text); name != "" {
		return name
	}
	return customDepartment
}

// CreateRenderer lays the palette out as a column: the title on top, the custom department's
// field and chip pinned at the foot, and the built-in departments scrolling between them only
// on a screen shorter than a 1280×720 projector. In one scroll with the rest, the custom field
// sat below the fold at 720 px, cut off by the bottom of the window.
func (p *Palette) CreateRenderer() fyne.WidgetRenderer {
	title := widget.NewLabelWithStyle("Departments", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	hint := widget.NewLabel("Drag onto the map")
	hint.Importance = widget.LowImportance
	hint.SizeName = theme.SizeNameCaptionText
	list := container.NewVBox()
	for _, item := range p.items {
		list.Add(item)
	}
	custom := container.NewVBox(widget.NewSeparator(), p.entry, p.custom)
	return widget.NewSimpleRenderer(container.NewBorder(container.NewVBox(title, hint), custom, nil, nil,
		container.NewVScroll(list)))
}

// paletteItem is one draggable department chip: colour swatch, short label and name, so the
// departments are told apart without relying on colour.
type paletteItem struct {
	widget.BaseWidget
	palette    *Palette
	department string
	custom     bool

	dragging       bool
	itemAbsolute   fyne.Position // where the item sat when the drag began
	targetAbsolute fyne.Position
	pointer        fyne.Position // relative to the item
}

func newPaletteItem(p *Palette, department string, custom bool) *paletteItem {
	item := &paletteItem{palette: p, department: department, custom: custom}
	item.ExtendBaseWidget(item)
	return item
}

func (i *paletteItem) name() string {
	if i.custom {
		return i.palette.customName()
	}
	return i.department
}

func (i *paletteItem) Cursor() desktop.Cursor { return desktop.PointerCursor }

// Tapped adds the department in the middle of the view: the keyboard-and-touchpad way in.
func (i *paletteItem) Tapped(*fyne.PointEvent) {
	view := i.palette.target
	size := view.Size()
	at := centre(size).SubtractXY(cardWidth*view.zoom/2, cardHeight*view.zoom/2)
	view.dropDepartment(i.name(), at)
}

// Dragged follows the pointer, which Fyne reports relative to the item, and previews the drop
// when it is over the map.
func (i *paletteItem) Dragged(ev *fyne.DragEvent) {
	if !i.dragging {
		i.dragging = true
		driver := fyne.CurrentApp().Driver()
		i.itemAbsolute = driver.AbsolutePositionForObject(i)
		i.targetAbsolute = driver.AbsolutePositionForObject(i.palette.target)
	}
	i.pointer = ev.Position
	at, inside := i.overTarget()
	i.palette.target.previewDrop(at, i.name(), inside)
}

func (i *paletteItem) DragEnd() {
	i.dragging = false
	at, inside := i.overTarget()
	if inside {
		i.palette.target.dropDepartment(i.name(), at)
	} else {
		i.palette.target.previewDrop(at, i.name(), false)
	}
}

// overTarget converts the pointer to a position in the map view and says if it is inside.
func (i *paletteItem) overTarget() (fyne.Position, bool) {
	at := i.itemAbsolute.Add(i.pointer).Subtract(i.targetAbsolute)
	size := i.palette.target.Size()
	return at, at.X >= 0 && at.Y >= 0 && at.X < size.Width && at.Y < size.Height
}

func (i *paletteItem) CreateRenderer() fyne.WidgetRenderer {
	r := &paletteItemRenderer{item: i,
		background: &fynecanvas.Rectangle{CornerRadius: 6, StrokeWidth: 1},
		swatch:     &fynecanvas.Rectangle{CornerRadius: 4},
		short:      &fynecanvas.Text{TextStyle: fyne.TextStyle{Bold: true}, Alignment: fyne.TextAlignCenter, TextSize: 10},
		name:       &fynecanvas.Text{},
	}
	r.Refresh()
	return r
}

type paletteItemRenderer struct {
	item               *paletteItem
	background, swatch *fynecanvas.Rectangle
	short, name        *fynecanvas.Text
	fullName           string // the name before truncation to the chip's width
}

func (r *paletteItemRenderer) Destroy() {}
func (r *paletteItemRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.background, r.swatch, r.short, r.name}
}

// MinSize is compact enough that all the built-in departments, the title and the custom field
// fit the palette column of a 1280×720 screen without scrolling.
func (r *paletteItemRenderer) MinSize() fyne.Size { return fyne.NewSize(170, 30) }

func (r *paletteItemRenderer) Layout(size fyne.Size) {
	r.background.Resize(size)
	swatch := fyne.NewSize(38, size.Height-10)
	r.swatch.Move(fyne.NewPos(5, 5))
	r.swatch.Resize(swatch)
	r.short.Move(fyne.NewPos(5, 5+(swatch.Height-r.short.MinSize().Height)/2))
	r.short.Resize(fyne.NewSize(swatch.Width, r.short.MinSize().Height))
	nameX := swatch.Width + 14
	r.name.Text = truncate(r.fullName, size.Width-nameX-6, r.name.TextSize, r.name.TextStyle)
	r.name.Move(fyne.NewPos(nameX, (size.Height-r.name.MinSize().Height)/2))
}

func (r *paletteItemRenderer) Refresh() {
	th := r.item.Theme()
	variant := fyne.CurrentApp().Settings().ThemeVariant()
	department := r.item.name()
	band := parseHexColour(workshop.DepartmentColour(department))
	r.background.FillColor = th.Color(theme.ColorNameInputBackground, variant)
	r.background.StrokeColor = th.Color(theme.ColorNameSeparator, variant)
	r.swatch.FillColor = band
	r.short.Text, r.short.Color = workshop.DepartmentShort(department), textOn(band)
	r.fullName, r.name.Color = department, th.Color(theme.ColorNameForeground, variant)
	r.name.TextSize = th.Size(theme.SizeNameText)
	if r.item.custom {
		r.short.Text = "+"
		if strings.TrimSpace(r.item.palette.entry.Text) == "" {
			r.fullName = "Custom…"
		}
	}
	r.Layout(r.item.Size())
	for _, o := range r.Objects() {
		o.Refresh()
	}
}
