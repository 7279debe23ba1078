package workshop_test

import (
	"strconv"
	"testing"

	"leadline.app/leadline/workshop"
)

// layeredMap builds a deterministic map of layers × width stages. Every stage flows forward to
// one or two stages of the next layer, so a 100 × 100 map has 10,000 stages and about 15,000
// flows, with branches and joins everywhere.
func layeredMap(layers, width int) *workshop.Map {
	m := &workshop.Map{ID: "m1", Name: "Layered", State: workshop.Current}
	id := func(layer, column int) string { return "s" + strconv.Itoa(layer*width+column) }
	departments := []string{"Sales", "Legal", "Finance", "Development", "QA", "Operations"}
	for layer := 0; layer < layers; layer++ {
		for column := 0; column < width; column++ {
			n := layer*width + column
			s := &workshop.Stage{ID: id(layer, column), Name: "Stage " + strconv.Itoa(n),
				Department: departments[n%len(departments)],
				Process:    float64(n*7%120 + 1), Wait: float64(n * 13 % 480)}
			if n%3 == 0 {
				s.CA, s.HasCA = float64(90+n%10), true
			}
			m.Stages = append(m.Stages, s)
			if layer+1 == layers {
				continue
			}
			m.Flows = append(m.Flows, workshop.Flow{From: s.ID, To: id(layer+1, column)})
			if n%2 == 0 {
				m.Flows = append(m.Flows, workshop.Flow{From: s.ID, To: id(layer+1, (column*37+11)%width)})
			}
		}
	}
	return m
}

func TestLayeredMapShape(t *testing.T) {
	m := layeredMap(100, 100)
	// 99 layers with flows × (100 + 50) = 14,850 flows; a duplicate would make the map invalid.
	if len(m.Stages) != 10000 || len(m.Flows) != 14850 {
		t.Fatalf("%d stages, %d flows", len(m.Stages), len(m.Flows))
	}
	if err := m.Validate(); err != nil {
		t.Fatalf("the generated map is invalid: %v", err)
	}
	mt, err := m.Compute()
	if err != nil {
		t.Fatal(err)
	}
	if len(mt.CriticalPath) != 100 || len(mt.LongestDelays) == 0 || len(mt.Departments) != 6 {
		t.Errorf("path %d stages, %d delays, %d departments", len(mt.CriticalPath), len(mt.LongestDelays), len(mt.Departments))
	}
}

// BenchmarkMetrics10k measures every metric of a 10,000-stage map: the budget is 5 ms per
// recomputation, as the canvas recomputes after each edit.
func BenchmarkMetrics10k(b *testing.B) {
	w := workshop.NewWorkshop("Bench")
	w.Maps = []*workshop.Map{layeredMap(100, 100)}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := w.Compute(w.Maps[0]); err != nil {
			b.Fatal(err)
		}
	}
}
