package panels

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2/test"

	"leadline.app/leadline/workshop"
	"leadline.app/leadline/workshop/formattest"
)

// TestPanelsWriteDurationsAsTheHandout puts each wait of the shared table (workshop/formattest,
// the one the handout's tests read too) on a one-stage map: the delays list, the metrics bar and
// the ladder's total write it in full, the ladder's bar label cut to two units, and the share and
// efficiency as FormatPercent does.
func TestPanelsWriteDurationsAsTheHandout(t *testing.T) {
	test.NewTempApp(t)
	for _, d := range formattest.Durations {
		if d.Minutes < 1 {
			continue // a map has no negative or empty wait to show
		}
		t.Run(fmt.Sprint(d.Minutes), func(t *testing.T) {
			w := workshop.NewWorkshop("w")
			m := &workshop.Map{ID: "m", Name: "M", Stages: []*workshop.Stage{{ID: "s", Name: "S", Wait: d.Minutes, Process: 60}}}
			w.Maps = append(w.Maps, m)
			mt := mustCompute(t, w, m)

			delays := NewDelays()
			delays.Update(w, mt)
			bar := NewMetricsBar()
			bar.Update(w, mt, nil)
			ladder := NewLadder()
			ladder.Update(w, mt)

			lead := workshop.FormatDuration(d.Minutes+60, w.Calendar)
			share := workshop.FormatPercent(d.Minutes/(d.Minutes+60)) + " of lead time"
			efficiency := workshop.FormatPercent(60 / (d.Minutes + 60))
			for _, c := range []struct{ what, got, want string }{
				{"delays list wait", delays.rows[0].wait.Text, d.Full},
				{"delays list share", delays.rows[0].share.Text, share},
				{"metrics bar lead time", bar.tiles[tileLeadTime].value.Text, lead},
				{"metrics bar efficiency", bar.tiles[tileEfficiency].value.Text, efficiency},
				{"ladder total", ladder.totals[0].Text, "Lead time " + lead},
				{"ladder wait label", ladder.segments[0].label.Text, d.Short},
			} {
				if c.got != c.want {
					t.Errorf("%s: %q, want %q", c.what, c.got, c.want)
				}
			}
		})
	}
}
