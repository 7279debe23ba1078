package workshop

import "testing"

// The expected values are numpy.percentile's (linear interpolation between closest ranks).
func TestPercentile(t *testing.T) {
	tests := []struct {
		samples []float64
		q, want float64
	}{
		{nil, 0.5, 0},
		{[]float64{7}, 0.9, 7},
		{[]float64{330, 430}, 0.50, 380},  // rank 0.5
		{[]float64{330, 430}, 0.85, 415},  // rank 0.85
		{[]float64{330, 430}, 0.95, 425},  // rank 0.95
		{[]float64{1, 2, 3, 4}, 0.1, 1.3}, // rank 0.3
		{[]float64{1, 2, 3, 4}, 0.9, 3.7}, // rank 2.7
		{[]float64{1, 2, 3, 4}, 1, 4},
		{[]float64{1, 2, 3, 4}, 0, 1},
	}
	for _, tt := range tests {
		if got := Percentile(tt.samples, tt.q); got < tt.want-1e-9 || got > tt.want+1e-9 {
			t.Errorf("Percentile(%v, %g) = %g, want %g", tt.samples, tt.q, got, tt.want)
		}
	}
}

// Step 8: an even count's median is the mean of the middle two, rounded to the minute.
func TestMedianMinutes(t *testing.T) {
	tests := []struct {
		samples []float64
		want    float64
	}{
		{nil, 0},
		{[]float64{10.25}, 10.25}, // an odd count keeps the middle value as measured
		{[]float64{60, 120}, 90},
		{[]float64{0, 1}, 1},                // 0.5 rounds up
		{[]float64{10, 20.2, 20.6, 99}, 20}, // 20.4
	}
	for _, tt := range tests {
		if got := medianMinutes(tt.samples); got != tt.want {
			t.Errorf("medianMinutes(%v) = %g, want %g", tt.samples, got, tt.want)
		}
	}
}
