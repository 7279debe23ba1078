package store_test

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"leadline.app/leadline/workshop"
	"leadline.app/leadline/workshop/store"
)

// A writer that finds the library locked for longer than SQLite's five-second busy timeout —
// a large import in another process on a slow disk — waits and says what it waits for, rather
// than failing with "database is locked" (issue 10, finding 11).
func TestWriteWaitsForALongTransaction(t *testing.T) {
	if testing.Short() {
		t.Skip("holds the write lock for six seconds")
	}
	path := newLibraryPath(t)
	var notices []string
	var mu sync.Mutex
	lib, err := store.Open(path, store.WithWaitNotice(func(m string) {
		mu.Lock()
		notices = append(notices, m)
		mu.Unlock()
	}))
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	id, err := lib.Create(workshop.NewWorkshop("Before"))
	if err != nil {
		t.Fatal(err)
	}
	other := rawDB(t, "file:"+path+"?_journal_mode=WAL&_busy_timeout=5000")
	other.SetMaxOpenConns(1)
	if _, err := other.Exec("BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	release := time.AfterFunc(6*time.Second, func() { _, _ = other.Exec("COMMIT") })
	defer release.Stop()

	if err := lib.Rename(id, "After"); err != nil {
		t.Fatalf("the write gave up while another process held the lock: %v", err)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(notices) != 1 || !strings.Contains(notices[0], "another process is writing library") || !strings.Contains(notices[0], path) {
		t.Errorf("notices %q, want one saying what the write waits for", notices)
	}
}

// largestWorkshop holds as much as the bounds allow: 5,000 stages with long notes, 20,000
// flows, 5,000 ideas.
func largestWorkshop() *workshop.Workshop {
	w := workshop.NewWorkshop("Largest")
	m := &workshop.Map{ID: "m1", Name: "Largest", State: workshop.Current}
	notes := strings.Repeat("n", 1300)
	for i := range workshop.MaxStages {
		m.Stages = append(m.Stages, &workshop.Stage{ID: fmt.Sprintf("s%d", i), Name: fmt.Sprintf("Stage %d", i), Notes: notes, Wait: 60})
	}
	for i := range workshop.MaxFlows {
		m.Flows = append(m.Flows, workshop.Flow{From: fmt.Sprintf("s%d", i%4999), To: fmt.Sprintf("s%d", (i%4999+1+i/4999)%workshop.MaxStages)})
	}
	for i := range workshop.MaxIdeas {
		m.Ideas = append(m.Ideas, workshop.Idea{Stage: fmt.Sprintf("s%d", i), Text: notes[:200]})
	}
	w.Maps = []*workshop.Map{m}
	return w
}

// BenchmarkCreateLargestWorkshop is how long an import of the largest workshop holds the
// library's write lock: the budget is 1 s (README, "Measured speed and memory").
func BenchmarkCreateLargestWorkshop(b *testing.B) {
	w := largestWorkshop()
	lib := openLibrary(b, newLibraryPath(b))
	for b.Loop() {
		if _, err := lib.Create(w); err != nil {
			b.Fatal(err)
		}
	}
}
