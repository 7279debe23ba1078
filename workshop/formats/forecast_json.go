package formats

import "leadline.app/leadline/workshop"

// ForecastReport is the JSON of `leadline forecast --json`, field for field as the README
// documents it.
type ForecastReport struct {
	Workshop string        `json:"workshop"`
	Maps     []MapForecast `json:"maps"`
}

// MapForecast holds one map's Monte Carlo figures.
type MapForecast struct {
	Name        string            `json:"name"`
	Trials      int               `json:"trials"`
	P50Minutes  float64           `json:"p50Minutes"`
	P85Minutes  float64           `json:"p85Minutes"`
	P95Minutes  float64           `json:"p95Minutes"`
	MeanMinutes float64           `json:"meanMinutes"`
	Criticality []CriticalityJSON `json:"criticality"`
}

// CriticalityJSON is the share of trials in which a stage lay on the critical path.
type CriticalityJSON struct {
	ID    string  `json:"id"`
	Name  string  `json:"name"`
	Share float64 `json:"share"`
}

// BuildForecastReport runs the forecast on every map of a workshop, each map with its own
// generator seeded alike, so a map's figures do not depend on the maps before it.
func BuildForecastReport(w *workshop.Workshop, trials int, seed uint64) (*ForecastReport, error) {
	report := &ForecastReport{Workshop: w.Name, Maps: []MapForecast{}}
	for _, m := range w.Maps {
		f, err := m.Forecast(trials, seed)
		if err != nil {
			return nil, err
		}
		out := MapForecast{Name: m.Name, Trials: f.Trials, P50Minutes: f.P50, P85Minutes: f.P85,
			P95Minutes: f.P95, MeanMinutes: f.Mean, Criticality: []CriticalityJSON{}}
		for _, c := range f.Criticality {
			out.Criticality = append(out.Criticality, CriticalityJSON{ID: c.Stage.ID, Name: c.Stage.Name, Share: c.Share})
		}
		report.Maps = append(report.Maps, out)
	}
	return report, nil
}
