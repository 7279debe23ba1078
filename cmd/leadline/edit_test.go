package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"leadline.app/leadline/workshop"
	"leadline.app/leadline/workshop/store"
)

// hotfixID is the seeded "Hotfix" sample: a fresh library holds "Idea to customer" (1) and
// "Hotfix" (2). Its stage "fix" waits 4h (240 min) at (240, 190); "staging" waits 2h.
const hotfixID = "2"

func newEditLibrary(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "library.db")
	lib, err := openLibrary(path)
	if err != nil {
		t.Fatal(err)
	}
	lib.Close()
	return path
}

func loadHotfix(t *testing.T, path string) *workshop.Workshop {
	t.Helper()
	lib, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	w, err := lib.Load(2)
	if err != nil {
		t.Fatal(err)
	}
	return w
}

func TestEditAppliesAndAcknowledgesEachLine(t *testing.T) {
	path := newEditLibrary(t)
	input := strings.Join([]string{
		`{"op":"move","map":"m1","stage":"fix","x":10,"y":20}`,
		`{"op":"add","map":"m1","name":"Смоук-тест 🔥","department":"QA","wait":"2d","process":90}`,
		`{"op":"wait","map":"m1","stage":"fix","wait":"3h"}`,
		`{"op":"wait","stage":"staging","wait":"1d 2h"}`,
		`{"op":"undo"}`,
		``, // blank lines are skipped but still counted
		`{"op":"rename","stage":"staging","name":"Staging"}`,
		`{"op":"process","stage":"staging","process":"45m"}`,
	}, "\n")
	var out bytes.Buffer
	if err := runEdit([]string{"--db", path, "--workshop", hotfixID}, strings.NewReader(input), &out); err != nil {
		t.Fatal(err)
	}
	if want := "ok 1\nok 2\nok 3\nok 4\nok 5\nok 7\nok 8\n"; out.String() != want {
		t.Errorf("acknowledgements:\n%s\nwant:\n%s", out.String(), want)
	}
	lib, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if last, err := lib.LastOpened(); err != nil || last != 2 {
		t.Errorf("last opened workshop = %d (%v), want 2: the app should reopen the one just edited", last, err)
	}
	lib.Close()
	m := loadHotfix(t, path).Maps[0]
	fix, staging := m.Stage("fix"), m.Stage("staging")
	added := m.Stages[len(m.Stages)-1]
	checks := []struct {
		name      string
		got, want any
	}{
		{"fix x", fix.X, 10.0},
		{"fix y", fix.Y, 20.0},
		{"fix wait (3h)", fix.Wait, 180.0},
		{"staging wait (undone back to 2h)", staging.Wait, 120.0},
		{"staging name", staging.Name, "Staging"},
		{"staging process (45m)", staging.Process, 45.0},
		{"added name", added.Name, "Смоук-тест 🔥"},
		{"added department", added.Department, "QA"},
		{"added wait (2 days of 8h)", added.Wait, 960.0},
		{"added process", added.Process, 90.0},
		{"stage count", len(m.Stages), 9},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
}

// A bad line stops the run with one error naming its line and field; the lines before it are
// saved and acknowledged, the bad one is neither.
func TestEditRefusesBadLine(t *testing.T) {
	cases := []struct {
		name, line string
		wantErr    []string
	}{
		{"negative wait", `{"op":"wait","stage":"fix","wait":"-3h"}`, []string{`line 2`, `field "wait"`, `"-3h"`, "negative"}},
		{"unknown unit", `{"op":"wait","stage":"fix","wait":"3 fortnights"}`, []string{`line 2`, `field "wait"`, `unknown unit`}},
		{"wait too large", `{"op":"wait","stage":"fix","wait":1e9}`, []string{`line 2`, `field "wait"`, "too large"}},
		{"wait missing", `{"op":"wait","stage":"fix"}`, []string{`line 2`, `field "wait"`, "missing"}},
		{"x as text", `{"op":"move","stage":"fix","x":"left","y":1}`, []string{`line 2`, `field "x"`, "want a number"}},
		{"y missing", `{"op":"move","stage":"fix","x":1}`, []string{`line 2`, `field "y"`, "missing"}},
		{"x off the canvas", `{"op":"move","stage":"fix","x":1e300,"y":1}`, []string{`line 2`, `field "x"`, "off the canvas"}},
		{"x beyond float64", `{"op":"move","stage":"fix","x":1e400,"y":1}`, []string{`line 2`, `field "x"`, "1e400", "out of range"}},
		{"add off the canvas", `{"op":"add","name":"Far","x":1e300,"y":1}`, []string{`line 2`, `field "x"`, "off the canvas (at most ±1e+06)"}},
		{"add with a name too long", `{"op":"add","name":"` + strings.Repeat("n", 501) + `"}`, []string{`line 2`, "name: is 501 characters long; at most 500 fit"}},
		{"unknown stage", `{"op":"move","stage":"nope","x":1,"y":1}`, []string{`line 2`, `field "stage"`, `"nope"`}},
		{"unknown map", `{"op":"move","map":"m9","stage":"fix","x":1,"y":1}`, []string{`line 2`, `field "map"`, `"m9"`}},
		{"unknown op", `{"op":"fly"}`, []string{`line 2`, `field "op"`, `"fly"`}},
		{"op missing", `{"stage":"fix"}`, []string{`line 2`, `field "op"`, "missing"}},
		{"unknown field", `{"op":"move","stage":"fix","x":1,"y":1,"z":3}`, []string{`line 2`, `field "z"`, "unknown field"}},
		{"add without name", `{"op":"add","department":"QA"}`, []string{`line 2`, `field "name"`, "missing"}},
		{"not JSON", `move fix 1 1`, []string{`line 2`, "not a JSON edit"}},
		{"two values", `{"op":"undo"} {"op":"undo"}`, []string{`line 2`, "more than one"}},
		{"array", `[1]`, []string{`line 2`, "want an object"}},
		{"redo with nothing undone", `{"op":"redo"}`, []string{`line 2`, `field "op"`, "nothing to redo"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := newEditLibrary(t)
			input := `{"op":"move","stage":"staging","x":7,"y":8}` + "\n" + c.line + "\n" +
				`{"op":"move","stage":"staging","x":9,"y":9}` + "\n"
			var out bytes.Buffer
			err := runEdit([]string{"--db", path, "--workshop", hotfixID}, strings.NewReader(input), &out)
			if err == nil {
				t.Fatalf("no error; output %q", out.String())
			}
			for _, want := range c.wantErr {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error %q lacks %q", err, want)
				}
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error spans lines: %q", err)
			}
			if out.String() != "ok 1\n" {
				t.Errorf("acknowledged %q, want only line 1", out.String())
			}
			m := loadHotfix(t, path).Maps[0]
			if s := m.Stage("staging"); s.X != 7 || s.Y != 8 {
				t.Errorf("staging at (%v, %v), want (7, 8): line 1 saved, line 3 never run", s.X, s.Y)
			}
			if s := m.Stage("fix"); s.X != 240 || s.Y != 190 || s.Wait != 240 || len(m.Stages) != 8 {
				t.Errorf("fix at (%v, %v) waiting %v with %d stages: the bad line changed the workshop", s.X, s.Y, s.Wait, len(m.Stages))
			}
		})
	}
}

func TestEditCommandLine(t *testing.T) {
	path := newEditLibrary(t)
	cases := []struct {
		name     string
		args     []string
		wantErr  string
		wantCode int
	}{
		{"no workshop", []string{"--db", path}, "--workshop ID is required", 2},
		{"workshop not a number", []string{"--db", path, "--workshop", "hotfix"}, `"hotfix" is not a workshop id`, 2},
		{"unknown workshop", []string{"--db", path, "--workshop", "99"}, "workshop id 99", 1},
		{"stray argument", []string{"--db", path, "--workshop", "2", "extra"}, `"extra"`, 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := runEdit(c.args, strings.NewReader(""), &bytes.Buffer{})
			if err == nil || !strings.Contains(err.Error(), c.wantErr) {
				t.Fatalf("error %v, want one containing %q", err, c.wantErr)
			}
			if code := exitCode(err); code != c.wantCode {
				t.Errorf("exit code %d, want %d", code, c.wantCode)
			}
		})
	}
}
