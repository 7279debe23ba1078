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

// The date takes YYYY-MM-DD or nothing: anything else shows the field's error, keeps the typed
// text and is not committed, so the report never prints "1/12/2026" as it was meant elsewhere.
func TestWorkshopFormDate(t *testing.T) {
	for _, tc := range []struct {
		typed, want string
		emits       bool
	}{
		{"1/12/2026", "2026-11-30", false},
		{"2026-02-30", "2026-11-30", false},
		{"tomorrow", "2026-11-30", false},
		{"2026-12-01", "2026-12-01", true},
		{" 2026-12-01 ", "2026-12-01", true},
		{"", "", true}, // no date yet is allowed
	} {
		t.Run(tc.typed, func(t *testing.T) {
			test.NewTempApp(t)
			w := workshop.NewWorkshop("Kick-off")
			w.Date = "2026-11-30"
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
			window.Canvas().Focus(form.date)
			form.date.SetText("")
			test.Type(form.date, tc.typed)
			window.Canvas().Unfocus()
			if w.Date != tc.want || (len(commands) == 1) != tc.emits {
				t.Fatalf("date %q after %d commands, want %q (emits %v)", w.Date, len(commands), tc.want, tc.emits)
			}
			wantError := ""
			if !tc.emits {
				wantError = "Date: use YYYY-MM-DD, e.g. 2026-12-01"
			}
			if form.dateError.Text != wantError || form.dateError.Visible() != !tc.emits || form.date.Text != tc.typed {
				t.Errorf("error %q (visible %v), text %q; want %q, text kept %q",
					form.dateError.Text, form.dateError.Visible(), form.date.Text, wantError, tc.typed)
			}
		})
	}
}
