package workshop

import (
	"strconv"
	"strings"
	"unicode"
)

// SplitQuickEntry reads a stage name typed with its times on the end, as the on-card editor's
// name field takes them: "Code review 2h 3d" is the name "Code review", process 2h and wait
// 3d; "Deploy 30m" sets the process time only. Only the last two words are looked at, and a
// word counts as a time only when every number in it carries a unit ("2h", "1,5h", "2d4h"), so
// "Phase 2" stays a name. A time word that is part of a range ("from 1d to 1w"), the end of a
// longer tail of time words, or would leave no name, stays in the name. process and wait are
// nil when not given.
func SplitQuickEntry(text string, cal Calendar) (name string, process, wait *float64) {
	name = strings.TrimSpace(text)
	var times []float64
	rest := name
	for len(times) < 2 {
		cut := strings.LastIndexFunc(rest, unicode.IsSpace)
		if cut < 0 {
			break // the whole text would be times: keep it as the name
		}
		before, word := strings.TrimRightFunc(rest[:cut], unicode.IsSpace), rest[cut+1:]
		minutes, ok := quickTime(word, cal)
		if !ok {
			break
		}
		times = append([]float64{minutes}, times...)
		rest = before
	}
	if len(times) == 0 || isRangeWord(lastWord(rest)) {
		return name, nil, nil
	}
	name = strings.TrimRight(rest, ",;:-–— \t")
	if name == "" {
		return strings.TrimSpace(text), nil, nil
	}
	process = &times[0]
	if len(times) == 2 {
		wait = &times[1]
	}
	return name, process, wait
}

// quickTime reads one word of a quick entry as a duration when each of its numbers carries a
// unit: "2h", "1,5h", "90min", "2d4h"; not "2", "1h30", "1-2h" or "2x".
func quickTime(word string, cal Calendar) (float64, bool) {
	total := 0.0
	for rest := word; rest != ""; {
		number, afterNumber := splitNumber(rest)
		unit, afterUnit := splitUnit(afterNumber)
		perUnit, known := unitMinutes(unit, cal)
		if number == "" || unit == "" || !known {
			return 0, false
		}
		value, err := strconv.ParseFloat(number, 64)
		if err != nil {
			return 0, false
		}
		total += value * perUnit
		rest = afterUnit
	}
	if word == "" || total > MaxMinutes {
		return 0, false
	}
	return total, true
}

func lastWord(s string) string {
	return s[strings.LastIndexFunc(s, unicode.IsSpace)+1:]
}

// isRangeWord tells whether a word starts or ends a range as ParseEstimate writes it: times
// right after it belong to the range, not to a quick entry.
func isRangeWord(word string) bool {
	word = strings.ToLower(word)
	return word == "from" || word == "to"
}
