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

func runMetrics(args []string, out io.Writer) error {
	fs := newFlagSet("metrics")
	asJSON := fs.Bool("json", false, "print JSON")
	logOpts := addLogFlags(fs)
	files, err := parseArgs(fs, args, 1, 1)
	if err != nil {
		return err
	}
	w, err := importFile(files[0], logOpts)
	if err != nil {
		return err
	}
	report, err := formats.BuildMetricsReport(w)
	if err != nil {
		return fmt.Errorf("%s: %w", files[0], err)
	}
	if *asJSON {
		return writeJSON(out, report)
	}
	return writeMetricsTable(out, w, report)
}

// writeJSON prints a report as the README documents it: indented, names byte for byte.
func writeJSON(out io.Writer, report any) error {
	enc := json.NewEncoder(out)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(report)
}

// writeMetricsTable prints the figures for people: durations in working units, percentages.
func writeMetricsTable(out io.Writer, w *workshop.Workshop, report *formats.MetricsReport) error {
	cal := w.Calendar
	tw := tabwriter.NewWriter(out, 2, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "Workshop: %s\n", terminalSafe(report.Workshop))
	for i, m := range report.Maps {
		model := w.Maps[i]
		fmt.Fprintf(tw, "\nMap: %s (%s)\n", terminalSafe(m.Name), m.State)
		fmt.Fprintf(tw, "  Lead time\t%s\n", workshop.FormatDuration(m.LeadTimeMinutes, cal))
		if o := m.Observed; o != nil && o.Items == 0 {
			fmt.Fprintf(tw, "  Observed lead time\tnone yet: no item of the log is completed\n")
		} else if o != nil {
			fmt.Fprintf(tw, "  Observed lead time\tP50 %s, P85 %s, P95 %s from %d completed items\n",
				workshop.FormatDuration(o.P50Minutes, cal), workshop.FormatDuration(o.P85Minutes, cal),
				workshop.FormatDuration(o.P95Minutes, cal), o.Items)
		}
		fmt.Fprintf(tw, "  Process time\t%s\n", workshop.FormatDuration(m.ProcessTimeMinutes, cal))
		fmt.Fprintf(tw, "  Wait time\t%s\n", workshop.FormatDuration(m.WaitTimeMinutes, cal))
		fmt.Fprintf(tw, "  Flow efficiency\t%s\n", workshop.FormatPercent(m.FlowEfficiency))
		if recordsCA(model) {
			fmt.Fprintf(tw, "  Rolled %%C&A\t%s\n", workshop.FormatPercent(m.RolledCA))
		} else {
			fmt.Fprintf(tw, "  Rolled %%C&A\t— (no stage has a %%C&A)\n")
		}
		fmt.Fprintf(tw, "  Total effort\t%s\n", workshop.FormatDuration(m.TotalProcessMinutes, cal))
		var path []string
		for _, id := range m.CriticalPath {
			path = append(path, terminalSafe(model.Stage(id).Name))
		}
		fmt.Fprintf(tw, "  Critical path\t%s\n", strings.Join(path, " → "))
		if b := m.Baseline; b != nil {
			fmt.Fprintf(tw, "  Against %q\tlead time %s (%s), flow efficiency %s\n", b.Name,
				workshop.FormatDurationChange(b.LeadTimeChangeMinutes, cal), workshop.FormatPercentChange(b.LeadTimeChangePercent),
				workshop.FormatPointsChange(b.FlowEfficiencyChange))
		}
		fmt.Fprintf(tw, "  Longest delays\n  #\tstage\tdepartment\twait\tshare\n")
		for rank, d := range m.LongestDelays {
			fmt.Fprintf(tw, "  %d\t%s\t%s\t%s\t%s\n", rank+1, terminalSafe(d.Name), terminalSafe(d.Department),
				workshop.FormatDuration(d.WaitMinutes, cal), workshop.FormatPercent(d.ShareOfLeadTime))
		}
		fmt.Fprintf(tw, "  Where to act first (lead time saved by removing the wait)\n  #\tstage\twait\tgain\n")
		for rank, l := range m.Levers {
			fmt.Fprintf(tw, "  %d\t%s\t%s\t%s\n", rank+1, terminalSafe(l.Name), workshop.FormatDuration(l.WaitMinutes, cal),
				workshop.FormatDuration(l.GainMinutes, cal))
		}
		fmt.Fprintf(tw, "  Departments\n  \tdepartment\twait\tprocess\tstages\n")
		for _, d := range m.Departments {
			fmt.Fprintf(tw, "  \t%s\t%s\t%s\t%d\n", terminalSafe(d.Name), workshop.FormatDuration(d.WaitMinutes, cal),
				workshop.FormatDuration(d.ProcessMinutes, cal), d.Stages)
		}
	}
	return tw.Flush()
}

func recordsCA(m *workshop.Map) bool {
	for _, s := range m.Stages {
		if s.HasCA {
			return true
		}
	}
	return false
}
