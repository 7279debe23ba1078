package formats_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"leadline.app/leadline/workshop/formats"
)

// wantErrorNaming fails unless err is non-nil and its message holds every part.
func wantErrorNaming(t *testing.T, err error, parts ...string) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error; want one naming %q", parts)
	}
	for _, part := range parts {
		if !strings.Contains(err.Error(), part) {
			t.Errorf("error %q does not name %q", err, part)
		}
	}
	if strings.Contains(err.Error(), "\n") {
		t.Errorf("error %q spans several lines; the command line prints one", err)
	}
}

func readFixture(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestDetect(t *testing.T) {
	tests := []struct {
		name    string
		data    string
		want    formats.Format
		wantErr string
	}{
		{"leadline with maps", `{"name":"x","maps":[]}`, formats.LeadlineJSON, ""},
		{"leadline shorthand", `{"stages":[]}`, formats.LeadlineJSON, ""},
		{"norn", `{"name":"x","steps":[],"connections":[]}`, formats.NornJSON, ""},
		{"norn wins over stages", `{"steps":[],"stages":[]}`, formats.NornJSON, ""},
		{"keys in other case", `{"Maps":[]}`, formats.LeadlineJSON, ""},
		{"byte-order mark", "\xef\xbb\xbf{\"maps\":[]}", formats.LeadlineJSON, ""},
		{"timemap", "# Stage, LT, PT, %C&A\nDefine,105,40,50\n", formats.TimemapCSV, ""},
		{"timemap without header", "Define,105,40,50\n", formats.TimemapCSV, ""},
		{"timemap after blank lines", "\n\n  \nDefine,105,40,50\n", formats.TimemapCSV, ""},
		{"empty", "  \n", "", "empty"},
		{"json list", `[{"maps":[]}]`, "", "JSON list"},
		{"event log list", `[{"workItemId":1,"stage":"Dev","enteredAt":"2026-01-05"}]`, formats.EventLogJSON, ""},
		{"event log object", `{"events":[]}`, formats.EventLogJSON, ""},
		{"event log csv", "WorkItemID,Stage,EnteredAt\n1,Dev,2026-01-05\n", formats.EventLogCSV, ""},
		{"event log csv, columns reordered", "stage,enteredAt,workItemId\nDev,2026-01-05,1\n", formats.EventLogCSV, ""},
		{"json object of neither", `{"name":"x"}`, "", "without maps, stages or steps"},
		{"norn v2 workspace", `{"schemaVersion":2,"versions":[]}`, "", "schemaVersion 2"},
		{"broken json", "{\n  \"maps\": [\n}", "", "line 3"},
		{"prose", "just some words\nand more\n", "", "neither JSON nor comma-separated"},
		{"binary", "PK\x03\x04\x00\x00,", "", "not a text file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := formats.Detect([]byte(tt.data))
			if tt.wantErr != "" {
				wantErrorNaming(t, err, tt.wantErr)
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("Detect = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

func TestImportDispatchesOnContent(t *testing.T) {
	tests := []struct {
		file       string
		wantFormat formats.Format
		wantName   string
		wantStages int
	}{
		{"norn-export.json", formats.NornJSON, "Checkout team delivery", 5},
		{"timemap-release.csv", formats.TimemapCSV, "timemap-release", 10},
		{"timemap-quoted.csv", formats.TimemapCSV, "timemap-quoted", 3},
		{"leadline-shorthand.json", formats.LeadlineJSON, "Sales pipeline", 4},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			// A misleading extension must not matter: detection reads the content.
			w, format, err := formats.Import("upload.txt", readFixture(t, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			if format != tt.wantFormat {
				t.Errorf("format = %q, want %q", format, tt.wantFormat)
			}
			if tt.wantFormat != formats.TimemapCSV && w.Name != tt.wantName {
				t.Errorf("name = %q, want %q", w.Name, tt.wantName)
			}
			if len(w.Maps) != 1 || len(w.Maps[0].Stages) != tt.wantStages {
				t.Fatalf("got %d maps, want 1 with %d stages", len(w.Maps), tt.wantStages)
			}
			if err := w.Validate(); err != nil {
				t.Errorf("imported workshop does not validate: %v", err)
			}
		})
	}
}

func TestImportFile(t *testing.T) {
	w, format, err := formats.ImportFile(filepath.Join("testdata", "timemap-release.csv"))
	if err != nil || format != formats.TimemapCSV {
		t.Fatalf("ImportFile = %v, %q", err, format)
	}
	if w.Name != "timemap-release" {
		t.Errorf("a CSV has no title, so the name comes from the file: got %q", w.Name)
	}

	dir := t.TempDir()
	_, _, err = formats.ImportFile(filepath.Join(dir, "missing.json"))
	wantErrorNaming(t, err, "read", "missing.json")

	_, _, err = formats.ImportFile(dir)
	wantErrorNaming(t, err, "is a directory")

	big := filepath.Join(dir, "huge.json")
	data := append([]byte(`{"maps":[],"notes":"`), bytes.Repeat([]byte("x"), formats.MaxFileSize)...)
	if err := os.WriteFile(big, append(data, '"', '}'), 0o600); err != nil {
		t.Fatal(err)
	}
	_, _, err = formats.ImportFile(big)
	wantErrorNaming(t, err, "huge.json", "larger than 10 MB")
}

func TestImportRefusesTooManyStages(t *testing.T) {
	var csv strings.Builder
	for i := 0; i <= formats.MaxStages; i++ {
		csv.WriteString("Step,2,1,90\n")
	}
	_, _, err := formats.Import("many.csv", []byte(csv.String()))
	wantErrorNaming(t, err, "many.csv", "5000")

	var stages strings.Builder
	stages.WriteString(`{"name":"big","stages":[`)
	for i := 0; i <= formats.MaxStages; i++ {
		if i > 0 {
			stages.WriteString(",")
		}
		stages.WriteString(`{"name":"s"}`)
	}
	stages.WriteString("]}")
	_, _, err = formats.Import("many.json", []byte(stages.String()))
	wantErrorNaming(t, err, "many.json", "more than the 5000 stages")
}
