package app

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"leadline.app/leadline/app/panels"
	"leadline.app/leadline/workshop"
)

// mapTabs is the row of the workshop's maps ("Feature release", "Hotfix", …) with buttons to
// add a map and to create a future state of the one on screen.
type mapTabs struct {
	editor *editor
	tabs   *fyne.Container
	box    *fyne.Container
}

func newMapTabs(e *editor) *mapTabs {
	t := &mapTabs{editor: e, tabs: container.NewHBox()}
	add := panels.NewTipButton(e.tips, "", theme.ContentAddIcon(), "Add a map to this workshop", t.addMap)
	future := widget.NewButtonWithIcon("Create future state", theme.ContentCopyIcon(), t.createFutureState)
	t.box = container.NewBorder(nil, nil, nil, container.NewHBox(add, future), container.NewHScroll(t.tabs))
	return t
}

func (t *mapTabs) refresh() {
	s := t.editor.session
	t.tabs.RemoveAll()
	for _, m := range s.workshop().Maps {
		label := m.Name
		// A future state copied from "Current state" is already called "Current state (future)".
		if m.State == workshop.Future && !strings.Contains(strings.ToLower(label), "future") {
			label += "  ·  future"
		}
		id := m.ID
		b := widget.NewButton(label, func() { t.editor.switchMap(id) })
		if id == s.mapID {
			b.Importance = widget.HighImportance
		} else {
			b.Importance = widget.LowImportance
		}
		t.tabs.Add(b)
	}
	t.tabs.Refresh()
}

func (t *mapTabs) addMap() {
	s := t.editor.session
	name := "New map"
	for n := 2; s.workshop().MapByName(name) != nil; n++ {
		name = "New map " + strconv.Itoa(n)
	}
	m := &workshop.Map{ID: s.workshop().NewMapID(), Name: name, State: workshop.Current}
	if t.editor.apply(&workshop.AddMap{Map: m}) == nil {
		t.editor.switchMap(m.ID)
	}
}

// createFutureState copies the map on screen, linked to it as its baseline.
func (t *mapTabs) createFutureState() {
	s := t.editor.session
	base := s.currentMap()
	if base == nil {
		return
	}
	future := workshop.FutureStateOf(s.workshop(), base)
	if t.editor.apply(&workshop.AddMap{Map: future}) == nil {
		t.editor.switchMap(future.ID)
		t.editor.ui.showNote("Future state created: its figures are compared with " + base.Name)
	}
}
