package formats_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"leadline.app/leadline/workshop"
	"leadline.app/leadline/workshop/formats"
)

// eventLog100k writes 100,000 rows: 10,000 items through ten statuses of a release, with a
// fork of two sign-offs, a queue, a done status and one item in ten sent back from QA to Dev.
func eventLog100k() []byte {
	var b strings.Builder
	b.WriteString("workItemId,stage,enteredAt,exitedAt,department\n")
	start := time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)
	stamp := func(minutes int) string { return start.Add(time.Duration(minutes) * time.Minute).Format(time.RFC3339) }
	for item := 0; item < 10_000; item++ {
		t := item * 7
		row := func(stage string, length int, department string) {
			fmt.Fprintf(&b, "%d,%s,%s,%s,%s\n", item, stage, stamp(t), stamp(t+length), department)
			t += length + item%13
		}
		row("Backlog", 30, "")
		row("Dev", 120+item%60, "Development")
		row("Ready for QA", 45, "")
		row("QA", 60, "QA")
		if item%10 == 0 {
			row("Dev", 30, "Development")
		} else {
			row("Review", 20, "Development")
		}
		fork := t
		row("PM sign-off", 90, "Product")
		t = fork + 10
		row("PO sign-off", 40, "Product")
		row("Staging", 30, "Operations")
		row("Deploy", 15, "Operations")
		fmt.Fprintf(&b, "%d,Done,%s,,\n", item, stamp(t+5))
	}
	return []byte(b.String())
}

func TestEventLog100kShape(t *testing.T) {
	w, _, err := formats.ImportWith("release.csv", eventLog100k(), formats.ImportOptions{Log: workshop.LogOptions{
		Queues: []string{"Backlog", "Ready for QA"}, Done: []string{"Done"}}})
	if err != nil {
		t.Fatal(err)
	}
	m := w.Maps[0]
	if len(m.Stages) != 7 || m.Observed.Items != 10_000 {
		t.Fatalf("%d stages, %d observed items; want 7 and 10000", len(m.Stages), m.Observed.Items)
	}
}

// Budget: a 100,000-row log imports within 1 s (README, "Measured speed and memory").
func BenchmarkEventLog100k(b *testing.B) {
	data := eventLog100k()
	opts := formats.ImportOptions{Log: workshop.LogOptions{Queues: []string{"Backlog", "Ready for QA"}, Done: []string{"Done"}}}
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		if _, _, err := formats.ImportWith("release.csv", data, opts); err != nil {
			b.Fatal(err)
		}
	}
}
