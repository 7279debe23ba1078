package app

import (
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"leadline.app/leadline/app/panels"
	"leadline.app/leadline/workshop"
)

// flowForm edits the flow clicked on the map: whether it is rework (drawn dashed, off the
// critical path) and how much of the work goes back. It takes the stage panel's place while a
// flow is selected.
type flowForm struct {
	editor  *editor
	from    string
	to      string
	title   *widget.Label
	rework  *widget.Check
	percent *widget.Entry
	problem *widget.Label
	filling bool
	content *fyne.Container
}

func newFlowForm(e *editor) *flowForm {
	f := &flowForm{editor: e, title: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})}
	f.rework = widget.NewCheck("Rework (work sent back)", func(bool) { f.commit() })
	f.percent = widget.NewEntry()
	f.percent.SetPlaceHolder("share of the work sent back, 0–100")
	f.percent.OnSubmitted = func(string) { f.commit() }
	f.problem = widget.NewLabel("")
	f.problem.Importance = widget.DangerImportance
	f.problem.Wrapping = fyne.TextWrapWord
	f.problem.Hide()
	remove := widget.NewButtonWithIcon("Delete this flow", theme.DeleteIcon(), f.delete)
	apply := panels.NewTipButton(e.tips, "", theme.ConfirmIcon(), "Set the rework %", f.commit)
	note := widget.NewLabel("A rework flow is drawn dashed and is not part of the critical path.")
	note.Wrapping = fyne.TextWrapWord
	f.content = container.NewVBox(f.title, f.rework, note,
		widget.NewForm(widget.NewFormItem("Rework %", container.NewBorder(nil, nil, nil, apply, f.percent))),
		f.problem, remove)
	f.content.Hide()
	return f
}

// show fills the form for the flow from → to of the map on screen, or hides it.
func (f *flowForm) show(from, to string) {
	m := f.editor.session.currentMap()
	i := -1
	if m != nil {
		i = m.FlowIndex(from, to)
	}
	if i < 0 {
		f.hide()
		return
	}
	flow := m.Flows[i]
	f.from, f.to = from, to
	f.filling = true
	defer func() { f.filling = false }()
	// "from … to …" rather than an arrow, which the bold UI font lacks.
	f.title.SetText(fmt.Sprintf("Flow from %s to %s", m.Stage(from).Name, m.Stage(to).Name))
	f.title.Wrapping = fyne.TextWrapWord
	f.rework.SetChecked(flow.Rework)
	f.percent.SetText("")
	if flow.ReworkPercent > 0 {
		f.percent.SetText(strconv.FormatFloat(flow.ReworkPercent, 'f', -1, 64))
	}
	f.problem.Hide()
	f.content.Show()
	f.editor.stageEditor.Content().Hide() // the two share the side panel's Stage tab
}

func (f *flowForm) hide() {
	f.content.Hide()
	f.editor.stageEditor.Content().Show()
}

// commit emits one EditFlow when the form differs from the flow; a bad percentage is shown
// beside the field and the typed text is kept.
func (f *flowForm) commit() {
	if f.filling || !f.content.Visible() {
		return
	}
	m := f.editor.session.currentMap()
	i := m.FlowIndex(f.from, f.to)
	if i < 0 {
		return
	}
	percent, _, err := workshop.ParsePercent(f.percent.Text)
	if err != nil {
		f.problem.SetText(fmt.Sprintf("Rework %% %q: write a number from 0 to 100", f.percent.Text))
		f.problem.Show()
		return
	}
	f.problem.Hide()
	old := m.Flows[i]
	if old.Rework == f.rework.Checked && old.ReworkPercent == percent {
		return
	}
	cmd := &workshop.EditFlow{MapID: m.ID, From: f.from, To: f.to, Rework: f.rework.Checked, ReworkPercent: percent}
	if err := f.editor.apply(cmd); err != nil {
		f.show(f.from, f.to) // e.g. a forward flow that would close a loop: show the flow as it is
		f.problem.SetText(err.Error())
		f.problem.Show()
	}
}

func (f *flowForm) delete() {
	m := f.editor.session.currentMap()
	if f.editor.apply(&workshop.DeleteFlow{MapID: m.ID, From: f.from, To: f.to}) == nil {
		f.hide()
	}
}
