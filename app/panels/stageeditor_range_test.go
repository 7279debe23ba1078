package panels

import (
	"strings"
	"testing"

	"leadline.app/leadline/workshop"
)

func TestStageEditorRanges(t *testing.T) {
	f := newEditorFixture(t)
	// 1d = 480, 1w = 2400 at the sample's 8 h × 5 d calendar.
	f.typeInto(f.editor.wait, "2d, from 1d to 1w", true)
	if len(f.commands) != 1 {
		t.Fatalf("%d commands, want 1", len(f.commands))
	}
	s := f.stageMap.Stage("s1")
	if s.Wait != 960 || s.WaitRange != (workshop.Range{Low: 480, High: 2400}) {
		t.Fatalf("wait %v range %+v, want 960 from 480 to 2400", s.Wait, s.WaitRange)
	}
	f.editor.Show(f.workshop, f.stageMap, "s2")
	f.editor.Show(f.workshop, f.stageMap, "s1")
	if got := f.editor.wait.Text; got != "2d, from 1d to 1w" {
		t.Errorf("the field shows %q, want the range written back", got)
	}

	// A most likely time outside its range is refused beside the field, the model untouched.
	f.typeInto(f.editor.wait, "3w, from 1d to 1w", true)
	if len(f.commands) != 1 || !f.editor.waitError.Visible() || !strings.Contains(f.editor.waitError.Text, "must lie between 1d and 1w") {
		t.Errorf("%d commands, error %q; want the out-of-range wait refused", len(f.commands), f.editor.waitError.Text)
	}

	// A process range, then typing the time alone clears the range: the field shows what is kept.
	f.typeInto(f.editor.process, "2d, from 1d to 3d", true)
	if s := f.stageMap.Stage("s1"); s.ProcessRange != (workshop.Range{Low: 480, High: 1440}) {
		t.Fatalf("process range %+v", s.ProcessRange)
	}
	f.typeInto(f.editor.process, "2d", true)
	if s := f.stageMap.Stage("s1"); s.ProcessRange.IsSet() || s.Process != 960 {
		t.Errorf("process %v range %+v, want 960 and no range", s.Process, s.ProcessRange)
	}
	if len(f.commands) != 3 {
		t.Errorf("%d commands, want one per accepted edit (3)", len(f.commands))
	}
}
