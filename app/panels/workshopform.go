package panels

import (
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"leadline.app/leadline/workshop"
)

// WorkshopForm edits the workshop's details: name, facilitator, date, participants, notes and
// the working calendar. Fields commit like the stage editor's (Enter, leaving the field, or
// IdleCommit without typing), each commit one workshop.EditWorkshop; an invalid field shows
// its error beside it, keeps its text and holds back its value. Like StageEditor it is placed
// through Content(), as its Show(workshop) would clash with fyne.CanvasObject's Show().
type WorkshopForm struct {
	OnCommand  func(cmd workshop.Command) error
	IdleCommit time.Duration

	workshop *workshop.Workshop
	filling  bool
	idle     idleTimer

	name, facilitator, date, participants, notes *commitEntry
	hoursPerDay, daysPerWeek                     *commitEntry
	nameError, dateError, hoursError, daysError  *widget.Label
	status                                       *widget.Label
	calendarRule                                 *widget.Label // "1 d = 8 h, 1 w = 5 d"
	content                                      fyne.CanvasObject
}

// NewWorkshopForm returns an empty form; call Show to fill it.
func NewWorkshopForm() *WorkshopForm {
	f := &WorkshopForm{IdleCommit: DefaultIdleCommit}
	f.idle.delay = func() time.Duration { return f.IdleCommit }
	f.idle.fire = f.commit
	f.name, f.facilitator, f.date = f.newField(false), f.newField(false), f.newField(false)
	f.participants, f.notes = f.newField(true), f.newField(true)
	f.hoursPerDay, f.daysPerWeek = f.newField(false), f.newField(false)
	f.participants.SetMinRowsVisible(4)
	f.notes.SetMinRowsVisible(3)
	f.date.SetPlaceHolder("YYYY-MM-DD")
	f.participants.SetPlaceHolder("One name per line")
	f.nameError, f.dateError, f.hoursError, f.daysError = newErrorLabel(), newErrorLabel(), newErrorLabel(), newErrorLabel()
	f.status = newErrorLabel()
	f.calendarRule = widget.NewLabel("")
	// No scroll of its own: the panel holding the form scrolls it whole. A scroll inside a
	// scroll collapses to its minimum height, which left a 30 px peephole onto these fields.
	f.content = container.NewVBox(
		widget.NewLabelWithStyle("Workshop details", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		field("Name", f.name, f.nameError),
		container.NewGridWithColumns(2, field("Facilitator", f.facilitator), field("Date", f.date, f.dateError)),
		field("Participants", f.participants),
		field("Notes", f.notes),
		widget.NewLabelWithStyle("Working calendar", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		container.NewGridWithColumns(2, field("Hours per day", f.hoursPerDay, f.hoursError),
			field("Days per week", f.daysPerWeek, f.daysError)),
		f.calendarRule,
		f.status,
	)
	return f
}

func (f *WorkshopForm) newField(multiLine bool) *commitEntry {
	entry := newCommitEntry(multiLine)
	entry.onFocusLost = f.commit
	if !multiLine {
		entry.OnSubmitted = func(string) { f.commit() }
	}
	entry.OnChanged = func(string) {
		if !f.filling {
			f.edited()
			f.idle.poke()
		}
	}
	return entry
}

// Content is the panel to place in the window.
func (f *WorkshopForm) Content() fyne.CanvasObject { return f.content }

// Show fills the form from w, committing pending edits of the workshop shown before. Showing the
// same workshop again keeps typed text the model agrees with, and any invalid typed text.
func (f *WorkshopForm) Show(w *workshop.Workshop) {
	fresh := w != f.workshop
	if fresh {
		f.commit()
		for _, l := range []*widget.Label{f.nameError, f.dateError, f.hoursError, f.daysError, f.status} {
			showError(l, nil)
		}
	}
	f.workshop = w
	if w == nil {
		return
	}
	f.filling = true
	defer func() { f.filling = false }()
	current, _ := f.edited()
	fields := w.Fields()
	set := func(entry *commitEntry, differs bool, text string) {
		if fresh || differs {
			entry.SetText(text)
		}
	}
	set(f.name, current.Name != fields.Name, fields.Name)
	set(f.facilitator, current.Facilitator != fields.Facilitator, fields.Facilitator)
	set(f.date, current.Date != fields.Date, fields.Date)
	set(f.participants, !slices.Equal(current.Participants, fields.Participants), strings.Join(fields.Participants, "\n"))
	set(f.notes, current.Notes != fields.Notes, fields.Notes)
	set(f.hoursPerDay, current.Calendar.HoursPerDay != fields.Calendar.HoursPerDay, formatNumber(fields.Calendar.HoursPerDay))
	set(f.daysPerWeek, current.Calendar.DaysPerWeek != fields.Calendar.DaysPerWeek, formatNumber(fields.Calendar.DaysPerWeek))
	f.edited() // the text now agrees with the model: clear errors of a workshop shown before
}

// edited returns the workshop's fields with every valid field applied, showing field errors.
func (f *WorkshopForm) edited() (workshop.WorkshopFields, bool) {
	if f.workshop == nil {
		return workshop.WorkshopFields{}, false
	}
	fields := f.workshop.Fields()
	name, err := requireText("Workshop name", f.name.Text)
	if showError(f.nameError, err); err == nil {
		fields.Name = name
	}
	fields.Facilitator = strings.TrimSpace(f.facilitator.Text)
	err = workshop.CheckDate("Date", f.date.Text)
	if showError(f.dateError, err); err == nil {
		fields.Date = strings.TrimSpace(f.date.Text)
	}
	fields.Notes = f.notes.Text
	fields.Participants = nil
	for _, line := range strings.Split(f.participants.Text, "\n") {
		if name := strings.TrimSpace(line); name != "" {
			fields.Participants = append(fields.Participants, name)
		}
	}
	hours, err := parseRangeField("Hours per day", f.hoursPerDay.Text, 24)
	if showError(f.hoursError, err); err == nil {
		fields.Calendar.HoursPerDay = hours
	}
	days, err := parseRangeField("Days per week", f.daysPerWeek.Text, 7)
	if showError(f.daysError, err); err == nil {
		fields.Calendar.DaysPerWeek = days
	}
	f.calendarRule.SetText(calendarRule(fields.Calendar))
	return fields, true
}

// Commit emits the edit still being typed now, instead of after the idle delay: the window
// calls it before it closes.
func (f *WorkshopForm) Commit() { f.commit() }

// commit emits one EditWorkshop when the valid fields differ from the workshop.
func (f *WorkshopForm) commit() {
	f.idle.stop()
	if f.filling {
		return
	}
	fields, ok := f.edited()
	if !ok || sameFields(fields, f.workshop.Fields()) || f.OnCommand == nil {
		return
	}
	showError(f.status, f.OnCommand(&workshop.EditWorkshop{Fields: fields}))
}

// calendarRule says what a day and a week are in this workshop, e.g. "1 d = 8 h, 1 w = 5 d",
// so that "2d" is never a guess.
func calendarRule(cal workshop.Calendar) string {
	return "1 d = " + formatNumber(cal.MinutesPerDay()/60) + " h, 1 w = " + formatNumber(cal.MinutesPerWeek()/cal.MinutesPerDay()) + " d"
}

func sameFields(a, b workshop.WorkshopFields) bool {
	return a.Name == b.Name && a.Facilitator == b.Facilitator && a.Date == b.Date && a.Notes == b.Notes &&
		a.Calendar == b.Calendar && slices.Equal(a.Participants, b.Participants)
}
