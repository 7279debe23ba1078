package formats

import "leadline.app/leadline/workshop"

// MetricsReport is the JSON of `leadline metrics --json`, field for field as the README
// documents it. It lives here, beside the other file formats, so that the command line stays thin.
type MetricsReport struct {
	Workshop string       `json:"workshop"`
	Maps     []MapMetrics `json:"maps"`
}

// MapMetrics holds one map's figures.
type MapMetrics struct {
	Name                string           `json:"name"`
	State               string           `json:"state"`
	LeadTimeMinutes     float64          `json:"leadTimeMinutes"`
	ProcessTimeMinutes  float64          `json:"processTimeMinutes"`
	WaitTimeMinutes     float64          `json:"waitTimeMinutes"`
	FlowEfficiency      float64          `json:"flowEfficiency"`
	RolledCA            float64          `json:"rolledCA"`
	TotalProcessMinutes float64          `json:"totalProcessMinutes"`
	CriticalPath        []string         `json:"criticalPath"`
	LongestDelays       []DelayJSON      `json:"longestDelays"`
	Departments         []DepartmentJSON `json:"departments"`
	Levers              []LeverJSON      `json:"levers"`
	Baseline            *BaselineJSON    `json:"baseline,omitempty"`
	Observed            *ObservedJSON    `json:"observed,omitempty"` // a map built from an event log
}

// DelayJSON is one row of the longest delays.
type DelayJSON struct {
	ID              string  `json:"id"`
	Name            string  `json:"name"`
	Department      string  `json:"department"`
	WaitMinutes     float64 `json:"waitMinutes"`
	ShareOfLeadTime float64 `json:"shareOfLeadTime"`
}

// LeverJSON is what removing one stage's wait would buy (see workshop.Lever).
type LeverJSON struct {
	ID          string  `json:"id"`
	Name        string  `json:"name"`
	WaitMinutes float64 `json:"waitMinutes"`
	GainMinutes float64 `json:"gainMinutes"`
}

// DepartmentJSON sums one department's wait and process.
type DepartmentJSON struct {
	Name           string  `json:"name"`
	WaitMinutes    float64 `json:"waitMinutes"`
	ProcessMinutes float64 `json:"processMinutes"`
	Stages         int     `json:"stages"`
}

// BaselineJSON holds the baseline's own figures and the future state's change against them.
type BaselineJSON struct {
	Name                     string  `json:"name"`
	LeadTimeMinutes          float64 `json:"leadTimeMinutes"`
	ProcessTimeMinutes       float64 `json:"processTimeMinutes"`
	WaitTimeMinutes          float64 `json:"waitTimeMinutes"`
	FlowEfficiency           float64 `json:"flowEfficiency"`
	LeadTimeChangeMinutes    float64 `json:"leadTimeChangeMinutes"`
	LeadTimeChangePercent    float64 `json:"leadTimeChangePercent"`
	ProcessTimeChangeMinutes float64 `json:"processTimeChangeMinutes"`
	ProcessTimeChangePercent float64 `json:"processTimeChangePercent"`
	WaitTimeChangeMinutes    float64 `json:"waitTimeChangeMinutes"`
	WaitTimeChangePercent    float64 `json:"waitTimeChangePercent"`
	FlowEfficiencyChange     float64 `json:"flowEfficiencyChange"`
}

// BuildMetricsReport computes the figures of every map of a workshop.
func BuildMetricsReport(w *workshop.Workshop) (*MetricsReport, error) {
	report := &MetricsReport{Workshop: w.Name, Maps: []MapMetrics{}}
	for _, m := range w.Maps {
		mt, err := w.Compute(m)
		if err != nil {
			return nil, err
		}
		levers, err := m.Levers()
		if err != nil {
			return nil, err
		}
		out := toMapMetrics(m, mt)
		for _, l := range levers {
			out.Levers = append(out.Levers, LeverJSON{ID: l.Stage.ID, Name: l.Stage.Name, WaitMinutes: l.Stage.Wait, GainMinutes: l.Gain})
		}
		report.Maps = append(report.Maps, out)
	}
	return report, nil
}

func toMapMetrics(m *workshop.Map, mt *workshop.Metrics) MapMetrics {
	out := MapMetrics{
		Name: m.Name, State: string(m.State),
		LeadTimeMinutes: mt.LeadTime, ProcessTimeMinutes: mt.ProcessTime, WaitTimeMinutes: mt.WaitTime,
		FlowEfficiency: mt.FlowEfficiency, RolledCA: mt.RolledCA, TotalProcessMinutes: mt.TotalProcess,
		CriticalPath: []string{}, LongestDelays: []DelayJSON{}, Departments: []DepartmentJSON{}, Levers: []LeverJSON{},
		Observed: observedJSON(m.Observed),
	}
	for _, s := range mt.CriticalPath {
		out.CriticalPath = append(out.CriticalPath, s.ID)
	}
	for _, d := range mt.LongestDelays {
		out.LongestDelays = append(out.LongestDelays, DelayJSON{ID: d.Stage.ID, Name: d.Stage.Name,
			Department: d.Stage.Department, WaitMinutes: d.Stage.Wait, ShareOfLeadTime: d.ShareOfLead})
	}
	for _, d := range mt.Departments {
		out.Departments = append(out.Departments, DepartmentJSON{Name: d.Name, WaitMinutes: d.Wait,
			ProcessMinutes: d.Process, Stages: d.Stages})
	}
	if c := mt.Baseline; c != nil {
		out.Baseline = &BaselineJSON{
			Name: c.Baseline, LeadTimeMinutes: c.Before.LeadTime, ProcessTimeMinutes: c.Before.ProcessTime,
			WaitTimeMinutes: c.Before.WaitTime, FlowEfficiency: c.Before.FlowEfficiency,
			LeadTimeChangeMinutes: c.LeadTimeChange, LeadTimeChangePercent: workshop.Percent(c.LeadTimeChange, c.Before.LeadTime),
			ProcessTimeChangeMinutes: c.ProcessChange, ProcessTimeChangePercent: workshop.Percent(c.ProcessChange, c.Before.ProcessTime),
			WaitTimeChangeMinutes: c.WaitChange, WaitTimeChangePercent: workshop.Percent(c.WaitChange, c.Before.WaitTime),
			FlowEfficiencyChange: c.EfficiencyDiff,
		}
	}
	return out
}
