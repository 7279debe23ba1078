package panels

import (
	"testing"

	"leadline.app/leadline/workshop"
)

// ideaToCustomer is a small branching map: budget approval and procurement run in parallel,
// and the six-week budget wait sets the critical path.
func ideaToCustomer(t *testing.T) (*workshop.Workshop, *workshop.Map) {
	t.Helper()
	w := workshop.NewWorkshop("Idea to customer")
	day, week := 8*60.0, 5*8*60.0
	m := &workshop.Map{ID: "m1", Name: "Idea to customer", State: workshop.Current}
	add := func(id, name, department string, process, wait float64, ca float64) {
		s := &workshop.Stage{ID: id, Name: name, Department: department, Process: process, Wait: wait}
		if ca > 0 {
			s.CA, s.HasCA = ca, true
		}
		m.Stages = append(m.Stages, s)
	}
	add("s1", "Campaign", "Marketing", 2*day, week, 90)
	add("s2", "Sales meeting", "Sales", 4*60, 3*day, 0)
	add("s3", "Legal review", "Legal", 2*60, 2*week, 80)
	add("s4", "Budget approval", "Finance", 60, 6*week, 0)
	add("s5", "Procurement", "Procurement", day, 4*week, 0)
	add("s6", "Development", "Development", 2*week, week, 70)
	add("s7", "QA sign-off", "QA", 4*60, 2*day, 0)
	add("s8", "Release", "Operations", 60, week, 0)
	for _, f := range [][2]string{{"s1", "s2"}, {"s2", "s3"}, {"s3", "s4"}, {"s3", "s5"}, {"s4", "s6"}, {"s5", "s6"}, {"s6", "s7"}, {"s7", "s8"}} {
		m.Flows = append(m.Flows, workshop.Flow{From: f[0], To: f[1]})
	}
	m.Ideas = []workshop.Idea{{Stage: "s4", Text: "Monthly budget slot", Owner: "CFO"}}
	w.Maps = append(w.Maps, m)
	return w, m
}

// withFutureState adds a future state of the map in which the budget wait drops to one week.
func withFutureState(t *testing.T, w *workshop.Workshop, base *workshop.Map) *workshop.Map {
	t.Helper()
	future := workshop.FutureStateOf(w, base)
	future.Stage("s4").Wait = 5 * 8 * 60
	w.Maps = append(w.Maps, future)
	return future
}

func mustCompute(t *testing.T, w *workshop.Workshop, m *workshop.Map) *workshop.Metrics {
	t.Helper()
	mt, err := w.Compute(m)
	if err != nil {
		t.Fatalf("compute %s: %v", m.Name, err)
	}
	return mt
}
