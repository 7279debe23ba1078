package canvas

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// benchmarkDrag measures one Dragged event on a card in the middle of an n-stage map shown by
// Fyne's test driver, including the Move and Refresh calls of everything that moves. Issue 5's
// budget: under 0.5 ms at 500 stages, and no more than twice the 50-stage figure.
func benchmarkDrag(b *testing.B, stages int) {
	a := test.NewApp()
	defer a.Quit()
	w := chainWorkshop(stages)
	view := NewMapView()
	view.OnCommand = nil // a drag event emits nothing; only DragEnd would
	window := test.NewWindow(view)
	defer window.Close()
	window.Resize(fyne.NewSize(1600, 1000))
	view.SetMap(w, w.Maps[0], nil)
	card := view.cards[fmt.Sprintf("s%d", stages/2)]
	if card == nil || len(view.arrowsOf[card.id]) != 2 {
		b.Fatalf("the middle card should exist with two arrows")
	}
	step := float32(1)
	pointer := fyne.NewPos(20, 20)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		step = -step // back and forth, so the card stays on screen however long the run
		pointer = pointer.AddXY(step, step)
		card.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: pointer}, Dragged: fyne.NewDelta(step, step)})
	}
}

func BenchmarkCanvasDrag50(b *testing.B)  { benchmarkDrag(b, 50) }
func BenchmarkCanvasDrag500(b *testing.B) { benchmarkDrag(b, 500) }
