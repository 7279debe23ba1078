package formats_test

import (
	"fmt"
	"strings"
	"testing"

	"leadline.app/leadline/workshop"
	"leadline.app/leadline/workshop/formats"
)

// Files a probe run used to break the importer (issue 10, findings 4, 10, 12, 16 and 18): each
// is refused whole, with a message that says what is wrong and where.
func TestImportRefusesHostileFiles(t *testing.T) {
	long := strings.Repeat("n", 501)
	tests := []struct {
		name  string
		data  string
		parts []string
	}{
		{"misspelt key", "{\"stages\":[\n{\"name\":\"A\",\"wiat\":\"2d\"}]}",
			[]string{"line 2", `unknown field "wiat" in stage 1`, "did you mean wait?"}},
		{"misspelt key in a map", `{"maps":[{"name":"M","stages":[],"flwos":[]}]}`,
			[]string{`unknown field "flwos" in map 1`, "did you mean flows?"}},
		{"unknown key, nothing near", `{"name":"W","zzzzzzzz":1,"stages":[]}`,
			[]string{`unknown field "zzzzzzzz" in the workshop`, "known fields are calendar"}},
		{"duplicate key", `{"stages":[{"name":"A","wait":"1h","wait":"3w"}]}`,
			[]string{`field "wait" appears twice in stage 1`}},
		{"duplicate key in another case", `{"stages":[{"name":"A","wait":"1h","WAIT":"3w"}]}`,
			[]string{`field "WAIT" appears twice in stage 1 (also as "wait")`}},
		{"invalid UTF-8 in JSON", "{\"stages\":[{\"name\":\"Caf\xe9\"}]}",
			[]string{"line 1:24", "not UTF-8 text", "byte 0xe9 at byte offset 23"}},
		{"invalid UTF-8 after a BOM", "\xEF\xBB\xBF{\"name\":\"\xff\"}",
			[]string{"byte 0xff at byte offset 12"}},
		{"double BOM", "\xEF\xBB\xBF\xEF\xBB\xBF{\"stages\":[]}", []string{"two byte-order marks"}},
		{"UTF-16 with a BOM", "\xFF\xFE{\x00}\x00", []string{"UTF-16", "save it as UTF-8"}},
		{"UTF-16 without a BOM", "{\x00\"\x00s\x00\"\x00", []string{"UTF-16", "save it as UTF-8"}},
		{"JSON null", "null", []string{"the JSON value null", "expected a JSON object"}},
		{"JSON number", " 42 ", []string{"the JSON value 42"}},
		{"coordinate beyond float64", `{"stages":[{"name":"A","x":1e309}]}`, []string{"field stages.x: 1e309 is out of range"}},
		{"coordinate off the canvas", `{"stages":[{"name":"A","x":1e300}]}`, []string{`stage "A" x: 1e+300 is off the canvas (at most ±1e+06)`}},
		{"long stage name", `{"stages":[{"name":"` + long + `"}]}`, []string{"name: is 501 characters long; at most 500 fit"}},
		{"long notes", `{"notes":"` + strings.Repeat("x", 20001) + `","stages":[]}`, []string{"notes: is 20001 characters long; at most 20000 fit"}},
		{"too many maps", `{"maps":[` + repeat(`{}`, 101) + `]}`, []string{"more than the 100 maps a workshop may hold"}},
		{"too many flows", `{"stages":[{"id":"a","name":"A"}],"flows":[` + repeat(`{"from":"a","to":"a"}`, 20001) + `]}`,
			[]string{"more than the 20000 flows a workshop may hold"}},
		{"too many ideas", `{"stages":[],"ideas":[` + repeat(`{"text":"x"}`, 5001) + `]}`, []string{"more than the 5000 ideas a workshop may hold"}},
		{"too many participants", `{"participants":[` + repeat(`"p"`, 501) + `],"stages":[]}`, []string{"more than the 500 participants"}},
		{"a long list for a duration", `{"stages":[{"name":"A","process":[` + repeat("1", 1000) + `]}]}`,
			[]string{`stage "A" field process: expected minutes or a duration such as "2d 4h", found [1,1,1`, "…"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, _, err := formats.Import("bad.json", []byte(tt.data))
			if w != nil {
				t.Errorf("a refused file still returned a workshop")
			}
			wantErrorNaming(t, err, append([]string{"import bad.json"}, tt.parts...)...)
			if n := len([]rune(err.Error())); n > workshop.MaxMessageLength+100 {
				t.Errorf("the message is %d characters long", n)
			}
		})
	}
}

// Norn's own tool writes Norn files, so they stay lenient: unknown and repeated keys are fine.
func TestNornStaysLenient(t *testing.T) {
	data := `{"name":"N","dora":{"x":[1,2]},"steps":[{"id":1,"name":"A","processTime":5,"processTime":6,"queueSize":3}],"connections":[]}`
	w, format, err := formats.Import("norn.json", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	if format != formats.NornJSON || w.Maps[0].Stages[0].Process != 6 {
		t.Errorf("format %s, process %v; want a Norn file read with the last processTime", format, w.Maps[0].Stages[0].Process)
	}
	tooMany := `{"name":"N","steps":[` + repeat(`{"name":"s"}`, 5001) + `]}`
	_, _, err = formats.Import("norn.json", []byte(tooMany))
	wantErrorNaming(t, err, "more than the 5000 stages")
}

func repeat(item string, n int) string {
	return strings.TrimSuffix(strings.Repeat(item+",", n), ",")
}

// Every message stays short enough to read, however many problems a file has (finding 15).
func TestImportMessageIsCapped(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"stages":[{"id":"a","name":"A"}],"flows":[`)
	for i := range 2000 {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"from":"a","to":"ghost %d"}`, i)
	}
	b.WriteString(`]}`)
	_, _, err := formats.Import("ghosts.json", []byte(b.String()))
	wantErrorNaming(t, err, `flow to "ghost 0": names no stage`, "… and 19")
	if n := len([]rune(err.Error())); n > 400 {
		t.Errorf("the message is %d characters long; want about 300: %s", n, err)
	}
}
