package canvas

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"leadline.app/leadline/workshop"
)

// quickEntryHint is the line under the on-card editor's name until a quick entry was saved.
const quickEntryHint = "Name, then process and wait: Review 2h 3d @QA"

// editorRow is one labelled field of the on-card editor. The labels share one width, so the
// fields line up as in a form while the hint line between them may use the editor's width.
func editorRow(label string, field fyne.CanvasObject) fyne.CanvasObject {
	widest := widget.NewLabel("Name").MinSize()
	cell := container.New(layout.NewGridWrapLayout(fyne.NewSize(widest.Width, widest.Height)), widget.NewLabel(label))
	return container.NewBorder(nil, nil, cell, nil, field)
}

// quickEntry splits the name field as workshop.SplitQuickEntry reads it. A name left as the
// editor opened it is never split.
func (e *cardEditor) quickEntry() (name string, process, wait *float64, ok bool) {
	text := e.fields[fieldName].Text
	if text == e.opened {
		return text, nil, nil, false
	}
	name, process, wait = workshop.SplitQuickEntry(text, e.view.workshop.Calendar)
	return name, process, wait, process != nil
}

// departmentTag reads an "@" word of the name field as workshop.SplitDepartmentTag does. A
// name left as the editor opened it is never split.
func (e *cardEditor) departmentTag() (rest, department string, ok bool) {
	text := e.fields[fieldName].Text
	if text == e.opened {
		return text, "", false
	}
	return workshop.SplitDepartmentTag(text, workshop.DepartmentNames(e.view.model))
}

// applyQuickEntry takes a department typed as "@QA" out of the name (it is saved with the
// rest), and moves the times typed after the name into the process and wait fields (as
// Leadline writes them), so Tab shows them there and Enter saves them with the name in one
// EditStage. It tells whether there was any of either.
func (e *cardEditor) applyQuickEntry() bool {
	tagged := false
	if rest, department, ok := e.departmentTag(); ok {
		e.department, tagged = department, true
		e.title.Text = department
		e.title.Refresh()
		e.fields[fieldName].SetText(rest)
		e.fields[fieldName].CursorColumn = len([]rune(rest))
	}
	name, process, wait, ok := e.quickEntry()
	if !ok {
		return tagged
	}
	cal := e.view.workshop.Calendar
	e.fields[fieldProcess].SetText(workshop.FormatDuration(*process, cal))
	if wait != nil {
		e.fields[fieldWait].SetText(workshop.FormatDuration(*wait, cal))
	}
	e.fields[fieldName].SetText(name) // last: OnChanged then clears the preview
	e.fields[fieldName].CursorColumn = len([]rune(name))
	return true
}

// showQuickEntry fills the line under the name: what a quick entry will set while one is
// typed ("= PT 2h · WT 3d", as DurationEcho echoes a time; the app font has no arrow), the
// hint until one was saved, else nothing. The line keeps its height.
func (e *cardEditor) showQuickEntry() {
	text := " "
	cal := e.view.workshop.Calendar
	var parts []string
	if _, department, ok := e.departmentTag(); ok {
		parts = append(parts, department)
	}
	if _, process, wait, ok := e.quickEntry(); ok {
		parts = append(parts, "PT "+workshop.FormatDuration(*process, cal))
		if wait != nil {
			parts = append(parts, "WT "+workshop.FormatDuration(*wait, cal))
		}
	}
	if len(parts) > 0 {
		text = "= " + strings.Join(parts, " · ")
	} else if !e.view.quickEntryUsed {
		text = quickEntryHint
	}
	if e.hint.Text != text {
		e.hint.Text = text
		e.hint.Refresh()
	}
}
