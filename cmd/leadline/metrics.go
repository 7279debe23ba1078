package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"leadline.app/leadline/workshop"
	"leadline.app/leadline/workshop/formats"
)

// The JSON of `leadline metrics --json`, field for field as the README documents it.
type metricsReport struct {
	Workshop string       `json:"workshop"`
	Maps     []mapMetrics `json:"maps"`
}

type mapMetrics struct {
	Name                string           `json:"name"`
	State               string           `json:"state"`
	LeadTimeMinutes     float64          `json:"leadTimeMinutes"`
	ProcessTimeMinutes  float64          `json:"processTimeMinutes"`
	WaitTimeMinutes     float64          `json:"waitTimeMinutes"`
	FlowEfficiency      float64          `json:"flowEfficiency"`
	RolledCA            float64          `json:"rolledCA"`
	TotalProcessMinutes float64          `json:"totalProcessMinutes"`
	CriticalPath        []string         `json:"criticalPath"`
	LongestDelays       []delayJSON      `json:"longestDelays"`
	Departments         []departmentJSON `json:"departments"`
	Baseline            *baselineJSON    `json:"baseline,omitempty"`
}

type delayJSON struct {
	ID              string  `json:"id"`
	Name            string  `json:"name"`
	Department      string  `json:"department"`
	WaitMinutes     float64 `json:"waitMinutes"`
	ShareOfLeadTime float64 `json:"shareOfLeadTime"`
}

type departmentJSON struct {
	Name           string  `json:"name"`
	WaitMinutes    float64 `json:"waitMinutes"`
	ProcessMinutes float64 `json:"processMinutes"`
	Stages         int     `json:"stages"`
}

// baselineJSON holds the baseline's own figures and the future state's change against them.
type baselineJSON struct {
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

func runMetrics(args []string, out io.Writer) error {
	fs := newFlagSet("metrics")
	asJSON := fs.Bool("json", false, "print JSON")
	files, err := parseArgs(fs, args, 1, 1)
	if err != nil {
		return err
	}
	w, _, err := formats.ImportFile(files[0])
	if err != nil {
		return err
	}
	report, err := buildMetricsReport(w)
	if err != nil {
		return fmt.Errorf("%s: %w", files[0], err)
	}
	if *asJSON {
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(report)
	}
	return writeMetricsTable(out, w, report)
}

func buildMetricsReport(w *workshop.Workshop) (*metricsReport, error) {
	report := &metricsReport{Workshop: w.Name, Maps: []mapMetrics{}}
	for _, m := range w.Maps {
		mt, err := w.Compute(m)
		if err != nil {
			return nil, err
		}
		report.Maps = append(report.Maps, toMapMetrics(m, mt))
	}
	return report, nil
}

func toMapMetrics(m *workshop.Map, mt *workshop.Metrics) mapMetrics {
	out := mapMetrics{
		Name: m.Name, State: string(m.State),
		LeadTimeMinutes: mt.LeadTime, ProcessTimeMinutes: mt.ProcessTime, WaitTimeMinutes: mt.WaitTime,
		FlowEfficiency: mt.FlowEfficiency, RolledCA: mt.RolledCA, TotalProcessMinutes: mt.TotalProcess,
		CriticalPath: []string{}, LongestDelays: []delayJSON{}, Departments: []departmentJSON{},
	}
	for _, s := range mt.CriticalPath {
		out.CriticalPath = append(out.CriticalPath, s.ID)
	}
	for _, d := range mt.LongestDelays {
		out.LongestDelays = append(out.LongestDelays, delayJSON{ID: d.Stage.ID, Name: d.Stage.Name,
			Department: d.Stage.Department, WaitMinutes: d.Stage.Wait, ShareOfLeadTime: d.ShareOfLead})
	}
	for _, d := range mt.Departments {
		out.Departments = append(out.Departments, departmentJSON{Name: d.Name, WaitMinutes: d.Wait,
			ProcessMinutes: d.Process, Stages: d.Stages})
	}
	if c := mt.Baseline; c != nil {
		out.Baseline = &baselineJSON{
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

// writeMetricsTable prints the figures for people: durations in working units, percentages.
func writeMetricsTable(out io.Writer, w *workshop.Workshop, report *metricsReport) error {
	cal := w.Calendar
	tw := tabwriter.NewWriter(out, 2, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "Workshop: %s\n", report.Workshop)
	for i, m := range report.Maps {
		model := w.Maps[i]
		fmt.Fprintf(tw, "\nMap: %s (%s)\n", m.Name, m.State)
		fmt.Fprintf(tw, "  Lead time\t%s\n", workshop.FormatDuration(m.LeadTimeMinutes, cal))
		fmt.Fprintf(tw, "  Process time\t%s\n", workshop.FormatDuration(m.ProcessTimeMinutes, cal))
		fmt.Fprintf(tw, "  Wait time\t%s\n", workshop.FormatDuration(m.WaitTimeMinutes, cal))
		fmt.Fprintf(tw, "  Flow efficiency\t%.1f%%\n", m.FlowEfficiency*100)
		if recordsCA(model) {
			fmt.Fprintf(tw, "  Rolled %%C&A\t%.1f%%\n", m.RolledCA*100)
		} else {
			fmt.Fprintf(tw, "  Rolled %%C&A\t— (no stage has a %%C&A)\n")
		}
		fmt.Fprintf(tw, "  Total effort\t%s\n", workshop.FormatDuration(m.TotalProcessMinutes, cal))
		var path []string
		for _, id := range m.CriticalPath {
			path = append(path, model.Stage(id).Name)
		}
		fmt.Fprintf(tw, "  Critical path\t%s\n", strings.Join(path, " → "))
		if b := m.Baseline; b != nil {
			fmt.Fprintf(tw, "  Against %q\tlead time %s (%+.0f%%), flow efficiency %+.1f points\n", b.Name,
				signed(b.LeadTimeChangeMinutes, cal), b.LeadTimeChangePercent*100, b.FlowEfficiencyChange*100)
		}
		fmt.Fprintf(tw, "  Longest delays\n  #\tstage\tdepartment\twait\tshare\n")
		for rank, d := range m.LongestDelays {
			fmt.Fprintf(tw, "  %d\t%s\t%s\t%s\t%.0f%%\n", rank+1, d.Name, d.Department,
				workshop.FormatDuration(d.WaitMinutes, cal), d.ShareOfLeadTime*100)
		}
		fmt.Fprintf(tw, "  Departments\n  \tdepartment\twait\tprocess\tstages\n")
		for _, d := range m.Departments {
			fmt.Fprintf(tw, "  \t%s\t%s\t%s\t%d\n", d.Name, workshop.FormatDuration(d.WaitMinutes, cal),
				workshop.FormatDuration(d.ProcessMinutes, cal), d.Stages)
		}
	}
	return tw.Flush()
}

func signed(minutes float64, cal workshop.Calendar) string {
	if minutes > 0 {
		return "+" + workshop.FormatDuration(minutes, cal)
	}
	return workshop.FormatDuration(minutes, cal)
}

func recordsCA(m *workshop.Map) bool {
	for _, s := range m.Stages {
		if s.HasCA {
			return true
		}
	}
	return false
}
