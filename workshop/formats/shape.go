package formats

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"leadline.app/leadline/workshop"
)

// checkShape walks a JSON file's tokens once, before it is decoded, against the Go type it will
// be decoded into. It stops a hostile file early — a list longer than the workshop bounds is
// refused at its first extra element, before encoding/json allocates millions of them — and, in
// strict mode (Leadline's own JSON), it refuses unknown keys and keys given twice, which
// encoding/json would drop or let the last one win. The known keys come from the types' json
// tags, so a field added to a type is known here too.
//
// A syntax or type error is left to encoding/json, whose messages describeJSONError words.
func checkShape(file string, data []byte, root reflect.Type, strict bool) error {
	w := &shapeWalker{file: file, data: data, strict: strict, dec: json.NewDecoder(bytes.NewReader(data)), counts: map[reflect.Type]int{}}
	w.dec.UseNumber() // numbers stay text: nothing is converted that is only skipped
	err := w.walk(root, "")
	var refused *Error
	if errors.As(err, &refused) {
		return refused
	}
	return nil
}

// listLimits bounds every list of a workshop file, all maps of the workshop together.
var listLimits = map[reflect.Type]struct {
	what  string
	limit int
}{
	reflect.TypeFor[leadlineMap]():    {"maps", workshop.MaxMaps},
	reflect.TypeFor[leadlineStage]():  {"stages", workshop.MaxStages},
	reflect.TypeFor[leadlineFlow]():   {"flows", workshop.MaxFlows},
	reflect.TypeFor[leadlineIdea]():   {"ideas", workshop.MaxIdeas},
	reflect.TypeFor[nornStep]():       {"stages", workshop.MaxStages},
	reflect.TypeFor[nornConnection](): {"flows", workshop.MaxFlows},
	reflect.TypeFor[string]():         {"participants", workshop.MaxParticipants},
}

// objectNames words each object for the messages.
var objectNames = map[reflect.Type]string{
	reflect.TypeFor[leadlineFile]():     "the workshop",
	reflect.TypeFor[leadlineCalendar](): "the calendar",
	reflect.TypeFor[leadlineMap]():      "map",
	reflect.TypeFor[leadlineStage]():    "stage",
	reflect.TypeFor[leadlineFlow]():     "flow",
	reflect.TypeFor[leadlineIdea]():     "idea",
}

var rawMessageType = reflect.TypeFor[json.RawMessage]()

type shapeWalker struct {
	file   string
	data   []byte
	strict bool
	dec    *json.Decoder
	counts map[reflect.Type]int
}

// errLeftToJSON ends the walk without a refusal of its own: encoding/json reports what is wrong.
var errLeftToJSON = errors.New("left to encoding/json")

func (w *shapeWalker) refuse(msg string) error {
	line, _ := lineColumn(w.data, w.dec.InputOffset())
	return &Error{File: w.file, Line: line, Msg: msg}
}

func (w *shapeWalker) token() (json.Token, error) {
	tok, err := w.dec.Token()
	if err != nil {
		return nil, errLeftToJSON
	}
	return tok, nil
}

// walk reads one value that should have type t; where names it ("stage 3 of map 1").
func (w *shapeWalker) walk(t reflect.Type, where string) error {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	next := w.peek()
	switch {
	case t.Kind() == reflect.Struct && t != rawMessageType && next == '{',
		t.Kind() == reflect.Slice && t != rawMessageType && next == '[':
		tok, err := w.token()
		if err != nil {
			return err
		}
		if tok == json.Delim('{') {
			return w.walkObject(t, where)
		}
		return w.walkList(t.Elem(), where)
	}
	return w.skip() // a scalar, a raw value, or the wrong kind of value that encoding/json will name
}

// peek returns the first byte of the next value.
func (w *shapeWalker) peek() byte {
	for i := w.dec.InputOffset(); i < int64(len(w.data)); i++ {
		if c := w.data[i]; !isJSONSpace(c) && c != ':' && c != ',' {
			return c
		}
	}
	return 0
}

func (w *shapeWalker) walkObject(t reflect.Type, where string) error {
	fields := jsonFields(t)
	seen := map[string]string{} // lower-case key → key as first written
	if where == "" {
		where = objectNames[t]
	}
	for w.dec.More() {
		tok, err := w.token()
		if err != nil {
			return err
		}
		key, _ := tok.(string)
		lower := strings.ToLower(key)
		if first, dup := seen[lower]; dup && w.strict {
			also := ""
			if first != key {
				also = fmt.Sprintf(" (also as %q)", first)
			}
			return w.refuse(fmt.Sprintf("field %q appears twice in %s%s; keep one", key, where, also))
		}
		seen[lower] = key
		field, known := fields[lower]
		if !known {
			if w.strict {
				return w.refuse(unknownField(key, where, fields))
			}
			if err := w.skip(); err != nil {
				return err
			}
			continue
		}
		if err := w.walk(field.Type, w.childWhere(field, where)); err != nil {
			return err
		}
	}
	_, err := w.token() // the closing brace
	return err
}

func (w *shapeWalker) walkList(elem reflect.Type, where string) error {
	bound, bounded := listLimits[elem]
	for index := 1; w.dec.More(); index++ {
		if bounded {
			w.counts[elem]++
			if w.counts[elem] > bound.limit {
				return w.refuse(fmt.Sprintf("the file holds more than the %d %s a workshop may hold", bound.limit, bound.what))
			}
		}
		child := where
		if name, ok := objectNames[elem]; ok {
			child = fmt.Sprintf("%s %d", name, index)
			if where != "" && where != objectNames[reflect.TypeFor[leadlineFile]()] {
				child += " of " + where
			}
		}
		if err := w.walk(elem, child); err != nil {
			return err
		}
	}
	_, err := w.token() // the closing bracket
	return err
}

// childWhere keeps the place of a list's elements ("stage 2 of map 1"), or names a nested object.
func (w *shapeWalker) childWhere(field reflect.StructField, where string) string {
	t := field.Type
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	if name, ok := objectNames[t]; ok && field.Type.Kind() != reflect.Slice {
		return name
	}
	return where
}

// skip passes over the next value whole. Decoding it as raw bytes runs encoding/json's scanner,
// which costs no allocation per element, where Token would box every number of a huge list.
func (w *shapeWalker) skip() error {
	var raw json.RawMessage
	if err := w.dec.Decode(&raw); err != nil {
		return errLeftToJSON
	}
	return nil
}

// jsonFields maps each lower-cased json key of a struct to its field: encoding/json matches
// keys without regard to case, and so does the check.
func jsonFields(t reflect.Type) map[string]reflect.StructField {
	fields := make(map[string]reflect.StructField, t.NumField())
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" || !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		fields[strings.ToLower(name)] = f
	}
	return fields
}

// unknownField words a misspelt key with the known key nearest to it.
func unknownField(key, where string, fields map[string]reflect.StructField) string {
	msg := fmt.Sprintf("unknown field %q in %s", key, where)
	best, bestDistance := "", len(key)/2+2
	for _, f := range fields {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if d := editDistance(strings.ToLower(key), strings.ToLower(name)); d < bestDistance || d == bestDistance && name < best {
			best, bestDistance = name, d
		}
	}
	if best != "" && bestDistance <= max(2, len(key)/3) {
		return msg + "; did you mean " + best + "?"
	}
	names := make([]string, 0, len(fields))
	for _, f := range fields {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		names = append(names, name)
	}
	slices.Sort(names)
	return msg + "; known fields are " + strings.Join(names, ", ")
}

// editDistance counts the single-character edits (insert, delete, replace, swap of neighbours)
// between a and b: "wiat" is one swap from "wait".
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 64 || len(rb) > 64 {
		return max(len(ra), len(rb)) // no field name is that long; spare the table
	}
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}
