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
		mt, cerr := w.Compute(m)
		if cerr != nil {
			t.Fatalf("metrics of an accepted map failed: %v", cerr)
		}
		levers, lerr := m.Levers()
		if lerr != nil {
			t.Fatalf("levers of an accepted map failed: %v", lerr)
		}
		for _, l := range levers {
			if !(l.Gain >= 0 && l.Gain <= l.Stage.Wait+1e-6*mt.LeadTime) {
				t.Fatalf("stage %q: removing a wait of %v gains %v", l.Stage.Name, l.Stage.Wait, l.Gain)
			}
		}
		f, ferr := m.Forecast(20, 1)
		if ferr != nil || !(f.P50 <= f.P85 && f.P85 <= f.P95) {
			t.Fatalf("forecast of an accepted map: %+v, %v", f, ferr)
		}
	}
	reimportEqual(t, w)
}

func FuzzLeadlineJSON(f *testing.F) {
	f.Add([]byte(`{"name":"x","stages":[{"id":"a","process":"1d","wait":30,"ca":50}],"flows":[]}`))
	f.Add([]byte(`{"name":"x","stages":[{"id":"a","process":"1d","processRange":["4h","1w"],"wait":30,"waitRange":[0,"2h"]},` +
		`{"id":"b","wait":"1d"},{"id":"c","wait":"2d"}],"flows":[{"from":"a","to":"b"},{"from":"a","to":"c"}]}`))
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

func FuzzEventLog(f *testing.F) {
	f.Add([]byte(workedExample), "", "")
	f.Add([]byte(statusChanges), "Backlog", "Done")
	f.Add([]byte(`{"events":[{"workItemId":1,"stage":"Dev","enteredAt":"2026-01-05 09:00","exitedAt":null,"department":"QA"}]}`), "", "Dev")
	f.Add([]byte("stage,enteredAt,workItemId\nA,2026-01-05,x\nB,2026-01-05T10:00:00+05:30,x\nA,2026-01-06,x\n"), "", "")
	f.Fuzz(func(t *testing.T, data []byte, queue, done string) {
		opts := workshop.LogOptions{Queues: []string{queue}, Done: []string{done}}
		w, err := formats.ParseEventLog("fuzz.csv", data, opts)
		checkAccepted(t, w, err)
		if err == nil && (len(w.Maps) != 1 || w.Maps[0].Observed == nil) {
			t.Fatalf("an accepted log gives one measured map, got %d maps", len(w.Maps))
		}
		_, _, _ = formats.ImportWith("fuzz", data, formats.ImportOptions{Log: opts})
	})
}
