package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A name from an imported file reaches the terminal escaped (issue 10, finding 7): it cannot
// clear the screen, set the title, forge a row or reverse the line. Other scripts pass intact.
func TestTerminalOutputIsEscaped(t *testing.T) {
	hostile := "Evil\x1b[2J\x1b]0;pwned\x07\r\n9999\tforged\u202egnp.exe\u2066x\u009b"
	safe := "Смоук-тест 🔥 👩‍💻 مراجعة 予算"
	dir := t.TempDir()
	file := filepath.Join(dir, "hostile.json")
	data := `{"name":"` + jsonEscape(hostile) + `","stages":[{"id":"a","name":"` + jsonEscape(hostile) +
		`","department":"` + jsonEscape(hostile) + `","wait":"1d"},{"id":"b","name":"` + safe + `","wait":"2d"}],"flows":[{"from":"a","to":"b"}]}`
	if err := os.WriteFile(file, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "library.db")
	var out bytes.Buffer
	if err := runImport([]string{"--db", db, file}, &out); err != nil {
		t.Fatal(err)
	}
	outputs := map[string]func(*bytes.Buffer) error{
		"list":     func(b *bytes.Buffer) error { return runList([]string{"--db", db}, b) },
		"metrics":  func(b *bytes.Buffer) error { return runMetrics([]string{file}, b) },
		"forecast": func(b *bytes.Buffer) error { return runForecast([]string{"--trials", "10", file}, b) },
	}
	for name, produce := range outputs {
		var b bytes.Buffer
		if err := produce(&b); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		text := b.String()
		for _, raw := range []string{"\x1b", "\x07", "\r", "\u202e", "\u2066", "\u009b", "9999\tforged"} {
			if strings.Contains(text, raw) {
				t.Errorf("%s prints %q raw:\n%q", name, raw, text)
			}
		}
		if !strings.Contains(text, `Evil\x1b[2J\x1b]0;pwned\x07\x0d\x0a9999\x09forged\u202egnp.exe\u2066x\x9b`) {
			t.Errorf("%s does not show the name escaped:\n%q", name, text)
		}
		if name == "metrics" && !strings.Contains(text, safe) {
			t.Errorf("metrics changed a harmless name; want %q intact in:\n%s", safe, text)
		}
	}
	if n := len([]rune(errorLine(errors.New(strings.Repeat("problem; ", 1<<20))))); n > maxErrorLine {
		t.Errorf("a 9 MB error became a %d-character line; want at most %d", n, maxErrorLine)
	}
	line := errorLine(errors.New("import /tmp/\x1b[31mred.json: bad \u202e"))
	if strings.ContainsAny(line, "\x1b\u202e") || !strings.Contains(line, `\x1b[31mred.json`) {
		t.Errorf("error line %q is not escaped", line)
	}
}

func jsonEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < 0x20 {
			b.WriteString(`\u00` + string("0123456789abcdef"[r>>4]) + string("0123456789abcdef"[r&15]))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
