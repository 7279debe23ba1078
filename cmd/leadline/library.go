package main

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"text/tabwriter"

	"leadline.app/leadline/assets"
	"leadline.app/leadline/workshop/formats"
	"leadline.app/leadline/workshop/store"
)

// openLibrary opens the library file (the shared default when path is ""), seeding a new one
// with the sample workshops so that a first start never shows an empty window. The samples go
// in before the new file takes its name, so no crash leaves a library without them.
func openLibrary(path string) (*store.Library, error) {
	path, err := libraryPath(path)
	if err != nil {
		return nil, err
	}
	return store.Open(path, store.WithSeed(seedSamples), store.WithWaitNotice(func(message string) {
		fmt.Fprintln(os.Stderr, "leadline: "+terminalSafe(message))
	}))
}

// libraryPath is the library --db names, or the shared default.
func libraryPath(db string) (string, error) {
	if db != "" {
		return db, nil
	}
	return store.DefaultLibrary()
}

func seedSamples(lib *store.Library) error {
	for _, sample := range assets.Samples() {
		w, _, err := formats.Import(sample.File, sample.Data)
		if err != nil {
			return fmt.Errorf("sample %s: %w", sample.File, err)
		}
		if _, err := lib.Create(w); err != nil {
			return fmt.Errorf("seed sample %s: %w", sample.File, err)
		}
	}
	return nil
}

func defaultPathForHelp() string {
	if p, err := store.DefaultPath(); err == nil {
		return p
	}
	return "library.db in the user config folder"
}

func runImport(args []string, out io.Writer) error {
	fs := newFlagSet("import")
	db := fs.String("db", "", "library file")
	logOpts := addLogFlags(fs)
	files, err := parseArgs(fs, args, 1, 1)
	if err != nil {
		return err
	}
	w, err := importFile(files[0], logOpts)
	if err != nil {
		return err
	}
	lib, err := openLibrary(*db)
	if err != nil {
		return err
	}
	defer lib.Close()
	id, err := lib.Create(w)
	if err != nil {
		return fmt.Errorf("import %s: %w", files[0], err)
	}
	fmt.Fprintln(out, id)
	return nil
}

func runList(args []string, out io.Writer) error {
	fs := newFlagSet("list")
	db := fs.String("db", "", "library file")
	if _, err := parseArgs(fs, args, 0, 0); err != nil {
		return err
	}
	lib, err := openLibrary(*db)
	if err != nil {
		return err
	}
	defer lib.Close()
	summaries, err := lib.List()
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(out, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tNAME\tMAPS\tLAST CHANGE")
	for _, s := range summaries {
		fmt.Fprintf(tw, "%d\t%s\t%d\t%s\n", s.ID, terminalSafe(s.Name), s.Maps, s.Updated.Local().Format("2006-01-02 15:04"))
	}
	return tw.Flush()
}

func parseWorkshopID(text string) (int64, error) {
	id, err := strconv.ParseInt(text, 10, 64)
	if err != nil || id <= 0 {
		return 0, usagef("export: --workshop %q is not a workshop id; see leadline list", text)
	}
	return id, nil
}
