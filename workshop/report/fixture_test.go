package report_test

import (
	"fmt"
	"testing"

	"leadline.app/leadline/workshop"
)

// minutes reads a duration at the default calendar; fixtures are easier to check by hand in
// the units a workshop uses.
func minutes(t testing.TB, text string) float64 {
	t.Helper()
	v, err := workshop.ParseDuration(text, workshop.DefaultCalendar)
	if err != nil {
		t.Fatalf("fixture duration %q: %v", text, err)
	}
	return v
}

// richWorkshop is an idea-to-customer map with a parallel budget/procurement branch, parallel
// sign-offs, a rework flow and accented, Cyrillic and Greek names, plus a future state with
// ideas. Its longest delays, checked by hand: Согласование бюджета 6w, Procurement evaluation
// 4w, Prüfung durch Qualitätssicherung 2w, Marketing campaign 1w, Product backlog 1w (a tie,
// kept in map order), …
func richWorkshop(t testing.TB) *workshop.Workshop {
	type stage struct {
		id, name, department, process, wait string
		ca                                  float64
		x, y                                float64
	}
	stages := []stage{
		{"s1", "Marketing campaign", "Marketing", "2d", "1w", 90, 0, 150},
		{"s2", "Sales lead qualification", "Sales", "2h", "3d", 80, 180, 150},
		{"s3", "Prüfung durch Qualitätssicherung", "Legal", "4h", "2w", 0, 360, 150},
		{"s4", "Согласование бюджета", "Finance", "1h", "6w", 95, 540, 50},
		{"s5", "Procurement evaluation", "Procurement", "1d", "4w", 0, 540, 250},
		{"s6", "Product backlog", "Product", "2h", "1w", 0, 720, 150},
		{"s7", "Development", "Development", "5d", "2d", 70, 900, 150},
		{"s8", "Build and test", "Development", "3d", "0", 0, 1080, 150},
		{"s9", "Staging deploy", "Operations", "1h", "1d", 0, 1260, 150},
		{"s10", "PM sign-off", "Project management", "1h", "2d", 0, 1440, 30},
		{"s11", "PO sign-off", "Product", "1h", "3d", 0, 1440, 150},
		{"s12", "Έλεγχος ποιότητας", "QA", "4h", "1d", 85, 1440, 270},
		{"s13", "Weekly release", "Operations", "2h", "2d", 0, 1620, 150},
		{"s14", "Support handover", "Support", "1h", "1d", 0, 1800, 150},
	}
	current := &workshop.Map{ID: "current", Name: "Idea to customer", State: workshop.Current}
	for _, s := range stages {
		current.Stages = append(current.Stages, &workshop.Stage{
			ID: s.id, Name: s.name, Department: s.department,
			Process: minutes(t, s.process), Wait: minutes(t, s.wait),
			CA: s.ca, HasCA: s.ca > 0, People: 2, X: s.x, Y: s.y,
			Notes: fmt.Sprintf("Notes for %s: who is involved, what they need, what gets in the way.", s.name),
		})
	}
	for _, f := range [][2]string{{"s1", "s2"}, {"s2", "s3"}, {"s3", "s4"}, {"s3", "s5"}, {"s4", "s6"}, {"s5", "s6"},
		{"s6", "s7"}, {"s7", "s8"}, {"s8", "s9"}, {"s9", "s10"}, {"s9", "s11"}, {"s9", "s12"},
		{"s10", "s13"}, {"s11", "s13"}, {"s12", "s13"}, {"s13", "s14"}} {
		current.Flows = append(current.Flows, workshop.Flow{From: f[0], To: f[1]})
	}
	current.Flows = append(current.Flows, workshop.Flow{From: "s12", To: "s7", Rework: true, ReworkPercent: 20})

	future := current.Clone()
	future.ID, future.Name, future.State, future.Baseline = "future", "Idea to customer, future", workshop.Future, current.Name
	future.Stage("s3").Wait = minutes(t, "3d")
	future.Stage("s4").Wait = minutes(t, "1w")
	future.Stage("s5").Wait = minutes(t, "1w")
	future.Ideas = []workshop.Idea{
		{Stage: "s4", Text: "Rolling quarterly budget instead of the annual cycle", Owner: "CFO office"},
		{Stage: "s5", Text: "Pre-approved vendor list for tools under 10k", Owner: "Procurement lead"},
		{Stage: "s3", Text: "Standard contract templates", Owner: "Анна Иванова"},
		{Stage: "s12", Text: "Automated regression suite in staging", Owner: "QA chapter"},
		{Stage: "", Text: "Review the flow every two weeks", Owner: "Zoë Ångström"},
	}
	return &workshop.Workshop{
		Name:         "Produktentwicklung München — Wertstrom",
		Facilitator:  "Zoë Ångström",
		Date:         "2025-03-14",
		Participants: []string{"Jürgen Müller", "Ελένη Παπαδοπούλου", "Дмитрий Соколов", "Ana Núñez"},
		Notes:        "Workshop held on site with eleven departments.",
		Calendar:     workshop.DefaultCalendar,
		Maps:         []*workshop.Map{current, future},
	}
}

// generatedWorkshop is a deterministic chain of n stages in rows of ten, with a parallel
// branch every seventh stage and a rework flow every thirteenth, for benchmarks and size.
func generatedWorkshop(n int) *workshop.Workshop {
	departments := []string{"Marketing", "Sales", "Legal", "Finance", "Procurement", "Product",
		"Development", "QA", "Operations", "Support", "Data platform"}
	m := &workshop.Map{ID: "m1", Name: fmt.Sprintf("Generated %d stages", n), State: workshop.Current}
	for i := 0; i < n; i++ {
		m.Stages = append(m.Stages, &workshop.Stage{
			ID:         fmt.Sprintf("s%d", i),
			Name:       fmt.Sprintf("Stage %d — review and hand-over", i+1),
			Department: departments[i%len(departments)],
			Process:    float64(30 + (i*37)%480),
			Wait:       float64((i * 211) % 4800),
			CA:         float64(60 + i%40), HasCA: i%3 == 0,
			People: 1 + i%5,
			X:      float64((i % 10) * 180), Y: float64((i / 10) * 130),
			Notes: "Generated stage",
		})
		if i > 0 {
			from := i - 1
			if i%7 == 0 && i > 1 {
				from = i - 2
			}
			m.Flows = append(m.Flows, workshop.Flow{From: fmt.Sprintf("s%d", from), To: fmt.Sprintf("s%d", i)})
		}
		if i%13 == 12 {
			m.Flows = append(m.Flows, workshop.Flow{From: fmt.Sprintf("s%d", i), To: fmt.Sprintf("s%d", i-5), Rework: true, ReworkPercent: 10})
		}
		if i%5 == 0 {
			m.Ideas = append(m.Ideas, workshop.Idea{Stage: fmt.Sprintf("s%d", i), Text: "Automate the hand-over", Owner: "Team lead"})
		}
	}
	return &workshop.Workshop{Name: "Generated workshop", Facilitator: "Bench", Date: "2025-01-02",
		Calendar: workshop.DefaultCalendar, Maps: []*workshop.Map{m}}
}
