package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"leadline.app/leadline/workshop"
	"leadline.app/leadline/workshop/store"
)

// libraryView lists the library's workshops with their maps and last change.
type libraryView struct {
	ui       *App
	list     *libraryList
	items    []store.Summary
	selected int
	content  fyne.CanvasObject
	buttons  *fyne.Container
	empty    *widget.Label
	// needSelection are the actions on one workshop, greyed out until one is selected.
	needSelection []*widget.Button
	// nameDialog and nameEntry are the name dialog on screen, if any (for tests).
	nameDialog *dialog.FormDialog
	nameEntry  *widget.Entry
}

// showLibrary replaces the window content with the library view.
func (ui *App) showLibrary() {
	if ui.lib == nil {
		return
	}
	v := newLibraryView(ui)
	ui.setTitle("Library")
	ui.window.SetContent(v.content)
	ui.window.Canvas().Focus(v.list) // arrows pick a workshop, Enter opens it
}

// newLibraryView lists the library with the workshop on screen picked, so that Enter goes
// straight back to it.
func newLibraryView(ui *App) *libraryView {
	v := &libraryView{ui: ui, selected: -1}
	v.build()
	v.reload()
	if e := ui.editor; e != nil && e.session != nil {
		for i, item := range v.items {
			if item.ID == e.session.edits.ID() {
				v.list.Select(i)
				v.list.ScrollTo(i)
			}
		}
	}
	return v
}

func (v *libraryView) build() {
	v.list = newLibraryList(
		func() int { return len(v.items) },
		func() fyne.CanvasObject {
			name := widget.NewLabel("workshop name")
			name.TextStyle = fyne.TextStyle{Bold: true}
			return container.NewBorder(nil, nil, nil, widget.NewLabel("0 maps · 2006-01-02 15:04"), name)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*fyne.Container)
			s := v.items[i]
			row.Objects[0].(*widget.Label).SetText(s.Name)
			maps := fmt.Sprintf("%d maps", s.Maps)
			if s.Maps == 1 {
				maps = "1 map"
			}
			row.Objects[1].(*widget.Label).SetText(maps + " · " + s.Updated.Local().Format("2006-01-02 15:04"))
		}, v.openSelected)
	v.list.view = v
	v.list.OnSelected = func(i widget.ListItemID) { v.selected = i; v.enableActions() }
	v.empty = widget.NewLabel("No workshops yet. Create one, or import a Leadline, Norn or timemap file.")
	v.empty.Alignment = fyne.TextAlignCenter

	open := widget.NewButtonWithIcon("Open", theme.FolderOpenIcon(), v.openSelected)
	open.Importance = widget.HighImportance
	v.needSelection = []*widget.Button{
		open,
		widget.NewButtonWithIcon("Rename", theme.DocumentCreateIcon(), v.rename),
		widget.NewButtonWithIcon("Duplicate", theme.ContentCopyIcon(), v.duplicate),
		widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), v.remove),
		widget.NewButtonWithIcon("Export…", theme.UploadIcon(), v.export),
	}
	n := v.needSelection
	v.buttons = container.NewHBox(
		widget.NewButtonWithIcon("New", theme.ContentAddIcon(), v.create),
		n[0], n[1], n[2], n[3],
		widget.NewSeparator(),
		widget.NewButtonWithIcon("Import…", theme.DownloadIcon(), v.ui.importDialog),
		n[4],
	)
	title := widget.NewLabelWithStyle("Workshops in "+v.ui.lib.Path(), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	var back fyne.CanvasObject = layout.NewSpacer()
	if v.ui.editor != nil && v.ui.editor.session != nil {
		back = widget.NewButtonWithIcon("Back to the map", theme.NavigateBackIcon(), func() {
			v.ui.window.SetContent(v.ui.editor.content)
			v.ui.editor.showMap()
			v.ui.editor.focusMap()
		})
	}
	v.content = container.NewBorder(container.NewVBox(container.NewBorder(nil, nil, back, nil, title), v.buttons), nil, nil, nil,
		container.NewStack(v.list, container.NewCenter(v.empty)))
	v.list.OnUnselected = func(widget.ListItemID) { v.selected = -1; v.enableActions() }
}

func (v *libraryView) reload() {
	items, err := v.ui.lib.List()
	if err != nil {
		v.ui.showError(err)
		return
	}
	v.items = items
	v.selected = -1
	v.list.UnselectAll()
	v.list.Refresh()
	v.enableActions()
	if len(items) == 0 {
		v.empty.Show()
	} else {
		v.empty.Hide()
	}
}

func (v *libraryView) current() (store.Summary, bool) {
	if v.selected < 0 || v.selected >= len(v.items) {
		return store.Summary{}, false
	}
	return v.items[v.selected], true
}

func (v *libraryView) openSelected() {
	if s, ok := v.current(); ok {
		if err := v.ui.openWorkshop(s.ID); err != nil {
			v.ui.showError(err)
		}
	}
}

func (v *libraryView) create() {
	v.askName("New workshop", "Workshop name", "", func(name string) {
		w := workshop.NewWorkshop(name)
		w.Maps = []*workshop.Map{{ID: "m1", Name: "Current state", State: workshop.Current}}
		id, err := v.ui.lib.Create(w)
		if err != nil {
			v.ui.showError(err)
			return
		}
		if err := v.ui.openWorkshop(id); err != nil {
			v.ui.showError(err)
		}
	})
}

func (v *libraryView) rename() {
	s, ok := v.current()
	if !ok {
		return
	}
	v.askName("Rename workshop", "Workshop name", s.Name, func(name string) {
		if err := v.ui.lib.Rename(s.ID, name); err != nil {
			v.ui.showError(err)
		}
		v.reload()
	})
}

func (v *libraryView) duplicate() {
	s, ok := v.current()
	if !ok {
		return
	}
	if _, err := v.ui.lib.Duplicate(s.ID, s.Name+" (copy)"); err != nil {
		v.ui.showError(err)
	}
	v.reload()
}

// remove asks first: deleting a whole workshop is the one edit the undo stack cannot reach.
// It is still restorable: the workshop is exported to JSON in memory and "Undo delete" puts
// it back.
func (v *libraryView) remove() {
	s, ok := v.current()
	if !ok {
		return
	}
	dialog.ShowConfirm("Delete workshop", fmt.Sprintf("Delete %q and all its maps?", s.Name), func(yes bool) {
		if !yes {
			return
		}
		w, err := v.ui.lib.Load(s.ID)
		if err != nil {
			v.ui.showError(err)
			return
		}
		if err := v.ui.lib.Delete(s.ID); err != nil {
			v.ui.showError(err)
			return
		}
		if v.ui.editor != nil && v.ui.editor.session != nil && v.ui.editor.session.edits.ID() == s.ID {
			v.ui.closeSession()
			v.ui.editor.session = nil
		}
		v.reload()
		v.offerRestore(w)
	}, v.ui.window)
}

func (v *libraryView) offerRestore(w *workshop.Workshop) {
	var restore *widget.Button
	restore = widget.NewButtonWithIcon(fmt.Sprintf("Undo delete of %q", w.Name), theme.ContentUndoIcon(), func() {
		if _, err := v.ui.lib.Create(w); err != nil {
			v.ui.showError(err)
		}
		restore.Hide()
		v.reload()
	})
	v.buttons.Add(restore)
}

func (v *libraryView) export() {
	s, ok := v.current()
	if !ok {
		return
	}
	w, err := v.ui.lib.Load(s.ID)
	if err != nil {
		v.ui.showError(err)
		return
	}
	v.ui.exportJSONDialog(w)
}

// askName is the one small form that needs a dialog: a name typed before anything exists. Its
// entry spans the dialog, and Enter submits it.
func (v *libraryView) askName(title, label, initial string, done func(string)) {
	entry := widget.NewEntry()
	entry.SetText(initial)
	entry.SetPlaceHolder("e.g. Release process, 12 March")
	entry.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return fmt.Errorf("%s must not be empty", strings.ToLower(label))
		}
		return nil
	}
	d := dialog.NewForm(title, "OK", "Cancel", []*widget.FormItem{widget.NewFormItem(label, entry)}, func(ok bool) {
		if ok {
			done(strings.TrimSpace(entry.Text))
		}
	}, v.ui.window)
	entry.OnSubmitted = func(string) { d.Submit() } // refused while the name is blank
	d.Show()
	d.Resize(fyne.NewSize(askNameWidth, d.MinSize().Height))
	v.ui.window.Canvas().Focus(entry)
	v.nameDialog, v.nameEntry = d, entry
}

// askNameWidth fits a long workshop name without scrolling in the entry.
const askNameWidth = 560

func (v *libraryView) enableActions() {
	for _, b := range v.needSelection {
		if v.selected >= 0 {
			b.Enable()
		} else {
			b.Disable()
		}
	}
}
