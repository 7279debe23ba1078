package report_test

import (
	"testing"

	"leadline.app/leadline/workshop/report"
)

func benchmarkHandout(b *testing.B, stages int) {
	w := generatedWorkshop(stages)
	b.ReportAllocs()
	for b.Loop() {
		result, err := report.Handout(w, report.Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.SetBytes(int64(len(result.PDF)))
	}
}

// BenchmarkHandout50 has a budget of 200 ms per handout.
func BenchmarkHandout50(b *testing.B) { benchmarkHandout(b, 50) }

// BenchmarkHandout1000 has a budget of 3 s per handout.
func BenchmarkHandout1000(b *testing.B) { benchmarkHandout(b, 1000) }
