package panels

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"leadline.app/leadline/workshop"
)

func TestDelaysOrderAndSelect(t *testing.T) {
	test.NewTempApp(t)
	w, m := ideaToCustomer(t)
	d := NewDelays()
	var selected []string
	d.OnSelect = func(id string) { selected = append(selected, id) }
	window := test.NewTempWindow(t, d)
	window.Resize(fyne.NewSize(360, 600))
	d.Update(w, mustCompute(t, w, m))

	// Waits by hand: budget 6w, procurement 4w, legal 2w, then the 1w ties in map order.
	want := []struct{ id, rank, wait string }{
		{"s4", "1", "6w"}, {"s5", "2", "4w"}, {"s3", "3", "2w"}, {"s1", "4", "1w"},
		{"s6", "5", "1w"}, {"s8", "6", "1w"}, {"s2", "7", "3d"}, {"s7", "8", "2d"},
	}
	if len(d.rows) != len(want) {
		t.Fatalf("%d rows, want %d", len(d.rows), len(want))
	}
	for i, row := range d.rows {
		if row.stageID != want[i].id || row.rank.Text != want[i].rank || row.wait.Text != want[i].wait {
			t.Errorf("row %d = {%s rank %s wait %s}, want %+v", i, row.stageID, row.rank.Text, row.wait.Text, want[i])
		}
		red := row.badge.FillColor == theme.Color(theme.ColorNameError)
		if red != (i < workshop.TopDelays) {
			t.Errorf("row %d badge red = %v, want %v", i, red, i < workshop.TopDelays)
		}
	}
	test.Tap(d.rows[1])
	test.Tap(d.rows[4])
	if len(selected) != 2 || selected[0] != "s5" || selected[1] != "s6" {
		t.Errorf("tapping rows 2 and 5 selected %v, want [s5 s6]", selected)
	}

	// Fewer delays hide the surplus rows instead of rebuilding the list.
	for _, s := range m.Stages[1:] {
		s.Wait = 0
	}
	d.Update(w, mustCompute(t, w, m))
	visible := 0
	for _, row := range d.rows {
		if row.Visible() {
			visible++
		}
	}
	if visible != 1 || d.rows[0].stageID != "s1" {
		t.Errorf("%d visible rows, first %s; want 1, s1", visible, d.rows[0].stageID)
	}
	d.Update(w, nil)
	if d.empty.Hidden || d.rows[0].Visible() {
		t.Error("with no metrics the empty note should show and the rows hide")
	}
}

// A large map's ranking stops at workshop.MaxDelayRows and says how many more stages wait.
func TestDelaysListIsCapped(t *testing.T) {
	test.NewTempApp(t)
	w := workshop.NewWorkshop("Big")
	m := &workshop.Map{ID: "m1", Name: "Big", State: workshop.Current}
	for i := 0; i < workshop.MaxDelayRows+12; i++ {
		m.Stages = append(m.Stages, &workshop.Stage{ID: fmt.Sprintf("s%d", i), Name: fmt.Sprintf("Stage %d", i), Wait: float64(10 + i)})
	}
	w.Maps = []*workshop.Map{m}
	mt, err := w.Compute(m)
	if err != nil {
		t.Fatal(err)
	}
	d := NewDelays()
	d.Update(w, mt)
	visible := 0
	for _, r := range d.rows {
		if r.Visible() {
			visible++
		}
	}
	if visible != workshop.MaxDelayRows {
		t.Errorf("%d rows visible, want %d", visible, workshop.MaxDelayRows)
	}
	if !d.more.Visible() || !strings.Contains(d.more.Text, "12 more") {
		t.Errorf("the note below the list says %q (visible %v), want 12 more", d.more.Text, d.more.Visible())
	}
}
