package formats

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"leadline.app/leadline/workshop"
)

// Error is why a file was refused: the file, where in it (when known), and what is wrong,
// naming the map, stage and field with the offending value.
type Error struct {
	File   string
	Line   int // 1-based; 0 when the problem has no single place (a loop of flows)
	Column int // 1-based, in characters; 0 when only the line is known
	Msg    string
}

func (e *Error) Error() string {
	where := "import " + e.File
	if e.Line > 0 {
		where += fmt.Sprintf(" line %d", e.Line)
		if e.Column > 0 {
			where += fmt.Sprintf(":%d", e.Column)
		}
	}
	return where + ": " + e.Msg
}

func asError(err error, target **Error) bool { return errors.As(err, target) }

// lineColumn turns a byte offset into a 1-based line and character column.
func lineColumn(data []byte, offset int64) (line, column int) {
	if offset < 0 {
		return 0, 0
	}
	if offset > int64(len(data)) {
		offset = int64(len(data))
	}
	before := data[:offset]
	line = bytes.Count(before, []byte{'\n'}) + 1
	lineStart := bytes.LastIndexByte(before, '\n') + 1
	return line, utf8.RuneCount(before[lineStart:]) + 1
}

// describeJSONError turns encoding/json's byte offsets into lines and columns, and its Go
// type names into words a facilitator reads.
func describeJSONError(data []byte, err error) *Error {
	var syntax *json.SyntaxError
	var typeErr *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syntax):
		line, col := lineColumn(data, syntax.Offset-1)
		return &Error{Line: line, Column: col, Msg: "not valid JSON: " + strings.Replace(syntax.Error(), "invalid character", "unexpected", 1)}
	case errors.As(err, &typeErr):
		start := valueStartBefore(data, typeErr.Offset, typeErr.Value)
		line, col := lineColumn(data, start)
		field := typeErr.Field
		if field == "" {
			field = "the top level"
		}
		found := typeErr.Value
		if number, ok := strings.CutPrefix(found, "number "); ok {
			// encoding/json says "number 1e309" for a number its type cannot hold.
			return &Error{Line: line, Column: col, Msg: fmt.Sprintf("field %s: %s is out of range", field, number)}
		}
		if found != "array" && found != "object" {
			found += quoteValue(data, start, typeErr.Offset)
		}
		return &Error{Line: line, Column: col,
			Msg: fmt.Sprintf("field %s: expected %s, found %s", field, goTypeInWords(typeErr.Type.Kind().String()), found)}
	}
	return &Error{Msg: "not valid JSON: " + err.Error()}
}

func goTypeInWords(kind string) string {
	switch kind {
	case "string":
		return "text"
	case "float64", "float32", "int", "int64":
		return "a number"
	case "bool":
		return "true or false"
	case "slice":
		return "a list"
	case "struct", "map":
		return "an object"
	}
	return kind
}

// valueStartBefore finds where the value encoding/json complained about begins. Its offset
// points just past a scalar, or just inside an opening bracket.
func valueStartBefore(data []byte, offset int64, kind string) int64 {
	if offset > int64(len(data)) {
		offset = int64(len(data))
	}
	switch {
	case offset <= 0:
		return 0
	case kind == "array" || kind == "object":
		return offset - 1
	case kind == "string":
		// Back from the closing quote to the opening one that is not escaped.
		for i := offset - 2; i >= 0; i-- {
			if data[i] == '"' && (i == 0 || data[i-1] != '\\') {
				return i
			}
		}
		return 0
	}
	i := offset
	for i > 0 && !isJSONSpace(data[i-1]) && !strings.ContainsRune(":,[{", rune(data[i-1])) {
		i--
	}
	return i
}

// quoteValue shows a short offending value, or nothing for a long one.
func quoteValue(data []byte, start, end int64) string {
	if start < 0 || end > int64(len(data)) || start >= end || end-start > 60 {
		return ""
	}
	return " " + string(data[start:end])
}

func isJSONSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// locate returns the byte offset where the value at path starts ("maps", 0, "stages", 3,
// "wait"), or -1. It walks the tokens again, which is cheap and only happens for a file
// that is refused anyway.
func locate(data []byte, path ...any) int64 {
	dec := json.NewDecoder(bytes.NewReader(data))
	for _, step := range path {
		open, err := dec.Token()
		if err != nil {
			return -1
		}
		switch key := step.(type) {
		case string:
			if open != json.Delim('{') || !seekKey(dec, key) {
				return -1
			}
		case int:
			if open != json.Delim('[') || !seekIndex(dec, key) {
				return -1
			}
		default:
			return -1
		}
	}
	offset := dec.InputOffset()
	for offset < int64(len(data)) && (isJSONSpace(data[offset]) || data[offset] == ':' || data[offset] == ',') {
		offset++
	}
	return offset
}

func seekKey(dec *json.Decoder, want string) bool {
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return false
		}
		// encoding/json matches keys without regard to case; so does the locator.
		if key, ok := tok.(string); ok && strings.EqualFold(key, want) {
			return true
		}
		if !skipValue(dec) {
			return false
		}
	}
	return false
}

func seekIndex(dec *json.Decoder, want int) bool {
	for i := 0; dec.More(); i++ {
		if i == want {
			return true
		}
		if !skipValue(dec) {
			return false
		}
	}
	return false
}

func skipValue(dec *json.Decoder) bool {
	depth := 0
	for {
		tok, err := dec.Token()
		if err != nil {
			return false
		}
		switch tok {
		case json.Delim('{'), json.Delim('['):
			depth++
		case json.Delim('}'), json.Delim(']'):
			depth--
		}
		if depth == 0 {
			return true
		}
	}
}

// at builds an Error located at the value at path.
func at(file string, data []byte, msg string, path ...any) *Error {
	line, _ := lineColumn(data, locate(data, path...))
	return &Error{File: file, Line: line, Msg: msg}
}

// oneLine joins the problems errors.Join collected into one short line, because the command
// line promises one line on stderr.
func oneLine(err error) string { return workshop.Summarize(err) }
