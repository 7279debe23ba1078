package formats_test

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"leadline.app/leadline/workshop/formats"
)

// worstCaseFiles are files of up to 10 MB built to cost the importer the most (issue 10,
// finding 4): each must be refused or imported within 2 s and 500 MB. The time is measured by
// BenchmarkImportWorstCase; TestWorstCaseFilesStayInMemory checks the memory.
func worstCaseFiles() map[string]string {
	const size = formats.MaxFileSize - 1024
	fill := func(head, item, tail string) string {
		n := (size - len(head) - len(tail)) / (len(item) + 1)
		return head + repeat(item, n) + tail
	}
	// The largest file within every bound: 5,000 stages without ids and with long notes,
	// 20,000 flows naming stages by name, 5,000 ideas.
	var full strings.Builder
	full.WriteString(`{"name":"Full","stages":[`)
	notes := strings.Repeat("n", 1300)
	for i := range 5000 {
		if i > 0 {
			full.WriteString(",")
		}
		fmt.Fprintf(&full, `{"name":"Stage %d","process":"1h","wait":"2d","notes":"%s","x":%d,"y":%d}`, i, notes, i%100*200, i/100*150)
	}
	full.WriteString(`],"flows":[`)
	for i := range 20000 {
		if i > 0 {
			full.WriteString(",")
		}
		from, to := i%4999, i%4999+1+i/4999
		if to >= 5000 {
			to = 4999
			from = 4998 - i%4000
		}
		fmt.Fprintf(&full, `{"from":"Stage %d","to":"Stage %d","rework":%v}`, from, to, from > to)
	}
	full.WriteString(`],"ideas":[`)
	for i := range 5000 {
		if i > 0 {
			full.WriteString(",")
		}
		fmt.Fprintf(&full, `{"stage":"Stage %d","text":"Idea %d"}`, i, i)
	}
	full.WriteString(`]}`)
	return map[string]string{
		"empty maps":           fill(`{"maps":[`, `{}`, `]}`),
		"future-state maps":    fill(`{"maps":[`, `{"state":"future","baseline":"Map 1"}`, `]}`),
		"empty stages":         fill(`{"stages":[`, `{}`, `]}`),
		"flows":                fill(`{"stages":[{"id":"a","name":"A"},{"id":"b","name":"B"}],"flows":[`, `{"from":"a","to":"b"}`, `]}`),
		"participants":         fill(`{"participants":[`, `""`, `],"stages":[]}`),
		"one long name":        `{"name":"` + strings.Repeat("x", size) + `","stages":[]}`,
		"a list for a number":  fill(`{"stages":[{"name":"A","process":[`, `1`, `]}]}`),
		"Norn steps":           fill(`{"steps":[`, `{}`, `]}`),
		"Norn unknown field":   fill(`{"steps":[],"dora":[`, `1`, `]}`),
		"timemap rows":         strings.Repeat("Stage,1,1,90\n", size/13),
		"every bound, reached": full.String(),
	}
}

func TestWorstCaseFilesStayInMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 10 MB files")
	}
	for name, data := range worstCaseFiles() {
		t.Run(name, func(t *testing.T) {
			if len(data) > formats.MaxFileSize {
				t.Fatalf("the file is %d bytes, over the 10 MB the importer reads", len(data))
			}
			runtime.GC()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			w, _, err := formats.Import(name+".json", []byte(data))
			runtime.ReadMemStats(&after)
			allocated := after.TotalAlloc - before.TotalAlloc
			if allocated > 500<<20 {
				t.Errorf("importing allocated %d MB; the budget is 500 MB", allocated>>20)
			}
			if name == "every bound, reached" && err != nil {
				t.Errorf("a file within every bound was refused: %v", err)
			}
			if err == nil && w == nil {
				t.Error("no workshop and no error")
			}
			t.Logf("%d MB allocated; %v", allocated>>20, err)
		})
	}
}

// BenchmarkImportWorstCase: the budget is 2 s per file (README, "Measured speed and memory").
func BenchmarkImportWorstCase(b *testing.B) {
	for name, data := range worstCaseFiles() {
		b.Run(strings.ReplaceAll(name, " ", "-"), func(b *testing.B) {
			raw := []byte(data)
			b.ReportAllocs()
			for b.Loop() {
				_, _, _ = formats.Import(name+".json", raw)
			}
		})
	}
}
