package workshop_test

import (
	"math"
	"reflect"
	"strconv"
	"testing"

	"leadline.app/leadline/workshop"
)

func ranged(s *workshop.Stage, waitLow, waitHigh, processLow, processHigh float64) *workshop.Stage {
	s.WaitRange = workshop.Range{Low: waitLow, High: waitHigh}
	s.ProcessRange = workshop.Range{Low: processLow, High: processHigh}
	return s
}

func TestForecastWithoutRangesIsTheLeadTime(t *testing.T) {
	m := releaseMap()
	f, err := m.Forecast(workshop.DefaultTrials, workshop.DefaultSeed)
	if err != nil {
		t.Fatal(err)
	}
	// Staging 90 + PO 1560 + Release 2430.
	const lead = 4080
	if f.P50 != lead || f.P85 != lead || f.P95 != lead || f.Mean != lead || f.LeadTime != lead || f.Trials != workshop.DefaultTrials {
		t.Errorf("forecast %+v, want every figure exactly %v", f, lead)
	}
	shares := map[string]float64{}
	for _, c := range f.Criticality {
		shares[c.Stage.ID] = c.Share
	}
	want := map[string]float64{"Staging": 1, "PO": 1, "Release": 1, "PM": 0, "QA": 0}
	if !reflect.DeepEqual(shares, want) {
		t.Errorf("criticality %v, want %v", shares, want)
	}
}

// TestForecastSingleStageTriangular checks the quantiles of one stage against the triangular
// distribution's own: for low a, mode c, high b, F⁻¹(q) = a + √(q(b−a)(c−a)) when q < (c−a)/(b−a),
// else b − √((1−q)(b−a)(b−c)). With a 0, c 60, b 240: (c−a)/(b−a) = 0.25, so
// P50 = 240 − √(0.5·240·180) = 240 − 146.97 = 93.03, P85 = 240 − √(0.15·240·180) = 159.50,
// P95 = 240 − √(0.05·240·180) = 193.52, mean (a+b+c)/3 = 100. The standard error of a
// quantile over 10,000 trials is √(q(1−q)/n)/f(x) ≈ 1.7 minutes at P50 here; 4 is 2–3 σ.
func TestForecastSingleStageTriangular(t *testing.T) {
	m := newMap([]*workshop.Stage{ranged(st("Review", "", 60, 0), 0, 240, 0, 0)})
	f, err := m.Forecast(10000, 1)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"P50", f.P50, 240 - math.Sqrt(0.5*240*180)},
		{"P85", f.P85, 240 - math.Sqrt(0.15*240*180)},
		{"P95", f.P95, 240 - math.Sqrt(0.05*240*180)},
		{"mean", f.Mean, 100},
	} {
		if math.Abs(c.got-c.want) > 4 {
			t.Errorf("%s = %.2f, want %.2f ± 4", c.name, c.got, c.want)
		}
	}
	if f.Criticality[0].Share != 1 {
		t.Errorf("the only stage is critical in %v of trials, want all", f.Criticality[0].Share)
	}
}

// TestForecastParallelBranchesTakeTheMax: two identical symmetric branches, each triangular
// 0–120 with mode 60 (median 60). The lead time is the larger of two draws, whose median
// solves F(x)² = 0.5: F(x) = 0.7071, x = 120 − √(0.2929·120·60) = 74.1, above either
// branch's own 60. Each branch is critical in about half the trials.
func TestForecastParallelBranchesTakeTheMax(t *testing.T) {
	m := newMap([]*workshop.Stage{
		st("Start", "", 0, 0),
		ranged(st("PM", "", 60, 0), 0, 120, 0, 0),
		ranged(st("QA", "", 60, 0), 0, 120, 0, 0),
		st("End", "", 0, 0),
	}, fwd("Start", "PM"), fwd("Start", "QA"), fwd("PM", "End"), fwd("QA", "End"))
	f, err := m.Forecast(10000, 1)
	if err != nil {
		t.Fatal(err)
	}
	if f.P50 <= 60+5 || math.Abs(f.P50-74.1) > 3 {
		t.Errorf("P50 = %.2f, want about 74.1, well above either branch's median 60", f.P50)
	}
	for _, c := range f.Criticality {
		if (c.Stage.ID == "PM" || c.Stage.ID == "QA") && math.Abs(c.Share-0.5) > 0.03 {
			t.Errorf("%s critical in %.3f of trials, want about 0.5", c.Stage.ID, c.Share)
		}
	}
}

// TestForecastCriticalitySumsToAtLeastOne: each trial's critical path holds at least one
// stage, so the shares sum to at least 1; on a chain of n stages every stage is always
// critical, so they sum to n.
func TestForecastCriticalitySumsToAtLeastOne(t *testing.T) {
	for _, m := range []*workshop.Map{
		rangedLayeredMap(5, 4),
		newMap([]*workshop.Stage{ranged(st("A", "", 10, 10), 0, 20, 5, 30), ranged(st("B", "", 10, 10), 0, 20, 5, 30)}, fwd("A", "B")),
		newMap([]*workshop.Stage{ranged(st("A", "", 10, 10), 0, 20, 5, 30), ranged(st("B", "", 10, 10), 0, 20, 5, 30)}),
	} {
		f, err := m.Forecast(2000, 3)
		if err != nil {
			t.Fatal(err)
		}
		sum := 0.0
		for _, c := range f.Criticality {
			sum += c.Share
			if c.Share < 0 || c.Share > 1 {
				t.Errorf("share %v outside 0–1", c.Share)
			}
		}
		if sum < 1-1e-9 {
			t.Errorf("map %d stages: criticality sums to %v, want ≥ 1", len(m.Stages), sum)
		}
		for k := 1; k < len(f.Criticality); k++ {
			if f.Criticality[k-1].Share < f.Criticality[k].Share {
				t.Errorf("criticality not most critical first: %v", f.Criticality)
			}
		}
	}
	chain, _ := newMap([]*workshop.Stage{ranged(st("A", "", 10, 10), 0, 20, 5, 30), ranged(st("B", "", 10, 10), 0, 20, 5, 30)}, fwd("A", "B")).Forecast(500, 1)
	if chain.Criticality[0].Share+chain.Criticality[1].Share != 2 {
		t.Errorf("a chain's stages are always critical: %v", chain.Criticality)
	}
}

func TestForecastFixedSeedRepeats(t *testing.T) {
	m := rangedLayeredMap(5, 4)
	first, err := m.Forecast(3000, 42)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := m.Forecast(3000, 42)
	if !reflect.DeepEqual(first, again) {
		t.Errorf("seed 42 gave %+v, then %+v", first, again)
	}
	other, _ := m.Forecast(3000, 43)
	if other.P50 == first.P50 && other.P85 == first.P85 && other.Mean == first.Mean {
		t.Errorf("seeds 42 and 43 gave the same figures %+v", first)
	}
}

func TestForecastRefusesBadTrialCounts(t *testing.T) {
	for _, n := range []int{0, -5, workshop.MaxTrials + 1} {
		if _, err := releaseMap().Forecast(n, 1); err == nil {
			t.Errorf("%d trials accepted", n)
		}
	}
}

func TestPercentileIsNumpyLinear(t *testing.T) {
	values := []float64{1, 2, 3, 4, 10}
	// numpy.percentile([1,2,3,4,10], [50, 85, 95, 0, 100]) = 3, 6.4, 8.8, 1, 10:
	// h = 4q; q = 0.85 → h 3.4 → 4 + 0.4·(10 − 4) = 6.4; q = 0.95 → h 3.8 → 4 + 0.8·6 = 8.8.
	for _, c := range []struct{ q, want float64 }{{0.5, 3}, {0.85, 6.4}, {0.95, 8.8}, {0, 1}, {1, 10}} {
		if got := workshop.Percentile(values, c.q); !near(got, c.want) {
			t.Errorf("Percentile(%v) = %v, want %v", c.q, got, c.want)
		}
	}
	if got := workshop.Percentile([]float64{7}, 0.85); got != 7 {
		t.Errorf("one value: %v", got)
	}
}

// rangedLayeredMap gives each stage of a layered map a range around its times.
func rangedLayeredMap(layers, width int) *workshop.Map {
	m := layeredMap(layers, width)
	for i, s := range m.Stages {
		if i%3 != 2 {
			s.WaitRange = workshop.Range{Low: s.Wait / 2, High: s.Wait*3 + 60}
			s.ProcessRange = workshop.Range{Low: s.Process / 2, High: s.Process * 2}
		}
	}
	return m
}

// BenchmarkForecast50 runs the default 10,000 trials on a 50-stage map: the budget is 200 ms.
func BenchmarkForecast50(b *testing.B) {
	m := rangedLayeredMap(10, 5)
	if len(m.Stages) != 50 {
		b.Fatal(strconv.Itoa(len(m.Stages)) + " stages")
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := m.Forecast(workshop.DefaultTrials, workshop.DefaultSeed); err != nil {
			b.Fatal(err)
		}
	}
}

// TestForecastWithoutRangesMatchesMetricsBitForBit: with fractional minutes the order of the
// additions matters in floating point; the forecast sums the path as the metrics do.
func TestForecastWithoutRangesMatchesMetricsBitForBit(t *testing.T) {
	m := newMap([]*workshop.Stage{st("A", "", 0.1, 0.7), st("B", "", 0.2, 0.3), st("C", "", 0.3, 0.1), st("D", "", 0.1, 0.2)},
		fwd("A", "B"), fwd("A", "C"), fwd("B", "D"), fwd("C", "D"))
	mt, err := m.Compute()
	if err != nil {
		t.Fatal(err)
	}
	f, err := m.Forecast(100, 1)
	if err != nil {
		t.Fatal(err)
	}
	if f.P50 != mt.LeadTime || f.P95 != mt.LeadTime || f.Mean != mt.LeadTime {
		t.Errorf("forecast %v / %v / %v, metrics %v: must be equal to the bit", f.P50, f.P95, f.Mean, mt.LeadTime)
	}
}
