package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"leadline.app/leadline/workshop"
	"leadline.app/leadline/workshop/formats"
)

// usageError marks mistakes in the command line itself; they exit 2 like flag's own errors.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return &usageError{fmt.Sprintf(format, args...)} }

func exitCode(err error) int {
	var u *usageError
	if errors.As(err, &u) {
		return 2
	}
	return 1
}

// oneLine folds a multi-error (e.g. several validation problems) onto one stderr line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\n", "; ")), " ")
}

// maxErrorLine bounds the one stderr line. Importers cap their lists of problems already; this
// catches any other message that quotes a long value.
const maxErrorLine = 500

// errorLine is how an error reaches the terminal: one line, bounded, and escaped.
func errorLine(err error) string {
	return terminalSafe(workshop.Shorten(oneLine(err.Error()), maxErrorLine))
}

const usage = `usage:
  leadline [--db FILE] [--workshop ID] [--present]  open the app (default library: %s)
  leadline metrics [--json] FILE                    figures of every map of a workshop file
  leadline forecast [--json] [--trials N] [--seed S] FILE  Monte Carlo lead time of every map over its ranges
  leadline import [--db FILE] IN                    add a workshop file to the library, print its id
  leadline list [--db FILE]                         id, name, maps and last change of each workshop
  leadline export --format json|pdf|png|svg -o OUT [--paper A4|Letter] [--map NAME] (--db FILE --workshop ID | IN)
  leadline edit [--db FILE] --workshop ID           apply JSON-line edits from stdin, print "ok LINE" once each is saved
Files may be Leadline JSON, Norn JSON, timemap CSV or an event log (CSV or JSON); the format
is read from the content. For an event log, metrics, import and export take --queue NAME and
--done NAME (each repeatable) to mark statuses that are queues or that complete an item.`

// run dispatches to a subcommand, or opens the app.
func run(args []string) error {
	if len(args) > 0 {
		switch args[0] {
		case "metrics":
			return runMetrics(args[1:], os.Stdout)
		case "forecast":
			return runForecast(args[1:], os.Stdout)
		case "import":
			return runImport(args[1:], os.Stdout)
		case "list":
			return runList(args[1:], os.Stdout)
		case "export":
			return runExport(args[1:], os.Stdout)
		case "edit":
			return runEdit(args[1:], os.Stdin, os.Stdout)
		case "help", "-h", "-help", "--help":
			fmt.Println(fmt.Sprintf(usage, defaultPathForHelp()))
			return nil
		}
		if !strings.HasPrefix(args[0], "-") {
			return usagef("unknown command %q; try leadline help", args[0])
		}
	}
	fs := newFlagSet("leadline")
	db := fs.String("db", "", "library file")
	workshopFlag := fs.String("workshop", "", "workshop id to open (see leadline list)")
	present := fs.Bool("present", false, "open in the room view")
	if _, err := parseArgs(fs, args, 0, 0); err != nil {
		return err
	}
	var id int64
	if *workshopFlag != "" {
		var err error
		if id, err = parseWorkshopID(*workshopFlag); err != nil {
			return usagef("--workshop %q is not a workshop id; see leadline list", *workshopFlag)
		}
	}
	return openApp(appRequest{db: *db, workshopID: id, present: *present})
}

// statusList is a repeatable flag: --queue "Ready for QA" --queue Backlog.
type statusList []string

func (l *statusList) String() string     { return strings.Join(*l, ", ") }
func (l *statusList) Set(v string) error { *l = append(*l, v); return nil }

// addLogFlags gives a subcommand that reads files the event-log options --queue and --done.
func addLogFlags(fs *flag.FlagSet) *formats.ImportOptions {
	opts := &formats.ImportOptions{}
	fs.Var((*statusList)(&opts.Log.Queues), "queue", "an event-log status that is a queue: its time is wait (repeatable)")
	fs.Var((*statusList)(&opts.Log.Done), "done", "an event-log status that completes an item (repeatable)")
	return opts
}

// importFile reads a workshop file; --queue and --done given for a file that is not an event
// log are said to be ignored rather than silently dropped.
func importFile(path string, opts *formats.ImportOptions) (*workshop.Workshop, error) {
	w, format, err := formats.ImportFileWith(path, *opts)
	if err != nil {
		return nil, err
	}
	if !formats.IsEventLog(format) && len(opts.Log.Queues)+len(opts.Log.Done) > 0 {
		fmt.Fprintf(os.Stderr, "leadline: note: --queue and --done apply to event logs; %s is %s, so they were ignored\n", path, format)
	}
	return w, nil
}

func newFlagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parseArgs parses flags wherever they stand among the arguments, so that
// `leadline metrics FILE --json` works as well as `leadline metrics --json FILE`, and checks
// the count of positional arguments.
func parseArgs(fs *flag.FlagSet, args []string, minPositional, maxPositional int) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, usagef("%s: %v", fs.Name(), err)
		}
		if fs.NArg() == 0 {
			break
		}
		positional = append(positional, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if len(positional) < minPositional || len(positional) > maxPositional {
		if maxPositional == 0 {
			return nil, usagef("%s: unexpected argument %q", fs.Name(), positional[0])
		}
		return nil, usagef("%s: expected %d file argument(s), got %d; try leadline help", fs.Name(), maxPositional, len(positional))
	}
	return positional, nil
}
