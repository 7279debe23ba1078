package formats_test

import (
	"testing"

	"leadline.app/leadline/workshop"
	"leadline.app/leadline/workshop/formats"
)

// The fuzz targets share one property: a parser never panics, and any workshop it accepts
// is valid and survives export and re-import unchanged. Seeds live in testdata/fuzz/<Name>/
// and run with every `go test`.

func checkAccepted(t *testing.T, w *workshop.Workshop, err error) {
	t.Helper()
	if err != nil {
		if w != nil {
			t.Fatalf("error %v came with a workshop", err)
		}
		if err.Error() == "" {
			t.Fatalf("empty error message")
		}
		return
	}
	if verr := w.Validate(); verr != nil {
		t.Fatalf("accepted workshop does not validate: %v", verr)
	}
	for _, m := range w.Maps {
		if _, cerr := w.Compute(m); cerr != nil {
			t.Fatalf("metrics of an accepted map failed: %v", cerr)
		}
	}
	reimportEqual(t, w)
}

func FuzzLeadlineJSON(f *testing.F) {
	f.Add([]byte(`{"name":"x","stages":[{"id":"a","process":"1d","wait":30,"ca":50}],"flows":[]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		w, err := formats.ParseLeadline("fuzz.json", data)
		checkAccepted(t, w, err)
	})
}

func FuzzNornJSON(f *testing.F) {
	f.Add([]byte(`{"name":"x","steps":[{"id":"a","processTime":10,"leadTime":30}],"connections":[]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		w, err := formats.ParseNorn("fuzz.json", data)
		checkAccepted(t, w, err)
	})
}

func FuzzTimemapCSV(f *testing.F) {
	f.Add([]byte("# Stage, LT, PT, %C&A\nDefine,105,40,50\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		w, err := formats.ParseTimemap("fuzz.csv", data)
		checkAccepted(t, w, err)
		// Detection and Import must not panic on the same bytes either.
		_, _, _ = formats.Import("fuzz", data)
	})
}
