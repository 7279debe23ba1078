package formats_test

import (
	"math"
	"strings"
	"testing"
	"unicode"

	"leadline.app/leadline/assets"
	"leadline.app/leadline/workshop"
	"leadline.app/leadline/workshop/formats"
)

func importSample(t *testing.T, file string) *workshop.Workshop {
	t.Helper()
	for _, s := range assets.Samples() {
		if s.File == file {
			w, format, err := formats.Import(s.File, s.Data)
			if err != nil {
				t.Fatal(err)
			}
			if format != formats.LeadlineJSON {
				t.Fatalf("%s detected as %q", file, format)
			}
			return w
		}
	}
	t.Fatalf("no sample %s among %d", file, len(assets.Samples()))
	return nil
}

func pathIDs(mt *workshop.Metrics) string {
	ids := make([]string, len(mt.CriticalPath))
	for i, s := range mt.CriticalPath {
		ids[i] = s.ID
	}
	return strings.Join(ids, " ")
}

// Every figure below was added up by hand from the sample files (1d = 480 min, 1w = 2400).
func TestSampleMetrics(t *testing.T) {
	tests := []struct {
		file, mapName      string
		wantLead, wantProc float64
		wantPath           string
		wantTopDelay       string
		wantBaselineChange float64
	}{
		{"1-idea-to-customer.json", "Current state", 48480, 8640,
			"campaign lead meeting proposal legal procurement backlog dev build staging qa release support", "procurement", 0},
		// Procurement (1d + 1w) still outweighs budget (2h + 1w); PM's 3-day wait is now the slowest
		// sign-off. Five stages now wait a week; ties rank in map order, so the meeting leads.
		{"1-idea-to-customer.json", "Future state", 22335, 5325,
			"campaign lead meeting proposal legal procurement backlog dev build staging pm release support", "meeting", 22335 - 48480},
		{"2-hotfix.json", "Hotfix", 1635, 375, "ticket fix staging pm deploy verify", "pm", 0},
	}
	for _, tt := range tests {
		t.Run(tt.file+"/"+tt.mapName, func(t *testing.T) {
			w := importSample(t, tt.file)
			m := w.MapByName(tt.mapName)
			if m == nil {
				t.Fatalf("no map %q", tt.mapName)
			}
			mt, err := w.Compute(m)
			if err != nil {
				t.Fatal(err)
			}
			if mt.LeadTime != tt.wantLead || mt.ProcessTime != tt.wantProc {
				t.Errorf("lead %v process %v, want %v and %v", mt.LeadTime, mt.ProcessTime, tt.wantLead, tt.wantProc)
			}
			if got := pathIDs(mt); got != tt.wantPath {
				t.Errorf("critical path\n got %s\nwant %s", got, tt.wantPath)
			}
			if top := mt.LongestDelays[0].Stage.ID; top != tt.wantTopDelay {
				t.Errorf("longest delay %q, want %q", top, tt.wantTopDelay)
			}
			if tt.wantBaselineChange != 0 && (mt.Baseline == nil || mt.Baseline.LeadTimeChange != tt.wantBaselineChange) {
				t.Errorf("baseline comparison %+v, want a lead time change of %v", mt.Baseline, tt.wantBaselineChange)
			}
		})
	}
}

func TestIdeaToCustomerTeachesTheUpstreamBottleneck(t *testing.T) {
	w := importSample(t, "1-idea-to-customer.json")
	mt, err := w.Compute(w.MapByName("Current state"))
	if err != nil {
		t.Fatal(err)
	}
	// The two upstream waits lead the ranking: procurement's 6 weeks, then budget's 4.
	if mt.LongestDelays[0].Stage.ID != "procurement" || mt.LongestDelays[1].Stage.ID != "budget" {
		t.Errorf("top delays %q, %q", mt.LongestDelays[0].Stage.ID, mt.LongestDelays[1].Stage.ID)
	}
	if share := mt.LongestDelays[0].ShareOfLead; math.Abs(share-14400.0/48480) > 1e-9 {
		t.Errorf("procurement's share of lead time %v, want %v", share, 14400.0/48480)
	}
	if mt.OnCriticalPath("budget") {
		t.Errorf("budget approval runs in parallel with the slower procurement; it must not be on the critical path")
	}
	if mt.Departments[0].Name != "Procurement" {
		t.Errorf("department with the most wait = %q, want Procurement", mt.Departments[0].Name)
	}
	rework := 0
	for _, f := range w.MapByName("Current state").Flows {
		if f.Rework {
			rework++
		}
	}
	if rework != 1 {
		t.Errorf("got %d rework flows, want the one from QA sign-off", rework)
	}
}

// The samples are what a new user sees first, so they must be complete and readable.
func TestSamplesAreWellFormed(t *testing.T) {
	samples := assets.Samples()
	if len(samples) < 2 {
		t.Fatalf("got %d samples, want idea to customer and hotfix", len(samples))
	}
	for _, s := range samples {
		t.Run(s.File, func(t *testing.T) {
			w := importSample(t, s.File)
			if w.Facilitator == "" || w.Date == "" || w.Notes == "" || len(w.Participants) < 3 {
				t.Errorf("facilitator %q date %q notes %q participants %q", w.Facilitator, w.Date, w.Notes, w.Participants)
			}
			if !hasParticipant(w, isAccented) || !hasParticipant(w, isCyrillic) {
				t.Errorf("participants %q should include an accented and a Cyrillic name", w.Participants)
			}
			for _, m := range w.Maps {
				checkSampleMap(t, m)
			}
		})
	}
}

func checkSampleMap(t *testing.T, m *workshop.Map) {
	t.Helper()
	withCA := 0
	for i, s := range m.Stages {
		if _, ok := workshop.BuiltInDepartment(s.Department); !ok {
			t.Errorf("map %q stage %q: department %q is not built in", m.Name, s.Name, s.Department)
		}
		if s.HasCA {
			withCA++
		}
		if s.People < 1 || s.Notes == "" {
			t.Errorf("map %q stage %q: people %d notes %q", m.Name, s.Name, s.People, s.Notes)
		}
		for _, other := range m.Stages[i+1:] {
			// Cards are about 140×90 px; two closer than that overlap on the canvas.
			if math.Abs(s.X-other.X) < 140+40 && math.Abs(s.Y-other.Y) < 90+40 {
				t.Errorf("map %q: stages %q and %q overlap at (%v,%v) and (%v,%v)", m.Name, s.Name, other.Name, s.X, s.Y, other.X, other.Y)
			}
		}
	}
	if withCA*4 < len(m.Stages)*3 {
		t.Errorf("map %q: only %d of %d stages have a %%C&A", m.Name, withCA, len(m.Stages))
	}
	if m.State == workshop.Future {
		owners := 0
		for _, idea := range m.Ideas {
			if idea.Owner != "" && idea.Stage != "" {
				owners++
			}
		}
		if owners < 3 {
			t.Errorf("future state %q has %d owned ideas on stages, want several", m.Name, owners)
		}
	}
}

func hasParticipant(w *workshop.Workshop, test func(rune) bool) bool {
	for _, p := range w.Participants {
		if strings.IndexFunc(p, test) >= 0 {
			return true
		}
	}
	return false
}

func isAccented(r rune) bool { return r > unicode.MaxASCII && unicode.Is(unicode.Latin, r) }
func isCyrillic(r rune) bool { return unicode.Is(unicode.Cyrillic, r) }
