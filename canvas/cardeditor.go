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

// The on-card editor's size in pixels: larger than a card at zoom 1, because three entries
// the room can read do not fit in 140×90. It opens over the card, from its top-left corner.
const (
	editorWidth  = 240
	editorHeight = 180
)

// Field order of the on-card editor: Tab walks it forwards, Shift+Tab backwards.
const (
	fieldName = iota
	fieldProcess
	fieldWait
	fieldCount
)

var (
	_ fyne.Tabbable = (*editorField)(nil)
	_ fyne.Widget   = (*editorField)(nil)
)

// cardEditor edits a stage's name, process and wait time on the map, so the facilitator's
// eyes never leave it. Enter commits all three as one EditStage; Esc drops them.
type cardEditor struct {
	view    *MapView
	stageID string
	fields  [fieldCount]*editorField
	// opened is the name the editor opened with: a name left as it was is never split into
	// times, so an imported "Level 2d" survives F2, Enter.
	opened string
	// justAdded says the editor opened on a stage the keyboard just added: its first commit
	// joins that add's undo step.
	justAdded bool
	// department is one typed as "@QA" in the name, saved with the other fields; "" for none.
	department string
	hint       *fynecanvas.Text // the quick-entry line under the name (quickentry.go)
	problem    *widget.Label
	body       *fynecanvas.Rectangle
	band       *fynecanvas.Rectangle
	title      *fynecanvas.Text
	box        *fyne.Container
}

// editorField is an Entry that keeps Tab, Enter and Esc for the editor instead of moving the
// window's focus or submitting on its own.
type editorField struct {
	widget.Entry
	editor *cardEditor
	index  int
}

func newEditorField(e *cardEditor, index int, placeholder string) *editorField {
	f := &editorField{editor: e, index: index}
	f.ExtendBaseWidget(f)
	f.PlaceHolder = placeholder
	return f
}

func (f *editorField) AcceptsTab() bool { return true }

func (f *editorField) TypedKey(ev *fyne.KeyEvent) {
	view := f.editor.view
	switch ev.Name {
	case fyne.KeyTab:
		step := 1
		if view.currentModifiers()&fyne.KeyModifierShift != 0 {
			step = fieldCount - 1
		}
		if f.index == fieldName {
			f.editor.applyQuickEntry()
		}
		f.editor.focusField((f.index + step) % fieldCount)
	case fyne.KeyReturn, fyne.KeyEnter:
		f.editor.commit(true)
	case fyne.KeyEscape:
		view.CloseEditor()
	case fyne.KeyF1, fyne.KeyF11: // help and presenter mode work mid-edit too
		if view.OnOtherKey != nil {
			view.OnOtherKey(ev)
		}
	default:
		f.Entry.TypedKey(ev)
	}
}

// TypedShortcut keeps the text shortcuts (copy, paste, undo…) for the field and hands the
// window's own (Ctrl+T, Ctrl+P, Tidy…) on, which an Entry would drop.
func (f *editorField) TypedShortcut(s fyne.Shortcut) {
	if _, custom := s.(*desktop.CustomShortcut); custom && f.editor.view.OnOtherShortcut != nil {
		f.editor.view.OnOtherShortcut(s)
		return
	}
	f.Entry.TypedShortcut(s)
}

// KeyDown and KeyUp keep the view's record of Shift current while a field has the focus.
func (f *editorField) KeyDown(ev *fyne.KeyEvent) {
	f.editor.view.modifiers |= modifierOf(ev.Name)
	f.Entry.KeyDown(ev)
}

func (f *editorField) KeyUp(ev *fyne.KeyEvent) {
	f.editor.view.modifiers &^= modifierOf(ev.Name)
	f.Entry.KeyUp(ev)
}

func newCardEditor(v *MapView) *cardEditor {
	e := &cardEditor{view: v,
		body:  &fynecanvas.Rectangle{CornerRadius: 8, StrokeWidth: 2},
		band:  &fynecanvas.Rectangle{TopLeftCornerRadius: 8, TopRightCornerRadius: 8},
		title: &fynecanvas.Text{TextStyle: fyne.TextStyle{Bold: true}, TextSize: 12},
	}
	e.fields[fieldName] = newEditorField(e, fieldName, "Stage name")
	e.fields[fieldProcess] = newEditorField(e, fieldProcess, "e.g. 2h")
	e.fields[fieldWait] = newEditorField(e, fieldWait, "e.g. 3d")
	e.problem = widget.NewLabel("")
	e.problem.Importance = widget.DangerImportance
	e.problem.Wrapping = fyne.TextWrapWord
	e.problem.Hide()
	e.hint = &fynecanvas.Text{TextSize: theme.CaptionTextSize()}
	e.fields[fieldName].OnChanged = func(string) { e.showQuickEntry() }
	form := container.NewVBox(
		editorRow("Name", e.fields[fieldName]),
		container.NewPadded(e.hint), // a reserved line: what it says never moves the fields
		editorRow("PT", e.fields[fieldProcess]),
		editorRow("WT", e.fields[fieldWait]))
	band := container.NewStack(e.band, container.NewPadded(e.title))
	e.box = container.NewStack(e.body, container.NewBorder(band, e.problem, nil, nil, container.NewPadded(form)))
	return e
}

// OpenEditor opens the on-card editor of a stage, on its name; initial, when not empty,
// replaces the name (a letter typed on a selected card starts its new name).
func (v *MapView) OpenEditor(stageID, initial string) {
	if v.model == nil {
		return
	}
	s := v.model.Stage(stageID)
	if s == nil {
		return
	}
	if v.editor != nil {
		v.CloseEditor()
	}
	e := newCardEditor(v)
	e.stageID, e.opened = stageID, s.Name
	cal := v.workshop.Calendar
	e.fields[fieldName].SetText(s.Name)
	e.fields[fieldProcess].SetText(workshop.FormatEstimateField(s.Process, s.ProcessRange, cal))
	e.fields[fieldWait].SetText(workshop.FormatEstimateField(s.Wait, s.WaitRange, cal))
	e.title.Text = s.Department
	if e.title.Text == "" {
		e.title.Text = "Stage"
	}
	band := parseHexColour(workshop.DepartmentColour(s.Department))
	e.band.FillColor, e.title.Color = band, textOn(band)
	e.body.FillColor, e.body.StrokeColor = v.colours.cardFill, v.colours.accent
	e.hint.Color = theme.Color(theme.ColorNamePlaceHolder)
	e.showQuickEntry()
	v.editor = e
	v.editLayer.Objects = []fyne.CanvasObject{e.box}
	v.placeEditor()
	v.editLayer.Refresh()
	if initial != "" {
		e.fields[fieldName].SetText(initial)
		e.fields[fieldName].CursorColumn = len([]rune(initial))
		e.focusField(fieldName)
		return
	}
	e.focusField(fieldName)
	e.fields[fieldName].TypedShortcut(&fyne.ShortcutSelectAll{})
}

// EditorOpen tells whether the on-card editor is showing, and for which stage.
func (v *MapView) EditorOpen() (stageID string, open bool) {
	if v.editor == nil {
		return "", false
	}
	return v.editor.stageID, true
}

// CloseEditor closes the on-card editor without committing, keeping the stage selected and
// the focus on the map so the next key goes on building.
func (v *MapView) CloseEditor() {
	if v.editor == nil {
		return
	}
	v.editor = nil
	v.editLayer.Objects = nil
	v.editLayer.Refresh()
	v.focus()
}

// CommitEditor saves what an open on-card editor holds, e.g. when the facilitator clicks
// elsewhere on the map or the app closes: the fields that parse are saved, the rest dropped
// rather than trapping the pointer.
func (v *MapView) CommitEditor() {
	if v.editor != nil {
		v.editor.commit(false)
	}
}

func (e *cardEditor) focusField(i int) {
	if app := fyne.CurrentApp(); app != nil {
		if c := app.Driver().CanvasForObject(e.view); c != nil {
			c.Focus(e.fields[i])
		}
	}
}

// commit applies the three fields as one EditStage and closes the editor. With all, a field
// that does not parse keeps its text and the editor stays open with the error on the card;
// otherwise (a click elsewhere, the app closing) the fields that parse are saved and the rest
// dropped, so no word typed in time is lost.
func (e *cardEditor) commit(all bool) bool {
	v := e.view
	s := v.model.Stage(e.stageID)
	if s == nil {
		v.CloseEditor()
		return true
	}
	quick := e.applyQuickEntry()
	cal := v.workshop.Calendar
	edited := *s
	if e.department != "" {
		edited.Department = e.department
	}
	var firstErr error
	failed := -1
	fail := func(index int, err error) {
		if firstErr == nil {
			firstErr, failed = err, index
		}
	}
	if name := strings.TrimSpace(e.fields[fieldName].Text); name != "" {
		edited.Name = name
	} else {
		fail(fieldName, errEmptyName)
	}
	// Times are read as the side panel reads them (workshop/fields.go), ranges included.
	for _, f := range []struct {
		index    int
		name     string
		value    *float64
		estimate *workshop.Range
	}{{fieldProcess, "Process time", &edited.Process, &edited.ProcessRange},
		{fieldWait, "Wait time", &edited.Wait, &edited.WaitRange}} {
		typed, estimate, err := workshop.ParseEstimateField(f.name, e.fields[f.index].Text, cal)
		if err != nil {
			fail(f.index, err)
			continue
		}
		*f.value, *f.estimate = workshop.KeepUnrounded(typed, *f.value, cal), estimate
	}
	err := firstErr
	if !all {
		err = nil
	}
	if err == nil && edited != *s && v.OnCommand != nil {
		var cmd workshop.Command = &workshop.EditStage{MapID: v.model.ID, StageID: s.ID, Stage: edited}
		if e.justAdded {
			cmd = &workshop.Amend{Command: cmd} // naming a new stage is part of adding it
		}
		err = v.OnCommand(cmd)
	}
	if err != nil && all {
		e.problem.SetText(err.Error())
		e.problem.Show()
		v.placeEditor()
		if failed >= 0 {
			e.focusField(failed)
		}
		return false
	}
	if quick {
		v.quickEntryUsed = true // the hint has done its work
	}
	v.CloseEditor()
	return true
}

// placeEditor puts the editor over its card, for the current zoom and pan.
func (v *MapView) placeEditor() {
	e := v.editor
	if e == nil {
		return
	}
	c := v.cards[e.stageID]
	if c == nil {
		v.CloseEditor()
		return
	}
	width := max(editorWidth, cardWidth*v.zoom)
	e.box.Resize(fyne.NewSize(width, e.box.MinSize().Height))
	e.box.Resize(fyne.NewSize(width, max(e.box.MinSize().Height, cardHeight*v.zoom)))
	ring := 4 * v.zoom // cover the card's selection ring, which would peek out at the corner
	e.box.Move(v.toLayer(c.mapPos).SubtractXY(ring, ring))
}
