package panels

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"leadline.app/leadline/workshop"
)

// StageEditor is the side panel that edits the selected stage. It is not a widget itself,
// because its Show(workshop, map, stage) would clash with fyne.CanvasObject's Show(); place
// Content() in the window.
//
// When edits are committed: every field is checked as you type and an invalid one shows its
// error beside it, keeping the typed text. A valid edit is committed when the field is
// submitted (Enter), when it loses focus, or after IdleCommit without typing, whichever comes
// first; each commit emits one workshop.EditStage with the full edited stage, so typing
// "2d 4h" is one undo step, not five. Ideas are committed the same way as one SetIdeas.
// Nothing is emitted while the edited stage equals the model's.
type StageEditor struct {
	// OnCommand receives each edit; an error it returns is shown at the foot of the panel.
	OnCommand func(cmd workshop.Command) error
	// IdleCommit is how long typing must rest before the edit is committed; 0 disables it.
	IdleCommit time.Duration
	// Canvas is the window's canvas. A field that was hidden a moment ago (the empty state) is
	// not yet known to the driver, so focusing it needs the canvas given, not looked up.
	Canvas fyne.Canvas
	// Tips shows the tooltips of the panel's icon-only buttons; nil shows none.
	Tips *TipLayer

	workshop *workshop.Workshop
	stageMap *workshop.Map
	stageID  string
	filling  bool // Show is writing the fields: their OnChanged are not edits
	// lastDepartment tells a pick from the list (many letters at once) from typing.
	lastDepartment string
	idle           idleTimer

	content, empty, form           fyne.CanvasObject
	name, process, wait, ca, notes *commitEntry
	people                         *commitEntry
	department                     *commitSelectEntry
	chip                           *canvas.Rectangle
	chipLabel                      *canvas.Text
	nameError, processError        *widget.Label
	waitError, caError, peopleErr  *widget.Label
	processEcho, waitEcho          *widget.Label // what a duration is taken as: "= 3m"
	calendarHint                   *widget.Label
	status                         *widget.Label
	ideas                          *ideaList
}

// NewStageEditor returns an editor showing its empty state.
func NewStageEditor() *StageEditor {
	e := &StageEditor{IdleCommit: DefaultIdleCommit}
	e.idle.delay = func() time.Duration { return e.IdleCommit }
	e.idle.fire = e.commit
	e.name, e.process, e.wait = e.newField(false), e.newField(false), e.newField(false)
	e.ca, e.people, e.notes = e.newField(false), e.newField(false), e.newField(true)
	for _, entry := range []*commitEntry{e.name, e.process, e.wait, e.ca, e.people} {
		entry.onEscape = func() { e.revert(entry) }
	}
	e.notes.SetMinRowsVisible(3)
	e.name.SetPlaceHolder("Stage name")
	e.process.SetPlaceHolder("none yet, e.g. 2h, or 2h, from 1h to 1d")
	e.wait.SetPlaceHolder("none yet, e.g. 2d, or 2d, from 1d to 1w")
	e.ca.SetPlaceHolder("not recorded")
	e.people.SetPlaceHolder("0")
	e.notes.SetPlaceHolder("What happens here, who is involved")

	names := make([]string, len(workshop.Departments))
	for i, d := range workshop.Departments {
		names[i] = d.Name
	}
	e.department = newCommitSelectEntry(names)
	e.department.SetPlaceHolder("Pick or type a department")
	e.department.onFocusLost = e.commit
	e.department.OnSubmitted = func(string) { e.commit() }
	e.department.OnChanged = e.departmentChanged
	e.chip = canvas.NewRectangle(hexColour(workshop.DepartmentColour("")))
	e.chip.CornerRadius = 4
	e.chip.SetMinSize(fyne.NewSize(44, 0))
	e.chipLabel = newText("", 12, true)
	e.chipLabel.Alignment = fyne.TextAlignCenter

	e.nameError, e.processError, e.waitError = newErrorLabel(), newErrorLabel(), newErrorLabel()
	e.caError, e.peopleErr, e.status = newErrorLabel(), newErrorLabel(), newErrorLabel()
	e.ideas = newIdeaList(e)
	e.processEcho, e.waitEcho, e.calendarHint = newHintLabel(), newHintLabel(), newHintLabel()
	e.processEcho.Alignment, e.waitEcho.Alignment = fyne.TextAlignTrailing, fyne.TextAlignTrailing

	heading := widget.NewLabelWithStyle("Select a stage to edit it, or drag a department onto the map",
		fyne.TextAlignCenter, fyne.TextStyle{Italic: true})
	heading.Wrapping = fyne.TextWrapWord
	// A VBox gives the label the panel's width to wrap in; centred, it would be given only its
	// one-line width and run out of the panel onto the map.
	e.empty = container.NewVBox(layout.NewSpacer(), heading, layout.NewSpacer())
	e.form = container.NewVScroll(container.NewVBox(
		widget.NewLabelWithStyle("Stage", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		// Tab goes Name → Process → Wait, the three figures typed while the room talks; the
		// department (set by the palette already) comes after them.
		field("Name", e.name, e.nameError),
		durationField("Process time (hands-on work)", e.processEcho, e.process, e.processError),
		durationField("Wait time (before the stage starts)", e.waitEcho, e.wait, e.waitError),
		e.calendarHint,
		rangeHint(),
		field("Department", container.NewBorder(nil, nil,
			container.NewStack(e.chip, container.NewCenter(e.chipLabel)), nil, e.department)),
		container.NewGridWithColumns(2, field("%C&A", e.ca, e.caError), field("People", e.people, e.peopleErr)),
		field("Notes", e.notes),
		widget.NewSeparator(),
		widget.NewLabelWithStyle("Improvement ideas", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		e.ideas.content,
		e.status,
	))
	e.form.Hide()
	e.content = container.NewStack(e.empty, e.form)
	return e
}

// durationField is a field whose caption row ends with what the typed text is taken as, so the
// echo appears without moving the fields below.
func durationField(caption string, echo *widget.Label, input *commitEntry, errorLabel *widget.Label) fyne.CanvasObject {
	return container.NewVBox(container.NewBorder(nil, nil, nil, echo, fieldCaption(caption)), input, errorLabel)
}

// rangeHint tells how to give an uncertain time a range, which the forecast samples.
func rangeHint() fyne.CanvasObject {
	hint := widget.NewLabel("Unsure? Give a range after the most likely time: 2d, from 1d to 1w")
	hint.SizeName = theme.SizeNameCaptionText
	hint.TextStyle.Italic = true
	hint.Wrapping = fyne.TextWrapWord
	return hint
}

// field stacks a caption over an input and its error label.
func field(caption string, input fyne.CanvasObject, errorLabel ...fyne.CanvasObject) fyne.CanvasObject {
	return container.NewVBox(append([]fyne.CanvasObject{fieldCaption(caption), input}, errorLabel...)...)
}

func (e *StageEditor) newField(multiLine bool) *commitEntry {
	entry := newCommitEntry(multiLine)
	entry.onFocusLost = e.commit
	entry.OnSubmitted = func(string) { e.commit() }
	entry.OnChanged = func(string) { e.changed() }
	return entry
}

// Content is the panel to place in the window.
func (e *StageEditor) Content() fyne.CanvasObject { return e.content }

// Show fills the editor with stage stageID of map m; "" (or a stage that no longer exists)
// shows the empty state. Pending valid edits of the previously shown stage are committed first.
// Re-showing the same stage keeps text the model agrees with, and any invalid typed text.
func (e *StageEditor) Show(w *workshop.Workshop, m *workshop.Map, stageID string) {
	sameStage := m != nil && m == e.stageMap && stageID == e.stageID
	if !sameStage {
		e.commit()
	}
	e.workshop, e.stageMap, e.stageID = w, m, stageID
	stage := e.stage()
	if stage == nil {
		e.stageID = ""
		e.form.Hide()
		e.empty.Show()
		return
	}
	e.empty.Hide()
	e.form.Show()
	if !sameStage {
		for _, l := range []*widget.Label{e.nameError, e.processError, e.waitError, e.caError, e.peopleErr, e.status} {
			showError(l, nil)
		}
	}
	cal := calendarOf(w)
	e.filling = true
	defer func() { e.filling = false }()
	keep := func(entry *commitEntry, agrees func(string) bool, text string) {
		if sameStage && agrees(entry.Text) {
			return
		}
		entry.SetText(text)
	}
	keep(e.name, func(t string) bool { v, err := requireText("Name", t); return err != nil || v == stage.Name }, e.storedText(e.name))
	estimateAgrees := func(field string, minutes float64, want workshop.Range) func(string) bool {
		return func(t string) bool {
			v, r, err := workshop.ParseEstimateField(field, t, cal)
			return err != nil || (v == minutes && r == want)
		}
	}
	keep(e.process, estimateAgrees("Process time", stage.Process, stage.ProcessRange), e.storedText(e.process))
	keep(e.wait, estimateAgrees("Wait time", stage.Wait, stage.WaitRange), e.storedText(e.wait))
	keep(e.ca, func(t string) bool {
		v, recorded, err := parseCAField(t)
		return err != nil || (recorded == stage.HasCA && (!recorded || v == stage.CA))
	}, e.storedText(e.ca))
	keep(e.people, func(t string) bool { v, err := parseCountField("People", t); return err != nil || v == stage.People }, e.storedText(e.people))
	keep(e.notes, func(t string) bool { return t == stage.Notes }, e.storedText(e.notes))
	if !sameStage || e.department.Text != stage.Department {
		e.department.SetText(stage.Department)
	}
	e.lastDepartment = e.department.Text
	e.calendarHint.SetText(calendarRule(cal) + " · a bare number is minutes")
	e.echoDurations()
	e.ideas.show(m, stageID, sameStage)
	e.restyleChip()
}

// storedText is how field entry shows the shown stage's stored value.
func (e *StageEditor) storedText(entry *commitEntry) string {
	s, cal := e.stage(), calendarOf(e.workshop)
	switch entry {
	case e.name:
		return s.Name
	case e.process:
		return workshop.FormatEstimateField(s.Process, s.ProcessRange, cal)
	case e.wait:
		return workshop.FormatEstimateField(s.Wait, s.WaitRange, cal)
	case e.ca:
		return formatCA(s)
	case e.people:
		return formatCount(s.People)
	}
	return s.Notes
}

// revert is Esc in a field: it puts back the stage's stored value and drops the pending edit,
// so neither the idle commit nor leaving the field saves what was typed.
func (e *StageEditor) revert(entry *commitEntry) {
	e.idle.stop()
	if e.stage() == nil {
		return
	}
	e.filling = true
	entry.SetText(e.storedText(entry))
	e.filling = false
	e.edited() // clears the field's error
	e.echoDurations()
}

// FocusName focuses the name field with its text selected, ready to be typed over: after a
// drop from the palette and on double-click.
func (e *StageEditor) FocusName() {
	if e.stage() == nil {
		return
	}
	c := e.Canvas
	if c == nil {
		c = fyne.CurrentApp().Driver().CanvasForObject(e.name)
	}
	if c == nil {
		return
	}
	c.Focus(e.name)
	e.name.TypedShortcut(&fyne.ShortcutSelectAll{})
}

func (e *StageEditor) stage() *workshop.Stage {
	if e.stageMap == nil || e.stageID == "" {
		return nil
	}
	return e.stageMap.Stage(e.stageID)
}

// changed validates as you type and restarts the idle commit.
func (e *StageEditor) changed() {
	if e.filling {
		return
	}
	e.edited()
	e.echoDurations()
	e.idle.poke()
}

// echoDurations shows beside each duration field what its text will be taken as ("= 3m" for a
// bare 3), or nothing when it is written the way Leadline writes it or is in error.
func (e *StageEditor) echoDurations() {
	cal := calendarOf(e.workshop)
	for _, f := range []struct {
		entry *commitEntry
		echo  *widget.Label
	}{{e.process, e.processEcho}, {e.wait, e.waitEcho}} {
		if text := workshop.DurationEcho(f.entry.Text, cal); text != f.echo.Text {
			f.echo.SetText(text)
		}
	}
}

// departmentChanged commits at once when a department was picked from the list (the whole
// name arrives in one change), and waits for the idle commit while it is being typed.
func (e *StageEditor) departmentChanged(text string) {
	e.restyleChip()
	if e.filling {
		return
	}
	previous := e.lastDepartment
	e.lastDepartment = text
	if _, builtIn := workshop.BuiltInDepartment(text); builtIn && len([]rune(text)) > len([]rune(previous))+1 {
		e.commit()
		return
	}
	e.idle.poke()
}

// edited returns the model's stage with every valid field applied, showing each field's error.
func (e *StageEditor) edited() (workshop.Stage, bool) {
	current := e.stage()
	if current == nil {
		return workshop.Stage{}, false
	}
	s := *current
	cal := calendarOf(e.workshop)
	name, err := requireText("Name", e.name.Text)
	if showError(e.nameError, err); err == nil {
		s.Name = name
	}
	process, processRange, err := workshop.ParseEstimateField("Process time", e.process.Text, cal)
	if showError(e.processError, err); err == nil {
		s.Process, s.ProcessRange = workshop.KeepUnrounded(process, current.Process, cal), processRange
	}
	wait, waitRange, err := workshop.ParseEstimateField("Wait time", e.wait.Text, cal)
	if showError(e.waitError, err); err == nil {
		s.Wait, s.WaitRange = workshop.KeepUnrounded(wait, current.Wait, cal), waitRange
	}
	ca, recorded, err := parseCAField(e.ca.Text)
	if showError(e.caError, err); err == nil {
		s.CA, s.HasCA = ca, recorded
	}
	people, err := parseCountField("People", e.people.Text)
	if showError(e.peopleErr, err); err == nil {
		s.People = people
	}
	s.Department = e.department.Text
	s.Notes = e.notes.Text
	return s, true
}

// commit emits one EditStage if the valid fields differ from the model.
func (e *StageEditor) commit() {
	e.idle.stop()
	if e.filling {
		return
	}
	s, ok := e.edited()
	if !ok || s == *e.stage() {
		return
	}
	e.emit(&workshop.EditStage{MapID: e.stageMap.ID, StageID: e.stageID, Stage: s})
}

// emit hands a command to the app and shows the error it may return.
func (e *StageEditor) emit(cmd workshop.Command) {
	if e.OnCommand == nil {
		return
	}
	err := e.OnCommand(cmd)
	showError(e.status, err)
	if err == nil {
		e.ideas.show(e.stageMap, e.stageID, true)
	}
}

func (e *StageEditor) restyleChip() {
	colour := hexColour(workshop.DepartmentColour(e.department.Text))
	e.chip.FillColor = colour
	e.chipLabel.Color = inkOn(colour)
	e.chipLabel.Text = workshop.DepartmentShort(e.department.Text)
	e.chip.Refresh()
	e.chipLabel.Refresh()
}
