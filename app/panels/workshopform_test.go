package panels

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"leadline.app/leadline/workshop"
)

func TestWorkshopFormCalendar(t *testing.T) {
	for _, tc := range []struct {
		field, typed string
		emits        bool
		want         workshop.Calendar
	}{
		{"hours", "0", false, workshop.DefaultCalendar},
		{"hours", "25", false, workshop.DefaultCalendar},
		{"hours", "7.5", true, workshop.Calendar{HoursPerDay: 7.5, DaysPerWeek: 5}},
		{"days", "eight", false, workshop.DefaultCalendar},
		{"days", "4", true, workshop.Calendar{HoursPerDay: 8, DaysPerWeek: 4}},
	} {
		t.Run(tc.field+" "+tc.typed, func(t *testing.T) {
			test.NewTempApp(t)
			w := workshop.NewWorkshop("Kick-off")
			form := NewWorkshopForm()
			form.IdleCommit = 0
			var commands []workshop.Command
			form.OnCommand = func(cmd workshop.Command) error {
				commands = append(commands, cmd)
				_, err := cmd.Apply(w)
				return err
			}
			window := test.NewTempWindow(t, form.Content())
			form.Show(w)
			entry, errorLabel, name := form.hoursPerDay, form.hoursError, "Hours per day"
			if tc.field == "days" {
				entry, errorLabel, name = form.daysPerWeek, form.daysError, "Days per week"
			}
			window.Canvas().Focus(entry)
			entry.SetText("")
			test.Type(entry, tc.typed)
			window.Canvas().Unfocus()
			if !tc.emits {
				if len(commands) != 0 || entry.Text != tc.typed || !errorLabel.Visible() ||
					!strings.Contains(errorLabel.Text, name) || !strings.Contains(errorLabel.Text, `"`+tc.typed+`"`) {
					t.Fatalf("%d commands, text %q, error %q (visible %v)", len(commands), entry.Text, errorLabel.Text, errorLabel.Visible())
				}
				return
			}
			if len(commands) != 1 || w.Calendar != tc.want {
				t.Fatalf("%d commands, calendar %+v; want 1, %+v", len(commands), w.Calendar, tc.want)
			}
		})
	}
}

func TestWorkshopFormParticipants(t *testing.T) {
	test.NewTempApp(t)
	w := workshop.NewWorkshop("Kick-off")
	form := NewWorkshopForm()
	form.IdleCommit = 0
	var edit *workshop.EditWorkshop
	form.OnCommand = func(cmd workshop.Command) error { edit = cmd.(*workshop.EditWorkshop); return nil }
	window := test.NewTempWindow(t, form.Content())
	form.Show(w)
	window.Canvas().Focus(form.participants)
	test.Type(form.participants, "Ana")
	form.participants.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	test.Type(form.participants, "  Bo \n\n")
	window.Canvas().Unfocus()
	if edit == nil || strings.Join(edit.Fields.Participants, "|") != "Ana|Bo" || edit.Fields.Name != "Kick-off" {
		t.Fatalf("EditWorkshop = %+v, want participants [Ana Bo]", edit)
	}
}

// Tab in the participants field moves on; it typed a tab into the last participant's name
// ("Cy Okafor\tQ4 release review") when a facilitator tabbed on to the notes.
func TestTabLeavesMultiLineFields(t *testing.T) {
	entry := newCommitEntry(true)
	if entry.AcceptsTab() {
		t.Error("a multi-line field takes Tab as text")
	}
}
