package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"leadline.app/leadline/workshop"
	"leadline.app/leadline/workshop/formats"
)

// statusChoice is one status of an event log with its two boxes: a queue (its time is wait
// before the next stage) or done (entering it completes the item). Neither makes it a stage.
type statusChoice struct {
	name        string
	queue, done *widget.Check
}

// eventLogImportDialog lists the statuses of an event log with "queue" and "done" boxes,
// ticked where the name says so ("Ready for QA", "Done"), and imports with the choice. The
// dialog is modal because the map cannot be derived before the choice is made.
func (ui *App) eventLogImportDialog(file string, data []byte) {
	visits, err := formats.ReadEventLog(file, data)
	if err != nil {
		ui.showError(err)
		return
	}
	choices := make([]*statusChoice, 0)
	rows := container.NewGridWithColumns(3)
	for _, status := range formats.LogStatuses(visits) {
		c := &statusChoice{name: status}
		c.queue = widget.NewCheck("queue", func(on bool) {
			if on {
				c.done.SetChecked(false)
			}
		})
		c.done = widget.NewCheck("done", func(on bool) {
			if on {
				c.queue.SetChecked(false)
			}
		})
		switch suggestedKind(status) {
		case "queue":
			c.queue.SetChecked(true)
		case "done":
			c.done.SetChecked(true)
		}
		choices = append(choices, c)
		rows.Add(widget.NewLabel(status))
		rows.Add(c.queue)
		rows.Add(c.done)
	}
	intro := widget.NewLabel(fmt.Sprintf("%s holds %d rows of %d statuses. Tick the statuses that are queues "+
		"(their time counts as wait) and those that complete an item; every other status becomes a stage.",
		file, len(visits), len(choices)))
	intro.Wrapping = fyne.TextWrapWord
	// The VBox keeps the rows at their own height; a long list of statuses scrolls.
	list := container.NewVScroll(container.NewVBox(rows))
	list.SetMinSize(fyne.NewSize(560, 280))
	content := container.NewBorder(intro, nil, nil, nil, list)
	d := dialog.NewCustomConfirm("Import event log", "Import", "Cancel", content, func(ok bool) {
		if !ok {
			return
		}
		w, _, err := formats.ImportWith(file, data, formats.ImportOptions{Log: chosenOptions(choices)})
		if err != nil {
			ui.showError(err)
			return
		}
		ui.addImported(w, file)
	}, ui.window)
	d.Show()
	d.Resize(fyne.NewSize(640, 520))
}

func chosenOptions(choices []*statusChoice) workshop.LogOptions {
	var opts workshop.LogOptions
	for _, c := range choices {
		switch {
		case c.queue.Checked:
			opts.Queues = append(opts.Queues, c.name)
		case c.done.Checked:
			opts.Done = append(opts.Done, c.name)
		}
	}
	return opts
}

// suggestedKind guesses from the name what Jira-style workflows usually mean by a status.
func suggestedKind(status string) string {
	name := strings.ToLower(strings.TrimSpace(status))
	switch name {
	case "done", "closed", "resolved", "released", "complete", "completed", "won", "lost",
		"cancelled", "canceled", "shipped":
		return "done"
	}
	for _, prefix := range []string{"ready for", "waiting", "awaiting", "to do", "todo", "backlog", "queue", "queued", "on hold", "blocked"} {
		if strings.HasPrefix(name, prefix) {
			return "queue"
		}
	}
	return ""
}
