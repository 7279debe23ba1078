package formats

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"leadline.app/leadline/workshop"
)

// timemap (github.com/ak15199/timemap) reads "stage, lead time, process time, %C&A" rows in
// whole hours with Python's csv module, quote character "|", and skips rows whose first field
// starts with "#" (its examples begin with "# Stage, LT, PT, %C&A"). %C&A is 0–100, and 0
// means not recorded: timemap leaves it out of the rolled figure. The stages run in file
// order, one after the other.

// timemapLayout spaces the chained stages left to right: a card is about 140 px wide.
const (
	timemapLeft   = 40
	timemapTop    = 40
	timemapStride = 200
)

// ParseTimemap reads a timemap CSV and returns a validated one-map workshop named after the
// file, since the CSV carries no title.
func ParseTimemap(name string, data []byte) (*workshop.Workshop, error) {
	if err := checkSize(name, len(data)); err != nil {
		return nil, err
	}
	data, err := readText(name, data)
	if err != nil {
		return nil, err
	}
	reader := csv.NewReader(strings.NewReader(pipeQuotesToDoubleQuotes(string(data))))
	reader.Comment = '#'
	reader.FieldsPerRecord = -1
	reader.TrimLeadingSpace = true
	reader.ReuseRecord = false

	title := nameFromFile(name)
	w := workshop.NewWorkshop(title)
	m := &workshop.Map{ID: "m1", Name: title, State: workshop.Current}
	for row := 0; ; row++ {
		record, err := reader.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, csvError(name, err)
		}
		line, _ := reader.FieldPos(0)
		if row == 0 && isTimemapHeader(record) {
			continue
		}
		stage, err := timemapStage(record)
		if err != nil {
			return nil, &Error{File: name, Line: line, Msg: err.Error()}
		}
		if len(m.Stages) == MaxStages {
			return nil, checkStageCount(name, MaxStages+1)
		}
		stage.ID = fmt.Sprintf("s%d", len(m.Stages)+1)
		stage.X = timemapLeft + float64(len(m.Stages))*timemapStride
		stage.Y = timemapTop
		if n := len(m.Stages); n > 0 {
			m.Flows = append(m.Flows, workshop.Flow{From: m.Stages[n-1].ID, To: stage.ID})
		}
		m.Stages = append(m.Stages, stage)
	}
	if len(m.Stages) == 0 {
		return nil, &Error{File: name, Msg: "no stages; expected rows of stage, lead time, process time, %C&A"}
	}
	w.Maps = []*workshop.Map{m}
	if err := w.Validate(); err != nil {
		return nil, &Error{File: name, Msg: oneLine(err)}
	}
	return w, nil
}

func csvError(file string, err error) error {
	var parse *csv.ParseError
	if errors.As(err, &parse) {
		return &Error{File: file, Line: parse.Line, Column: parse.Column, Msg: "not valid CSV: " + parse.Err.Error()}
	}
	return &Error{File: file, Msg: "not valid CSV: " + err.Error()}
}

// isTimemapHeader spots a header row written without the "#" timemap expects, such as
// "Stage,LT,PT,%C&A", so that a spreadsheet export still imports.
func isTimemapHeader(record []string) bool {
	if len(record) < 2 {
		return false
	}
	lead := strings.ToLower(strings.TrimSpace(record[1]))
	return lead == "lt" || strings.HasPrefix(lead, "lead")
}

func timemapStage(record []string) (*workshop.Stage, error) {
	if len(record) < 3 {
		return nil, fmt.Errorf("expected stage, lead time, process time, %%C&A; found %d field(s)", len(record))
	}
	s := &workshop.Stage{Name: strings.TrimSpace(record[0])}
	if s.Name == "" {
		return nil, fmt.Errorf("the stage name is empty")
	}
	hours := func(field, text string) (float64, error) {
		v, err := strconv.ParseFloat(strings.TrimSpace(text), 64)
		switch {
		case err != nil || math.IsNaN(v):
			return 0, fmt.Errorf("stage %q field %s %q: expected a number of hours", s.Name, field, text)
		case v < 0:
			return 0, fmt.Errorf("stage %q field %s %q: must not be negative", s.Name, field, text)
		case v*60 > workshop.MaxMinutes:
			return 0, fmt.Errorf("stage %q field %s %q: is too large", s.Name, field, text)
		}
		return v * 60, nil
	}
	lead, err := hours("lead time", record[1])
	if err != nil {
		return nil, err
	}
	process, err := hours("process time", record[2])
	if err != nil {
		return nil, err
	}
	if lead < process {
		return nil, fmt.Errorf("stage %q fields lead time %s and process time %s: lead time includes process time, so it cannot be shorter",
			s.Name, strings.TrimSpace(record[1]), strings.TrimSpace(record[2]))
	}
	s.Process, s.Wait = process, lead-process
	if len(record) >= 4 {
		ca, _, err := workshop.ParsePercent(record[3])
		if err != nil {
			return nil, fmt.Errorf("stage %q field %%C&A %q: expected a percentage from 0 to 100", s.Name, record[3])
		}
		s.CA, s.HasCA = ca, ca > 0
	}
	return s, nil
}

// pipeQuotesToDoubleQuotes rewrites timemap's |quoted| fields as "quoted" ones, so that
// encoding/csv reads both the files timemap reads and the ones spreadsheets write. Lines are
// kept, so line numbers in errors still match the file.
func pipeQuotesToDoubleQuotes(text string) string {
	if !strings.Contains(text, "|") {
		return text
	}
	var out strings.Builder
	out.Grow(len(text) + 8)
	const (
		plain = iota
		inPipes
		inDoubleQuotes
	)
	state, fieldStart := plain, true
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch state {
		case inPipes:
			switch {
			case c == '|' && i+1 < len(text) && text[i+1] == '|':
				out.WriteByte('|')
				i++
			case c == '|':
				out.WriteByte('"')
				state = plain
			case c == '"':
				out.WriteString(`""`)
			default:
				out.WriteByte(c)
			}
		case inDoubleQuotes:
			out.WriteByte(c)
			if c == '"' {
				state = plain // a doubled quote re-enters below, as encoding/csv expects
			}
		default:
			switch {
			case fieldStart && c == '|':
				out.WriteByte('"')
				state = inPipes
			case fieldStart && c == '"':
				out.WriteByte(c)
				state = inDoubleQuotes
			default:
				out.WriteByte(c)
				if c == '"' && i > 0 && text[i-1] == '"' {
					state = inDoubleQuotes
				}
			}
			fieldStart = c == ',' || c == '\n'
			if state != plain {
				fieldStart = false
			}
			continue
		}
		fieldStart = false
	}
	return out.String()
}
