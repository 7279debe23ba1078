package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"text/tabwriter"

	"leadline.app/leadline/assets"
	"leadline.app/leadline/workshop/formats"
	"leadline.app/leadline/workshop/store"
)

// openLibrary opens the library file (the shared default when path is ""), seeding a new one
// with the sample workshops so that a first start never shows an empty window.
func openLibrary(path string) (*store.Library, error) {
	if path == "" {
		var err error
		if path, err = store.DefaultPath(); err != nil {
			return nil, err
		}
	}
	lib, err := store.Open(path)
	if err != nil {
		return nil, err
	}
	if lib.IsNew() {
		if err := seedSamples(lib); err != nil {
			lib.Close()
			return nil, err
		}
	}
	return lib, nil
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
	files, err := parseArgs(fs, args, 1, 1)
	if err != nil {
		return err
	}
	w, _, err := formats.ImportFile(files[0])
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

// writeFileAtomically writes through a temporary file in the same folder and renames it, so a
// failed export never leaves half a file where a good one was.
func writeFileAtomically(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		// Name the file asked for, not the temporary one beside it.
		var pathErr *os.PathError
		if errors.As(err, &pathErr) {
			err = pathErr.Err
		}
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	// CreateTemp makes the file private; an exported handout is for sharing.
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

func parseWorkshopID(text string) (int64, error) {
	id, err := strconv.ParseInt(text, 10, 64)
	if err != nil || id <= 0 {
		return 0, usagef("export: --workshop %q is not a workshop id; see leadline list", text)
	}
	return id, nil
}
