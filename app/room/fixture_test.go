package room

import (
	"testing"

	"leadline.app/leadline/assets"
	"leadline.app/leadline/workshop"
	"leadline.app/leadline/workshop/formats"
)

// fixedSource is a Source over a workshop held in the test.
type fixedSource struct {
	w *workshop.Workshop
	m *workshop.Map
}

func (f *fixedSource) Workshop() *workshop.Workshop        { return f.w }
func (f *fixedSource) Map() *workshop.Map                  { return f.m }
func (f *fixedSource) Metrics() (*workshop.Metrics, error) { return f.w.Compute(f.m) }

// sampleSource is the 16-stage "Idea to customer" sample that ships in assets/samples, on its
// current state (mapIndex 0) or future state (1).
func sampleSource(t *testing.T, mapIndex int) *fixedSource {
	t.Helper()
	for _, s := range assets.Samples() {
		if s.File != "1-idea-to-customer.json" {
			continue
		}
		w, err := formats.ParseLeadline(s.File, s.Data)
		if err != nil {
			t.Fatalf("sample %s: %v", s.File, err)
		}
		return &fixedSource{w: w, m: w.Maps[mapIndex]}
	}
	t.Fatal("sample 1-idea-to-customer.json is missing from assets/samples")
	return nil
}

// sevenStages is a release process: a fork into two parallel sign-offs that join again.
func sevenStages() *fixedSource {
	w := workshop.NewWorkshop("Release train")
	day, week := 8*60.0, 5*8*60.0
	m := &workshop.Map{ID: "m1", Name: "Current state", State: workshop.Current}
	add := func(id, name, department string, process, wait float64) {
		m.Stages = append(m.Stages, &workshop.Stage{ID: id, Name: name, Department: department, Process: process, Wait: wait})
	}
	add("s1", "Feature request", "Product", 2*60, 3*day)
	add("s2", "Contract review", "Legal", 4*60, 2*week)
	add("s3", "Development", "Development", 4*day, week)
	add("s4", "QA sign-off", "QA", day, 2*day)
	add("s5", "Security review", "Security", 4*60, 3*week)
	add("s6", "Weekly release", "Operations", 60, 4*day)
	add("s7", "Customer onboarding", "Support", 2*60, day)
	for _, f := range [][2]string{{"s1", "s2"}, {"s2", "s3"}, {"s3", "s4"}, {"s3", "s5"}, {"s4", "s6"}, {"s5", "s6"}, {"s6", "s7"}} {
		m.Flows = append(m.Flows, workshop.Flow{From: f[0], To: f[1]})
	}
	m.Flows = append(m.Flows, workshop.Flow{From: "s4", To: "s3", Rework: true, ReworkPercent: 20})
	w.Maps = append(w.Maps, m)
	return &fixedSource{w: w, m: m}
}
