package formats_test

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"leadline.app/leadline/assets"
	"leadline.app/leadline/workshop"
	"leadline.app/leadline/workshop/formats"
)

// reimportEqual exports w, reads the export back, and fails unless the two workshops are
// equal and a second export gives the same bytes.
func reimportEqual(t testing.TB, w *workshop.Workshop) {
	t.Helper()
	exported, err := formats.ExportLeadline(w)
	if err != nil {
		t.Fatalf("export: %v", err)
	}
	back, err := formats.ParseLeadline("export.json", exported)
	if err != nil {
		t.Fatalf("re-import of the export: %v\n%s", err, exported)
	}
	if !reflect.DeepEqual(w, back) {
		t.Fatalf("re-imported workshop differs\nbefore: %s\nafter:  %s", dump(w), dump(back))
	}
	again, err := formats.ExportLeadline(back)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(exported, again) {
		t.Fatalf("the second export differs from the first:\n%s\n---\n%s", exported, again)
	}
}

func dump(w *workshop.Workshop) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%+v\n", *w)
	for _, m := range w.Maps {
		fmt.Fprintf(&b, "  map %+v\n", *m)
		for _, s := range m.Stages {
			fmt.Fprintf(&b, "    stage %+v\n", *s)
		}
	}
	return b.String()
}

func TestRoundTripFixturesAndSamples(t *testing.T) {
	inputs := map[string][]byte{}
	for _, f := range []string{"norn-export.json", "timemap-release.csv", "timemap-quoted.csv", "leadline-shorthand.json"} {
		inputs[f] = readFixture(t, f)
	}
	for _, s := range assets.Samples() {
		inputs[s.File] = s.Data
	}
	for name, data := range inputs {
		t.Run(name, func(t *testing.T) {
			w, _, err := formats.Import(name, data)
			if err != nil {
				t.Fatal(err)
			}
			reimportEqual(t, w)
		})
	}
}

func TestExportLeadlineShape(t *testing.T) {
	w := workshop.NewWorkshop("Tiny & <simple>")
	w.Maps = []*workshop.Map{{ID: "m1", Name: "Now", State: workshop.Current, Stages: []*workshop.Stage{
		{ID: "a", Name: "Recorded", Process: 90, Wait: 2400.5, CA: 0, HasCA: true},
		{ID: "b", Name: "Unrecorded", CA: 55, HasCA: false},
	}}}
	got, err := formats.ExportLeadline(w)
	if err != nil {
		t.Fatal(err)
	}
	text := string(got)
	for _, want := range []string{
		`"name": "Tiny & <simple>"`, // no HTML escaping in a file people read
		`"process": 90,`,            // minutes, as numbers
		`"wait": 2400.5,`,
		`"ca": 0,`, // a recorded 0 is kept
		`"hoursPerDay": 8`,
		`"participants": []`,
		"\n  \"maps\": [\n", // indented
	} {
		if !strings.Contains(text, want) {
			t.Errorf("export lacks %q:\n%s", want, text)
		}
	}
	if strings.Count(text, `"ca"`) != 1 {
		t.Errorf("an unrecorded %%C&A must be left out:\n%s", text)
	}
	if !strings.HasSuffix(text, "}\n") {
		t.Errorf("export does not end in a newline")
	}
	if _, err := formats.ExportLeadline(nil); err == nil {
		t.Errorf("exporting nil should fail")
	}
}
