package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"leadline.app/leadline/app/panels"
	"leadline.app/leadline/workshop"
)

// noBaseline is the baseline choice of a map that improves on none.
const noBaseline = "(none)"

// mapForm edits the map on screen: its name, whether it is the current or a future state, the
// map a future state improves on, and deleting it (undoable, so no confirmation).
type mapForm struct {
	editor   *editor
	name     *widget.Entry
	state    *widget.RadioGroup
	baseline *widget.Select
	remove   *widget.Button
	filling  bool
	content  fyne.CanvasObject
}

func newMapForm(e *editor) *mapForm {
	f := &mapForm{editor: e}
	f.name = widget.NewEntry()
	f.name.OnSubmitted = func(string) { f.commit() }
	f.state = widget.NewRadioGroup([]string{string(workshop.Current), string(workshop.Future)}, func(string) { f.commit() })
	f.state.Horizontal = true
	f.baseline = widget.NewSelect(nil, func(string) { f.commit() })
	f.remove = widget.NewButtonWithIcon("Delete this map", theme.DeleteIcon(), f.deleteMap)
	rename := panels.NewTipButton(e.tips, "", theme.ConfirmIcon(), "Rename the map", f.commit)
	form := widget.NewForm(
		widget.NewFormItem("Map name", container.NewBorder(nil, nil, nil, rename, f.name)),
		widget.NewFormItem("State", f.state),
		widget.NewFormItem("Improves on", f.baseline),
	)
	f.content = container.NewVBox(widget.NewLabelWithStyle("Map", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), form, f.remove)
	return f
}

// show fills the form from the map on screen.
func (f *mapForm) show() {
	s := f.editor.session
	m := s.currentMap()
	f.filling = true
	defer func() { f.filling = false }()
	if m == nil {
		f.content.Hide()
		return
	}
	f.content.Show()
	f.name.SetText(m.Name)
	f.state.SetSelected(string(m.State))
	options := []string{noBaseline}
	for _, other := range s.workshop().Maps {
		if other != m {
			options = append(options, other.Name)
		}
	}
	f.baseline.SetOptions(options)
	if m.Baseline == "" {
		f.baseline.SetSelected(noBaseline)
	} else {
		f.baseline.SetSelected(m.Baseline)
	}
	if m.State == workshop.Future {
		f.baseline.Enable()
	} else {
		f.baseline.Disable()
	}
	if len(s.workshop().Maps) > 1 {
		f.remove.Enable()
	} else {
		f.remove.Disable()
	}
}

func (f *mapForm) commit() {
	if f.filling {
		return
	}
	m := f.editor.session.currentMap()
	if m == nil {
		return
	}
	cmd := &workshop.EditMap{MapID: m.ID, Name: f.name.Text, State: workshop.State(f.state.Selected), Baseline: f.baseline.Selected}
	if cmd.Baseline == noBaseline || cmd.State == workshop.Current {
		cmd.Baseline = ""
	}
	if cmd.Name == "" {
		cmd.Name = m.Name
	}
	if cmd.Name == m.Name && cmd.State == m.State && cmd.Baseline == m.Baseline {
		return
	}
	if f.editor.apply(cmd) != nil {
		f.show()
	}
}

func (f *mapForm) deleteMap() {
	s := f.editor.session
	m := s.currentMap()
	if m == nil || len(s.workshop().Maps) < 2 {
		return
	}
	if f.editor.apply(&workshop.DeleteMap{MapID: m.ID}) == nil {
		f.editor.ui.showNote("Map \"" + m.Name + "\" deleted — " + keys("Ctrl+Z") + " brings it back")
	}
}
