package formats_test

import (
	"testing"

	"leadline.app/leadline/workshop"
	"leadline.app/leadline/workshop/formats"
)

func TestParseLeadlineShorthand(t *testing.T) {
	w, err := formats.ParseLeadline("pipeline.json", readFixture(t, "leadline-shorthand.json"))
	if err != nil {
		t.Fatal(err)
	}
	if w.Calendar != workshop.DefaultCalendar {
		t.Errorf("calendar = %+v, want the 8 h / 5 d default", w.Calendar)
	}
	if len(w.Maps) != 1 {
		t.Fatalf("got %d maps, want the one shorthand map", len(w.Maps))
	}
	m := w.Maps[0]
	if m.ID != "m1" || m.Name != "Sales pipeline" || m.State != workshop.Current {
		t.Errorf("map = %q %q %q, want m1 named after the workshop, current", m.ID, m.Name, m.State)
	}
	lead, meeting, proposal, done := m.Stages[0], m.Stages[1], m.Stages[2], m.Stages[3]
	// 30 minutes as a number; "1d" = 480 min; "1.5h" = 90; "1w" = 2400; "2d 4h" = 1200.
	checks := []struct {
		what      string
		got, want float64
	}{
		{"lead process", lead.Process, 30},
		{"lead wait", lead.Wait, 480},
		{"meeting process", meeting.Process, 90},
		{"meeting wait", meeting.Wait, 2400},
		{"proposal process", proposal.Process, 240},
		{"proposal wait", proposal.Wait, 1200},
		{"meeting ca", meeting.CA, 90},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %v, want %v", c.what, c.got, c.want)
		}
	}
	if lead.HasCA || !meeting.HasCA || done.HasCA {
		t.Errorf("HasCA = %v %v %v, want false true false (ca left out means not recorded)", lead.HasCA, meeting.HasCA, done.HasCA)
	}
	if lead.Department != "Sales" {
		t.Errorf("department %q, want the built-in spelling Sales", lead.Department)
	}
	if proposal.ID == "" || done.ID == "" || proposal.ID == done.ID || proposal.ID == "lead" {
		t.Errorf("generated ids %q and %q are not unique", proposal.ID, done.ID)
	}
	// Flows may name stages without an id by their name.
	if got := m.Flows[1]; got.From != "meeting" || got.To != proposal.ID {
		t.Errorf("flow 2 = %+v, want meeting → %s", got, proposal.ID)
	}
	if got := m.Flows[3]; !got.Rework || got.ReworkPercent != 20 {
		t.Errorf("flow 4 = %+v, want a 20%% rework flow", got)
	}
}

func TestParseLeadlineCalendarAndStates(t *testing.T) {
	data := `{"name":"Two maps","maps":[
	  {"name":"Now","stages":[{"id":"a","name":"A","process":"1d","wait":"1w"}]},
	  {"name":"Next","state":"Future","baseline":"Now","stages":[{"id":"a","name":"A","process":"1d"}]}],
	 "calendar":{"hoursPerDay":6,"daysPerWeek":4}}`
	w, err := formats.ParseLeadline("two.json", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	// The calendar comes after the maps in the file and still applies: 1d = 360, 1w = 1440.
	now, next := w.Maps[0], w.Maps[1]
	if now.Stages[0].Process != 360 || now.Stages[0].Wait != 1440 {
		t.Errorf("1d/1w at 6 h × 4 d = %v/%v, want 360/1440", now.Stages[0].Process, now.Stages[0].Wait)
	}
	if now.ID != "m1" || next.ID != "m2" || now.State != workshop.Current || next.State != workshop.Future || next.Baseline != "Now" {
		t.Errorf("maps = %+v / %+v", *now, *next)
	}
}

func TestParseLeadlineRefusesBadFiles(t *testing.T) {
	tests := []struct {
		name  string
		data  string
		parts []string // each must appear in the error
	}{
		{"syntax", "{\n  \"maps\": [\n    {\"name\": \"x\",}\n  ]\n}", []string{"bad.json", "line 3", "not valid JSON"}},
		{"truncated", "{\n  \"maps\": [", []string{"bad.json", "line 2", "not valid JSON"}},
		{"wrong type", "{\"maps\": [{\"stages\": [\n{\"id\": \"a\",\n \"x\": \"left\"}]}]}", []string{"bad.json", "line 3", "maps.stages.x", "a number"}},
		{"name not text", `{"name": 7, "maps": []}`, []string{"bad.json", "line 1", "field name", "expected text"}},
		{"bad duration", "{\"maps\":[{\"name\":\"M\",\"stages\":[\n{\"id\":\"a\",\"name\":\"Build\",\n\"wait\":\"2 fortnights\"}]}]}",
			[]string{"bad.json", "line 3", `map "M" stage "Build" field wait`, `"2 fortnights"`, "unknown unit"}},
		{"negative number", "{\"stages\":[{\"name\":\"Build\",\"process\":-5}]}", []string{"bad.json", "line 1", `stage "Build" field process`, "-5", "negative"}},
		{"negative text", `{"stages":[{"name":"Build","wait":"-2h"}]}`, []string{`stage "Build" field wait`, "-2h", "negative"}},
		{"wait is true", `{"stages":[{"name":"Build","wait":true}]}`, []string{`stage "Build" field wait`, "true"}},
		{"ca too high", "{\"stages\":[\n{\"name\":\"QA\",\"ca\":120}]}", []string{"line 2", `stage "QA" field ca`, "120", "between 0 and 100"}},
		{"ca text", `{"stages":[{"name":"QA","ca":"most"}]}`, []string{`stage "QA" field ca`, "most"}},
		{"people fraction", `{"stages":[{"name":"QA","people":1.5}]}`, []string{`stage "QA" field people`, "1.5"}},
		{"duplicate ids", "{\"maps\":[{\"name\":\"M\",\"stages\":[{\"id\":\"a\",\"name\":\"A\"},\n{\"id\":\"a\",\"name\":\"B\"}]}]}",
			[]string{"bad.json", "line 2", `map "M" stage "B" id "a"`, "another stage"}},
		{"flow to unknown", `{"maps":[{"name":"M","stages":[{"id":"a","name":"A"}],"flows":[{"from":"a","to":"zz"}]}]}`,
			[]string{"bad.json", `map "M"`, `flow to "zz"`, "no stage"}},
		{"forward loop", `{"stages":[{"id":"a","name":"A"},{"id":"b","name":"B"}],"flows":[{"from":"a","to":"b"},{"from":"b","to":"a"}]}`,
			[]string{"bad.json", "loop", `"A"`, `"B"`, "rework"}},
		{"bad state", "{\"maps\":[\n{\"name\":\"M\",\n\"state\":\"someday\"}]}", []string{"line 3", `map "M" field state "someday"`}},
		{"bad baseline", `{"maps":[{"name":"M","state":"future","baseline":"Nope"}]}`, []string{`map "M" baseline "Nope"`}},
		{"bad calendar", "{\"maps\":[],\n\"calendar\":{\"hoursPerDay\":30}}", []string{"line 2", "hoursPerDay 30"}},
		{"maps and stages", `{"maps":[{"name":"M"}],"stages":[{"name":"A"}]}`, []string{"both maps and top-level stages"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, err := formats.ParseLeadline("bad.json", []byte(tt.data))
			if w != nil {
				t.Errorf("a refused file still returned a workshop")
			}
			wantErrorNaming(t, err, append([]string{"import bad.json"}, tt.parts...)...)
		})
	}
}

func TestParseLeadlineIsLiberal(t *testing.T) {
	data := `{"name":"  Spaced  ","stages":[{"name":"A","ca":null,"wait":"90","people":2.0,"process":"85%"}]}`
	_, err := formats.ParseLeadline("x.json", []byte(data))
	// "85%" is no duration; everything else here is loosely written and accepted.
	wantErrorNaming(t, err, `stage "A" field process`)

	data = `{"name":"  Spaced  ","stages":[{"name":"A","ca":null,"wait":"90","people":2.0}]}`
	w, err := formats.ParseLeadline("x.json", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	s := w.Maps[0].Stages[0]
	if w.Name != "Spaced" || s.HasCA || s.Wait != 90 || s.People != 2 {
		t.Errorf("got name %q, HasCA %v, wait %v, people %v", w.Name, s.HasCA, s.Wait, s.People)
	}

	w, err = formats.ParseLeadline("dir/from-the-file.json", []byte(`{"stages":[]}`))
	if err != nil || w.Name != "from-the-file" {
		t.Errorf("a nameless workshop takes the file's name: %v %v", w, err)
	}
}
