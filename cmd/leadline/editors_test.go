package main

import (
	"fmt"
	"strings"
	"sync"
	"testing"
)

// TestEditorsOnOneWorkshop runs two, then four, `leadline edit` processes on the same workshop
// at once, each adding stages, moving the stages it owns and deleting one of them. Before edit
// sessions with revisions, two adders both picked the next free id from their stale copies and
// one process's stages vanished though every line was acknowledged. Every acknowledged edit of
// every process must be in the library, and none may see "database is locked".
func TestEditorsOnOneWorkshop(t *testing.T) {
	bin := leadlineBin(t)
	for _, processes := range []int{2, 4} {
		t.Run(fmt.Sprintf("%d editors", processes), func(t *testing.T) {
			path := freshLibrary(t, bin)
			hotfix := stageIDsOf(loadWorkshop(t, path, 2).Maps[0])
			const rounds = 80
			plans := make([]*editorPlan, processes)
			for p := range plans {
				plans[p] = newEditorPlan(p, processes, hotfix, rounds)
			}
			runs := make([]*editRun, processes)
			for p := range runs {
				runs[p] = startEdit(t, bin, path, "2")
			}
			var wg sync.WaitGroup
			for p, run := range runs {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for _, line := range plans[p].lines {
						run.send(line)
					}
				}()
			}
			wg.Wait()
			for p, run := range runs {
				acked := run.finish(t)
				if len(acked) != len(plans[p].lines) || run.stderr.Len() > 0 {
					t.Errorf("editor %d: %d of %d edits acknowledged; stderr %q", p, len(acked), len(plans[p].lines), run.stderr.String())
				}
			}
			got := loadWorkshop(t, path, 2).Maps[0]
			for p, plan := range plans {
				added := 0
				for _, s := range got.Stages {
					if strings.HasPrefix(s.Name, fmt.Sprintf("editor %d ", p)) {
						added++
					}
				}
				if added != plan.adds {
					t.Errorf("editor %d: %d of its %d added stages are in the library", p, added, plan.adds)
				}
				if plan.deleted != "" && got.Stage(plan.deleted) != nil {
					t.Errorf("editor %d deleted %s, but it is back", p, plan.deleted)
				}
				for id, x := range plan.lastX {
					if s := got.Stage(id); s == nil || s.X != x || s.Y != float64(p) {
						t.Errorf("editor %d moved %s last to (%v, %d); the library has %+v", p, id, x, p, s)
					}
				}
			}
			integrityCheck(t, path)
		})
	}
}

// editorPlan is the input of one editor process and what it should leave behind.
type editorPlan struct {
	lines   []string
	adds    int
	deleted string             // the stage it deletes half way, if it owns more than one
	lastX   map[string]float64 // stage → x of its last move, for the stages it keeps
}

// newEditorPlan gives editor p the sample stages j with j % processes == p. Every fourth line
// adds a stage; the others move an owned stage to (n, p); half way it deletes its last stage.
func newEditorPlan(p, processes int, stageIDs []string, rounds int) *editorPlan {
	plan := &editorPlan{lastX: map[string]float64{}}
	var owned []string
	for j, id := range stageIDs {
		if j%processes == p {
			owned = append(owned, id)
		}
	}
	for n := 1; n <= rounds; n++ {
		if n == rounds/2 && len(owned) > 1 {
			plan.deleted, owned = owned[len(owned)-1], owned[:len(owned)-1]
			delete(plan.lastX, plan.deleted)
			plan.lines = append(plan.lines, fmt.Sprintf(`{"op":"delete","stage":%q}`, plan.deleted))
			continue
		}
		if n%4 == 0 || len(owned) == 0 {
			plan.adds++
			plan.lines = append(plan.lines, fmt.Sprintf(`{"op":"add","name":"editor %d line %d","wait":"%dm"}`, p, n, n))
			continue
		}
		id := owned[n%len(owned)]
		plan.lastX[id] = float64(n)
		plan.lines = append(plan.lines, fmt.Sprintf(`{"op":"move","stage":%q,"x":%d,"y":%d}`, id, n, p))
	}
	return plan
}
