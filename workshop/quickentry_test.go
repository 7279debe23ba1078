package workshop

import (
	"fmt"
	"strings"
	"testing"
)

func TestSplitQuickEntry(t *testing.T) {
	const h, d, w = 60.0, 480.0, 2400.0
	cal := DefaultCalendar
	none := -1.0 // not given
	tests := []struct {
		text          string
		name          string
		process, wait float64
	}{
		{"Code review 2h 3d", "Code review", 2 * h, 3 * d},
		{"Deploy 30m", "Deploy", 30, none},
		{"Sprint review 2w", "Sprint review", 2 * w, none},
		{"Phase 2", "Phase 2", none, none},
		{"Phase 2 4h", "Phase 2", 4 * h, none},
		{"Step 1 2h 3d 4h", "Step 1 2h", 3 * d, 4 * h}, // three times: the last two are taken
		{"Test 1h 2h 3h", "Test 1h", 2 * h, 3 * h},
		{"  Build 1d 2d   ", "Build", d, 2 * d},
		{"Überprüfung 1,5h 2d", "Überprüfung", 90, 2 * d},
		{"Prüfen 1,5h", "Prüfen", 90, none},
		{"Sign-off 90min 2days", "Sign-off", 90, 2 * d},
		{"Triage 1hr 3wks", "Triage", h, 3 * w},
		{"Setup 2H 1D", "Setup", 2 * h, d},
		{"Build 2d4h 1w", "Build", 2*d + 4*h, w},
		{"Review, 2h 3d", "Review", 2 * h, 3 * d},
		{"Review 0m 1d", "Review", 0, d},
		{"Build 2", "Build 2", none, none},         // a bare number has no unit
		{"Build 2 3d", "Build 2", 3 * d, none},     // … so it is part of the name
		{"Build 1h30", "Build 1h30", none, none},   // a bare number at the end
		{"Review 1-2d", "Review 1-2d", none, none}, // a range stays in the name
		{"Review 1d to 2d", "Review 1d to 2d", none, none},
		{"Review 2h from 1h to 3h", "Review 2h from 1h to 3h", none, none},
		{"Phase 2x", "Phase 2x", none, none},
		{"Review -2h", "Review -2h", none, none},
		{"Level 9999999999w", "Level 9999999999w", none, none}, // too large
		{"2h 3d", "2h", 3 * d, none},                           // the first word is always the name
		{"2h", "2h", none, none},
		{"", "", none, none},
		{"   ", "", none, none},
		{"Code review", "Code review", none, none},
		{"客户评审 2h 3d", "客户评审", 2 * h, 3 * d},
		{"Plan\t2h\t1d", "Plan", 2 * h, d},
	}
	show := func(v *float64) string {
		if v == nil {
			return "nil"
		}
		return fmt.Sprint(*v)
	}
	want := func(v float64) string {
		if v == none {
			return "nil"
		}
		return fmt.Sprint(v)
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			name, process, wait := SplitQuickEntry(tt.text, cal)
			if name != tt.name || show(process) != want(tt.process) || show(wait) != want(tt.wait) {
				t.Errorf("SplitQuickEntry(%q) = %q, %s, %s; want %q, %s, %s", tt.text,
					name, show(process), show(wait), tt.name, want(tt.process), want(tt.wait))
			}
		})
	}
}

// Days and weeks follow the workshop's calendar.
func TestSplitQuickEntryFollowsTheCalendar(t *testing.T) {
	name, process, wait := SplitQuickEntry("Ship 1d 1w", Calendar{HoursPerDay: 6, DaysPerWeek: 4})
	if name != "Ship" || process == nil || *process != 360 || wait == nil || *wait != 1440 {
		t.Errorf("got %q, %v, %v; want Ship, 360 and 1440 minutes", name, process, wait)
	}
}

// FuzzSplitQuickEntry: never a panic; the name is the start of what was typed, and is empty
// only when nothing was; the times are in range, a wait never comes without a process time.
func FuzzSplitQuickEntry(f *testing.F) {
	for _, seed := range []string{"Code review 2h 3d", "Phase 2", "Überprüfung 1,5h", "A 1h 2h 3h", "Build 2d4h 1w", " 2h", "x 1e308h", "x 1.5.h"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		name, process, wait := SplitQuickEntry(text, DefaultCalendar)
		trimmed := strings.TrimSpace(text)
		if !strings.HasPrefix(trimmed, name) || (name == "") != (trimmed == "") {
			t.Fatalf("SplitQuickEntry(%q) named it %q", text, name)
		}
		if wait != nil && process == nil {
			t.Fatalf("SplitQuickEntry(%q): a wait without a process time", text)
		}
		for _, v := range []*float64{process, wait} {
			if v != nil && !(*v >= 0 && *v <= MaxMinutes) {
				t.Fatalf("SplitQuickEntry(%q): time %v out of range", text, *v)
			}
		}
	})
}
