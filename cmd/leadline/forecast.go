package main

import (
	"fmt"
	"io"
	"math"
	"text/tabwriter"

	"leadline.app/leadline/workshop"
	"leadline.app/leadline/workshop/formats"
)

func runForecast(args []string, out io.Writer) error {
	fs := newFlagSet("forecast")
	asJSON := fs.Bool("json", false, "print JSON")
	trials := fs.Int("trials", workshop.DefaultTrials, "number of trials")
	seed := fs.Uint64("seed", workshop.DefaultSeed, "random seed; the same seed gives the same figures")
	logOpts := addLogFlags(fs) // a measured map from an event log forecasts on its measured ranges
	files, err := parseArgs(fs, args, 1, 1)
	if err != nil {
		return err
	}
	if *trials < 1 || *trials > workshop.MaxTrials {
		return usagef("forecast: --trials %d: must be between 1 and %d", *trials, workshop.MaxTrials)
	}
	w, err := importFile(files[0], logOpts)
	if err != nil {
		return err
	}
	report, err := formats.BuildForecastReport(w, *trials, *seed)
	if err != nil {
		return fmt.Errorf("%s: %w", files[0], err)
	}
	if *asJSON {
		return writeJSON(out, report)
	}
	return writeForecastTable(out, w, report)
}

// writeForecastTable prints the percentiles in working units and the stages that were ever
// critical, most often first.
func writeForecastTable(out io.Writer, w *workshop.Workshop, report *formats.ForecastReport) error {
	cal := w.Calendar
	tw := tabwriter.NewWriter(out, 2, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "Workshop: %s\n", terminalSafe(report.Workshop))
	for i, m := range report.Maps {
		fmt.Fprintf(tw, "\nMap: %s (%d trials)\n", terminalSafe(m.Name), m.Trials)
		if !w.Maps[i].HasRanges() {
			fmt.Fprintf(tw, "  no stage has a range, so every trial is the lead time\n")
		}
		for _, p := range []struct {
			label   string
			minutes float64
		}{{"P50", m.P50Minutes}, {"P85", m.P85Minutes}, {"P95", m.P95Minutes}, {"Mean", m.MeanMinutes}} {
			// To the minute: a forecast is no more precise, and "35.5m" reads as noise.
			fmt.Fprintf(tw, "  %s\t%s\n", p.label, workshop.FormatDuration(math.Round(p.minutes), cal))
		}
		fmt.Fprintf(tw, "  Critical in\tstage\n")
		for _, c := range m.Criticality {
			if c.Share > 0 {
				fmt.Fprintf(tw, "  %.0f%%\t%s\n", c.Share*100, terminalSafe(c.Name))
			}
		}
	}
	return tw.Flush()
}
