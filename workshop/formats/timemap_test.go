package formats_test

import (
	"testing"

	"leadline.app/leadline/workshop/formats"
)

func TestParseTimemapExample(t *testing.T) {
	w, err := formats.ParseTimemap("/data/acme_before.csv", readFixture(t, "timemap-release.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if w.Name != "acme_before" {
		t.Errorf("name %q, want the file's base name", w.Name)
	}
	m := w.Maps[0]
	if len(m.Stages) != 10 || len(m.Flows) != 9 {
		t.Fatalf("got %d stages and %d flows, want a chain of 10", len(m.Stages), len(m.Flows))
	}
	first := m.Stages[0]
	// "Requirements Finalized,75,50,75": hours to minutes, wait = lead − process.
	if first.Name != "Requirements Finalized" || first.Process != 3000 || first.Wait != 1500 || !first.HasCA || first.CA != 75 {
		t.Errorf("first stage = %+v", *first)
	}
	if coding := m.Stages[4]; coding.Name != "Coding" || coding.HasCA {
		t.Errorf("%%C&A 0 means not recorded: %+v", *coding)
	}
	for i, f := range m.Flows {
		if f.From != m.Stages[i].ID || f.To != m.Stages[i+1].ID || f.Rework {
			t.Errorf("flow %d = %+v, want stage %d → %d", i, f, i, i+1)
		}
	}
	if m.Stages[1].X <= m.Stages[0].X+140 {
		t.Errorf("stages overlap: x %v then %v", m.Stages[0].X, m.Stages[1].X)
	}
	mt, err := w.Compute(m)
	if err != nil {
		t.Fatal(err)
	}
	// Lead times in hours: 75+160+40+0+80+8+80+160+40+0 = 643; process 50+40+8+0+40+1+40+80+8+0 = 267.
	if mt.LeadTime != 643*60 || mt.ProcessTime != 267*60 {
		t.Errorf("lead %v process %v, want %v and %v", mt.LeadTime, mt.ProcessTime, 643*60, 267*60)
	}
	// Rolled %C&A over recorded values only: 0.75 × 1 × 0.8 × 0.9 = 0.54.
	if mt.RolledCA < 0.5399 || mt.RolledCA > 0.5401 || mt.CARecorded != 4 {
		t.Errorf("rolled %%C&A %v over %d stages, want 0.54 over 4", mt.RolledCA, mt.CARecorded)
	}
}

func TestParseTimemapQuotingAndBOM(t *testing.T) {
	w, err := formats.ParseTimemap("q.csv", readFixture(t, "timemap-quoted.csv"))
	if err != nil {
		t.Fatal(err)
	}
	names := []string{}
	for _, s := range w.Maps[0].Stages {
		names = append(names, s.Name)
	}
	want := []string{"Design, review", "Build", `Test "smoke"`}
	if len(names) != len(want) {
		t.Fatalf("stages %q, want %q", names, want)
	}
	for i := range want {
		if names[i] != want[i] {
			t.Errorf("stage %d = %q, want %q", i, names[i], want[i])
		}
	}
}

func TestParseTimemapLiberal(t *testing.T) {
	data := "Stage,LT,PT,%C&A\nPlan, 2.5 ,0.5, 90%\nShip,1,1\n"
	w, err := formats.ParseTimemap("h.csv", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	plan, ship := w.Maps[0].Stages[0], w.Maps[0].Stages[1]
	if plan.Wait != 120 || plan.Process != 30 || plan.CA != 90 || ship.HasCA {
		t.Errorf("plan %+v ship %+v", *plan, *ship)
	}
}

func TestParseTimemapRefusesBadFiles(t *testing.T) {
	tests := []struct {
		name  string
		data  string
		parts []string
	}{
		{"lead shorter than process", "# Stage, LT, PT, %C&A\nDefine,105,40,50\nDevelop,60,90,95\n",
			[]string{"line 3", `stage "Develop"`, "lead time 60", "process time 90"}},
		{"not a number", "Define,105,40,50\nDevelop,lots,90,95\n", []string{"line 2", `stage "Develop" field lead time "lots"`}},
		{"nan", "Define,NaN,1,50\n", []string{"line 1", `stage "Define" field lead time "NaN"`}},
		{"infinite", "Define,+Inf,1,50\n", []string{"line 1", `stage "Define" field lead time "+Inf"`, "too large"}},
		{"negative", "Define,105,-40,50\n", []string{"line 1", `stage "Define" field process time "-40"`, "negative"}},
		{"too few fields", "# h\n\nDefine,105\n", []string{"line 3", "found 2 field(s)"}},
		{"ca out of range", "Define,105,40,150\n", []string{"line 1", `stage "Define" field %C&A "150"`}},
		{"empty name", "Define,1,1,1\n ,2,1,0\n", []string{"line 2", "stage name is empty"}},
		{"broken quote", "Define,1,1,1\n\"Dev,2,1,0\n", []string{"line 2", "not valid CSV"}},
		{"no stages", "# Stage, LT, PT, %C&A\n", []string{"no stages"}},
		{"not utf-8", "Caf\xe9,1,1,0\n", []string{"UTF-8"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, err := formats.ParseTimemap("map.csv", []byte(tt.data))
			if w != nil {
				t.Errorf("a refused file still returned a workshop")
			}
			wantErrorNaming(t, err, append([]string{"import map.csv"}, tt.parts...)...)
		})
	}
}
