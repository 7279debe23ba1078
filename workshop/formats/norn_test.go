package formats_test

import (
	"testing"

	"leadline.app/leadline/workshop/formats"
)

func TestParseNornExport(t *testing.T) {
	w, err := formats.ParseNorn("vsm.json", readFixture(t, "norn-export.json"))
	if err != nil {
		t.Fatal(err)
	}
	if w.Name != "Checkout team delivery" || w.Notes != "From a ready story to production, mapped with the checkout team" {
		t.Errorf("name %q notes %q", w.Name, w.Notes)
	}
	m := w.Maps[0]
	if m.ID != "m1" || m.Name != w.Name {
		t.Errorf("map %q %q", m.ID, m.Name)
	}
	dev := m.Stage("9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d")
	if dev == nil {
		t.Fatal("Norn's step id was not kept")
	}
	// processTime 960, leadTime 1920: wait is the difference.
	if dev.Process != 960 || dev.Wait != 960 || !dev.HasCA || dev.CA != 85 || dev.People != 2 {
		t.Errorf("development = %+v", *dev)
	}
	if dev.Notes != "Pairing on the story, unit tests included" || dev.X != 300 || dev.Y != 150 || dev.Department != "Development" {
		t.Errorf("development notes/position/department = %q %v %v %q", dev.Notes, dev.X, dev.Y, dev.Department)
	}
	if m.Stages[0].Department != "Product" || m.Stages[3].Department != "QA" || m.Stages[4].Department != "Operations" {
		t.Errorf("departments from step types: %q %q %q", m.Stages[0].Department, m.Stages[3].Department, m.Stages[4].Department)
	}
	forward, rework := 0, 0
	for _, f := range m.Flows {
		if f.Rework {
			rework++
			if f.To != dev.ID {
				t.Errorf("rework flow %+v should return to development", f)
			}
		} else {
			forward++
		}
	}
	if forward != 4 || rework != 2 {
		t.Errorf("got %d forward and %d rework flows, want 4 and 2", forward, rework)
	}
	mt, err := w.Compute(m)
	if err != nil {
		t.Fatal(err)
	}
	// A chain: lead time is the sum of Norn's lead times, 2400+1920+270+600+1215.
	if mt.LeadTime != 6405 || mt.ProcessTime != 1125 {
		t.Errorf("lead %v process %v, want 6405 and 1125", mt.LeadTime, mt.ProcessTime)
	}
}

func TestParseNornTolerates(t *testing.T) {
	data := `{"title":"From title","steps":[
	  {"id":1,"name":"A","processTime":"30","leadTime":60,"percentCompleteAccurate":null},
	  {"name":"B","processTime":10}],
	 "connections":[{"source":1,"target":"B"}],"dora":{"x":1},"baseline":{"steps":[]}}`
	w, err := formats.ParseNorn("n.json", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	m := w.Maps[0]
	a, b := m.Stages[0], m.Stages[1]
	if w.Name != "From title" || a.ID != "1" || a.Wait != 30 || a.HasCA || b.ID == "" || b.Wait != 0 {
		t.Errorf("got name %q, a %+v, b %+v", w.Name, *a, *b)
	}
	if len(m.Flows) != 1 || m.Flows[0].From != "1" || m.Flows[0].To != b.ID || m.Flows[0].Rework {
		t.Errorf("flows = %+v", m.Flows)
	}
}

func TestParseNornRefusesBadFiles(t *testing.T) {
	tests := []struct {
		name  string
		data  string
		parts []string
	}{
		{"lead shorter than process", "{\"steps\":[\n{\"id\":\"s\",\"name\":\"Review\",\"processTime\":60,\"leadTime\":30}]}",
			[]string{"line 2", `step "Review"`, "leadTime 30", "processTime 60"}},
		{"negative process", `{"steps":[{"name":"Review","processTime":-1,"leadTime":30}]}`, []string{`step "Review" field processTime`, "-1"}},
		{"process not a number", "{\"steps\":[{\"name\":\"Review\",\n\"processTime\":\"soon\"}]}", []string{"line 2", `step "Review" field processTime`, "soon"}},
		{"ca out of range", `{"steps":[{"name":"Review","percentCompleteAccurate":150}]}`, []string{`step "Review" field percentCompleteAccurate`, "150"}},
		{"people negative", `{"steps":[{"name":"Review","peopleCount":-2}]}`, []string{`step "Review" field peopleCount`, "-2"}},
		{"steps not a list", `{"steps":{"a":1}}`, []string{"field steps", "a list"}},
		{"position wrong", "{\"steps\":[{\"name\":\"R\",\"position\":\n{\"x\":\"left\"}}]}", []string{"line 2", "steps.position.x", `"left"`}},
		{"unknown connection type", `{"steps":[{"id":"a"},{"id":"b"}],"connections":[{"source":"a","target":"b","type":"sideways"}]}`,
			[]string{"connection 1 field type", "sideways"}},
		{"rework rate", `{"steps":[{"id":"a"},{"id":"b"}],"connections":[{"source":"a","target":"b","reworkRate":300}]}`,
			[]string{"connection 1 field reworkRate", "300"}},
		{"unknown target", `{"name":"N","steps":[{"id":"a","name":"A"}],"connections":[{"source":"a","target":"ghost"}]}`,
			[]string{`map "N"`, `flow to "ghost"`}},
		{"duplicate step ids", "{\"name\":\"N\",\"steps\":[{\"id\":\"a\",\"name\":\"A\"},\n{\"id\":\"a\",\"name\":\"B\"}]}",
			[]string{"line 2", `stage "B" id "a"`}},
		{"forward loop", `{"name":"N","steps":[{"id":"a","name":"A"},{"id":"b","name":"B"}],"connections":[{"source":"a","target":"b"},{"source":"b","target":"a","type":"forward"}]}`,
			[]string{`map "N"`, "loop"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, err := formats.ParseNorn("export.json", []byte(tt.data))
			if w != nil {
				t.Errorf("a refused file still returned a workshop")
			}
			wantErrorNaming(t, err, append([]string{"import export.json"}, tt.parts...)...)
		})
	}
}
