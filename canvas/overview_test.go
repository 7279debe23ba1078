package canvas

import (
	"image"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// Zoomed out below readable titles the map becomes one picture, and zooming in brings the
// cards and arrows back.
func TestOverviewPictureWhenZoomedOut(t *testing.T) {
	test.NewTempApp(t)
	w := chainWorkshop(60)
	view := NewMapView()
	window := test.NewTempWindow(t, view)
	window.Resize(fyne.NewSize(1200, 800))
	view.SetMap(w, w.Maps[0], nil)
	view.SetZoom(1)
	if view.overview || view.arrowLayer.Hidden {
		t.Fatal("at zoom 1 the map is drawn as a picture")
	}
	view.SetZoom(0.2) // 0.2 < titleScale: no text would be readable
	if !view.overview || !view.arrowLayer.Hidden || view.overviewImage.Hidden {
		t.Fatalf("at zoom 0.2: overview %v, arrows hidden %v, picture hidden %v",
			view.overview, view.arrowLayer.Hidden, view.overviewImage.Hidden)
	}
	card := view.cards["s1"]
	r := test.WidgetRenderer(card).(*cardRenderer)
	if r.body.Visible() || card.Hidden {
		t.Errorf("in overview the card should be invisible but present: body %v, card hidden %v", r.body.Visible(), card.Hidden)
	}
	img := view.drawOverview(1200, 800)
	if isBlank(img) {
		t.Error("the overview picture is blank")
	}
	view.SetZoom(1)
	if view.overview || view.arrowLayer.Hidden || !r.body.Visible() {
		t.Error("zooming back in did not bring the cards and arrows back")
	}
}

func isBlank(img image.Image) bool {
	b := img.Bounds()
	first := img.At(b.Min.X, b.Min.Y)
	for y := b.Min.Y; y < b.Max.Y; y += 3 {
		for x := b.Min.X; x < b.Max.X; x += 3 {
			if img.At(x, y) != first {
				return false
			}
		}
	}
	return true
}
