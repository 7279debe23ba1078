package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

const jiraLog = `workItemId,stage,enteredAt
A,Backlog,2026-01-05 09:00
A,Dev,2026-01-05 10:00
A,Ready for QA,2026-01-05 12:00
A,QA,2026-01-05 15:00
A,Closed,2026-01-05 16:00
B,Backlog,2026-01-05 09:00
B,Dev,2026-01-05 11:00
B,Ready for QA,2026-01-05 12:00
B,QA,2026-01-05 13:00
B,Closed,2026-01-05 14:00
`

// The import dialog lists the log's statuses with queue and done boxes, guesses from the
// names, and imports with what is ticked; the map then shows its observed lead time, and the
// forecast over its measured ranges.
func TestEventLogImportDialog(t *testing.T) {
	lib, _, _ := newTestLibrary(t)
	q := &uiQueue{} // the forecast's worker posts here, as to the GL driver's UI goroutine
	ui := New(test.NewTempApp(t), Options{Library: lib, RunOnUI: q.post})
	t.Cleanup(ui.shutdown)
	ui.Window().Resize(fyne.NewSize(1400, 900))
	ui.eventLogImportDialog("jira.csv", []byte(jiraLog))
	overlay := ui.Window().Canvas().Overlays().Top()
	if overlay == nil {
		t.Fatal("no dialog")
	}
	checks := map[string]*widget.Check{}
	var labels []string
	var importButton *widget.Button
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Label:
			labels = append(labels, w.Text)
		case *widget.Check:
			checks[labels[len(labels)-1]+" "+w.Text] = w
		case *widget.Button:
			if w.Text == "Import" {
				importButton = w
			}
		}
		if c, ok := o.(*fyne.Container); ok {
			for _, child := range c.Objects {
				walk(child)
			}
		}
		if wid, ok := o.(fyne.Widget); ok {
			for _, child := range test.TempWidgetRenderer(t, wid).Objects() {
				walk(child)
			}
		}
	}
	walk(overlay)
	for box, want := range map[string]bool{"Backlog queue": true, "Ready for QA queue": true, "Closed done": true,
		"Dev queue": false, "Dev done": false, "QA done": false} {
		c := checks[box]
		if c == nil {
			t.Fatalf("no box %q; boxes %v", box, boxNames(checks))
		}
		if c.Checked != want {
			t.Errorf("%s ticked = %v, want %v", box, c.Checked, want)
		}
	}
	// Ticking done on a queue status clears its queue box: a status is one or the other.
	tapBox(checks["Backlog done"])
	if checks["Backlog queue"].Checked {
		t.Error("Backlog is both queue and done")
	}
	tapBox(checks["Backlog queue"])
	if importButton == nil {
		t.Fatal("no Import button")
	}
	test.Tap(importButton)

	m := ui.editor.session.currentMap()
	if ui.editor.session.workshop().Name != "jira" || m == nil || len(m.Stages) != 2 {
		t.Fatalf("opened %q with map %+v", ui.editor.session.workshop().Name, m)
	}
	if got := ui.editor.totals.observed.Text; got != "Observed P50 6h / P85 6h 42m from 2 items" {
		t.Errorf("pill says %q", got)
	}
	// Dev waits 60 and 120 in the backlog: a measured range, so the forecast runs too.
	q.drainUntil(t, "the forecast", func() bool { return ui.editor.totals.forecast.Text != "" })
	if got := ui.editor.totals.forecast.Text; !strings.Contains(got, "Forecast P50") {
		t.Errorf("forecast %q", got)
	}
}

// tapBox taps a check box on its box: a tap outside the box's row height is ignored.
func tapBox(c *widget.Check) { test.TapAt(c, fyne.NewPos(8, c.Size().Height/2)) }

func boxNames(m map[string]*widget.Check) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestExportPictureDialogOpens(t *testing.T) {
	ui := newTestUI(t)
	ui.Window().Resize(fyne.NewSize(1400, 900))
	ui.exportPictureDialog()
	if len(ui.Window().Canvas().Overlays().List()) == 0 {
		t.Error("no dialog is showing")
	}
}
