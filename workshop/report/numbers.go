package report

import (
	"fmt"
	"math"

	"leadline.app/leadline/workshop"
)

// checkNumbers refuses values no drawing can represent. The editor and the importers already
// refuse them, but a handout must never turn a NaN into a broken page or a runaway tiling.
func checkNumbers(m *workshop.Map) error {
	for _, s := range m.Stages {
		fields := []struct {
			name  string
			value float64
			limit float64
		}{
			{"process", s.Process, workshop.MaxMinutes},
			{"wait", s.Wait, workshop.MaxMinutes},
			{"x", s.X, workshop.MaxPosition},
			{"y", s.Y, workshop.MaxPosition},
		}
		for _, f := range fields {
			if math.IsNaN(f.value) || math.IsInf(f.value, 0) || math.Abs(f.value) > f.limit {
				return fmt.Errorf("map %q, stage %q: %s %v is out of range", m.Name, s.Name, f.name, f.value)
			}
			if (f.name == "process" || f.name == "wait") && f.value < 0 {
				return fmt.Errorf("map %q, stage %q: %s %v is negative", m.Name, s.Name, f.name, f.value)
			}
		}
	}
	return nil
}
