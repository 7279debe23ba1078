package main

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"leadline.app/leadline/workshop"
	"leadline.app/leadline/workshop/formats"
	"leadline.app/leadline/workshop/report"
)

func runExport(args []string, _ io.Writer) error {
	fs := newFlagSet("export")
	format := fs.String("format", "json", "json, pdf, png or svg")
	mapName := fs.String("map", "", "the map to draw (png and svg; default the first)")
	output := fs.String("o", "", "output file")
	db := fs.String("db", "", "library file")
	workshopID := fs.String("workshop", "", "workshop id in the library")
	paper := fs.String("paper", "A4", "A4 or Letter (pdf only)")
	logOpts := addLogFlags(fs)
	files, err := parseArgs(fs, args, 0, 1)
	if err != nil {
		return err
	}
	if *output == "" {
		return usagef("export: -o OUT is required")
	}
	sources := files
	if len(files) == 0 {
		library, err := libraryPath(*db)
		if err != nil {
			return err
		}
		sources = []string{library}
	}
	if err := checkOutput(*output, sources...); err != nil {
		return err
	}
	w, err := exportSource(files, *db, *workshopID, logOpts)
	if err != nil {
		return err
	}
	var data []byte
	switch strings.ToLower(*format) {
	case "json":
		if data, err = formats.ExportLeadline(w); err != nil {
			return err
		}
	case "pdf":
		var p report.Paper
		switch {
		case strings.EqualFold(*paper, "A4"):
			p = report.A4
		case strings.EqualFold(*paper, "Letter"):
			p = report.Letter
		default:
			return usagef("export: --paper %q: use A4 or Letter", *paper)
		}
		res, err := report.Handout(w, report.Options{Paper: p})
		if err != nil {
			return fmt.Errorf("export %s: %w", *output, err)
		}
		data = res.PDF
		for _, name := range res.Replaced {
			fmt.Fprintf(os.Stderr, "leadline: note: characters the handout font lacks were replaced in %s\n", terminalSafe(strconv.Quote(name)))
		}
	case "png", "svg":
		res, err := report.Picture(w, report.PictureOptions{Format: report.PictureFormat(strings.ToLower(*format)), Map: *mapName})
		if err != nil {
			return fmt.Errorf("export %s: %w", *output, err)
		}
		data = res.Data
		for _, name := range res.Replaced {
			fmt.Fprintf(os.Stderr, "leadline: note: characters the picture font lacks were replaced in %q\n", name)
		}
	default:
		return usagef("export: --format %q: use json, pdf, png or svg", *format)
	}
	return writeFileAtomically(*output, data)
}

// exportSource reads the workshop to export: a file, or a workshop of a library.
func exportSource(files []string, db, workshopID string, logOpts *formats.ImportOptions) (*workshop.Workshop, error) {
	switch {
	case len(files) == 1 && workshopID == "":
		return importFile(files[0], logOpts)
	case len(files) == 0 && workshopID != "":
		id, err := parseWorkshopID(workshopID)
		if err != nil {
			return nil, err
		}
		lib, err := openLibrary(db)
		if err != nil {
			return nil, err
		}
		defer lib.Close()
		return lib.Load(id)
	}
	return nil, usagef("export: give either an input file or --workshop ID (with --db FILE)")
}
