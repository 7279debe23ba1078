package room

import (
	"image/color"
	"strconv"

	"fyne.io/fyne/v2"

	"leadline.app/leadline/workshop"
)

// fixedVariant pins a theme to light or dark, as the app's theme choice does.
type fixedVariant struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

func (f fixedVariant) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return f.Theme.Color(n, f.variant)
}

func itoa(n int) string { return strconv.Itoa(n) }

// bigMap is a chain of n stages, past what one screen holds.
func bigMap(n int) *fixedSource {
	w := workshop.NewWorkshop("Big programme")
	m := &workshop.Map{ID: "m1", Name: "Current state", State: workshop.Current}
	departments := []string{"Sales", "Legal", "Finance", "Development", "QA", "Operations"}
	for i := 0; i < n; i++ {
		id := "s" + itoa(i+1)
		m.Stages = append(m.Stages, &workshop.Stage{ID: id, Name: "Step " + itoa(i+1) + " review",
			Department: departments[i%len(departments)], Process: float64(60 * (1 + i%4)), Wait: float64(480 * (1 + (i*7)%9))})
		if i > 0 {
			m.Flows = append(m.Flows, workshop.Flow{From: "s" + itoa(i), To: id})
		}
	}
	w.Maps = append(w.Maps, m)
	return &fixedSource{w: w, m: m}
}
