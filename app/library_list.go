package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// libraryList is the library's list of workshops with the keys and clicks of a file browser:
// arrows move the selection, Enter opens the selected workshop, a double-click opens the row.
type libraryList struct {
	widget.List
	view   *libraryView
	onOpen func() // opens the selected row; OnSelected has been told which one it is
}

func newLibraryList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject), onOpen func()) *libraryList {
	l := &libraryList{onOpen: onOpen}
	l.Length = length
	l.CreateItem = func() fyne.CanvasObject { return newLibraryRow(l, create()) }
	l.UpdateItem = func(id widget.ListItemID, o fyne.CanvasObject) {
		row := o.(*libraryRow)
		row.id = id
		update(id, row.content)
	}
	// The highlight the arrows move is the selection, so Enter and the buttons act on the row
	// the facilitator sees marked.
	l.OnHighlighted = func(id widget.ListItemID) { l.Select(id) }
	l.ExtendBaseWidget(l)
	return l
}

// TypedKey opens the selected workshop on Enter and leaves the other keys to the list.
func (l *libraryList) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter {
		l.List.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace}) // select the highlighted row first
		l.onOpen()
		return
	}
	l.List.TypedKey(ev)
}

// libraryRow wraps a row's content to take clicks: one selects the row, two open it.
type libraryRow struct {
	widget.BaseWidget
	list    *libraryList
	id      widget.ListItemID
	content fyne.CanvasObject
}

var (
	_ fyne.Tappable       = (*libraryRow)(nil)
	_ fyne.DoubleTappable = (*libraryRow)(nil)
)

func newLibraryRow(list *libraryList, content fyne.CanvasObject) *libraryRow {
	r := &libraryRow{list: list, content: content}
	r.ExtendBaseWidget(r)
	return r
}

// Tapped selects the row, as the list's own row would: this row is on top and takes the tap.
func (r *libraryRow) Tapped(*fyne.PointEvent) {
	r.list.Select(r.id)
	if c := fyne.CurrentApp().Driver().CanvasForObject(r.list); c != nil {
		c.Focus(r.list) // so that arrows and Enter work after a click
	}
}

// DoubleTapped opens the row's workshop.
func (r *libraryRow) DoubleTapped(*fyne.PointEvent) {
	r.list.Select(r.id)
	r.list.onOpen()
}

func (r *libraryRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(r.content)
}
