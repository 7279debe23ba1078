package app

import (
	"fmt"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"leadline.app/leadline/workshop"
	"leadline.app/leadline/workshop/store"
)

// BenchmarkDragCommit300 measures what a drag's end costs the UI goroutine on a 300-stage map:
// the move command through the edit session (its save is queued for the writer goroutine), the
// one card re-placed, the figures recomputed and every panel updated. The budget is one frame
// at 60 Hz, 16 ms.
func BenchmarkDragCommit300(b *testing.B) {
	path := filepath.Join(b.TempDir(), "library.db")
	lib, err := store.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	w := workshop.NewWorkshop("Drag commit")
	m := &workshop.Map{ID: "m1", Name: "Three hundred stages", State: workshop.Current}
	for i := 0; i < 300; i++ {
		m.Stages = append(m.Stages, &workshop.Stage{ID: fmt.Sprintf("s%d", i), Name: fmt.Sprintf("Stage %d", i),
			Department: []string{"Sales", "Finance", "Development", "QA"}[i%4], Process: 60, Wait: float64(30 * (i % 17)),
			X: float64(i%20) * 200, Y: float64(i/20) * 150})
		if i > 0 {
			m.Flows = append(m.Flows, workshop.Flow{From: fmt.Sprintf("s%d", i-1), To: fmt.Sprintf("s%d", i)})
		}
	}
	w.Maps = []*workshop.Map{m}
	id, err := lib.Create(w)
	if err != nil {
		b.Fatal(err)
	}
	ui := New(test.NewTempApp(b), Options{Library: lib, Workshop: id})
	defer ui.shutdown()
	ui.Window().Resize(fyne.NewSize(1920, 1080))
	e := ui.editor
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		move := &workshop.MoveStage{MapID: "m1", StageID: "s150", X: float64(1000 + i%2), Y: 300}
		if err := e.apply(move); err != nil {
			b.Fatal(err)
		}
	}
}
