package app

import (
	"fmt"
	"sync"
	"time"

	"leadline.app/leadline/workshop"
	"leadline.app/leadline/workshop/store"
)

// saveJob is one acknowledged edit on its way to the library: a snapshot of the workshop taken
// on the UI goroutine, so the writer never reads a model the UI is changing.
type saveJob struct {
	workshopID int64
	snapshot   *workshop.Workshop
	change     workshop.Change
}

// autosaver writes edits to the library in order, off the UI goroutine. Each edit is its own
// transaction; nothing waits for a Save button.
type autosaver struct {
	lib     *store.Library
	onError func(error) // called on the writer goroutine; the caller hops to the UI with fyne.Do
	jobs    chan saveJob
	wg      sync.WaitGroup
	closing sync.Once

	mu        sync.Mutex
	pending   int                 // edits queued or being written
	lastSaved map[int64]time.Time // per workshop: its change time right after our last save
}

func newAutosaver(lib *store.Library, onError func(error)) *autosaver {
	a := &autosaver{lib: lib, onError: onError, jobs: make(chan saveJob, 4096), lastSaved: map[int64]time.Time{}}
	a.wg.Add(1)
	go a.loop()
	return a
}

func (a *autosaver) loop() {
	defer a.wg.Done()
	for job := range a.jobs {
		err := a.lib.Save(job.workshopID, job.snapshot, job.change)
		if err != nil && a.onError != nil {
			a.onError(fmt.Errorf("autosave of %q failed; the edit is still on screen: %w", job.snapshot.Name, err))
		}
		if err == nil {
			a.noteSaved(job.workshopID)
		}
		a.mu.Lock()
		a.pending--
		a.mu.Unlock()
	}
}

// save queues one edit. The snapshot is taken here, on the caller's goroutine.
func (a *autosaver) save(workshopID int64, w *workshop.Workshop, change workshop.Change) {
	a.mu.Lock()
	a.pending++
	a.mu.Unlock()
	a.jobs <- saveJob{workshopID: workshopID, snapshot: w.Clone(), change: change}
}

// noteSaved remembers the workshop's change time as this process last wrote or read it.
func (a *autosaver) noteSaved(workshopID int64) {
	if updated, err := a.lib.Updated(workshopID); err == nil {
		a.mu.Lock()
		a.lastSaved[workshopID] = updated
		a.mu.Unlock()
	}
}

// changedElsewhere tells whether another process has changed the workshop since this one last
// saved or loaded it. While edits of our own are on their way it answers false: they would
// move the change time themselves.
func (a *autosaver) changedElsewhere(workshopID int64) bool {
	a.mu.Lock()
	known, ok := a.lastSaved[workshopID]
	busy := a.pending > 0
	a.mu.Unlock()
	if !ok || busy {
		return false
	}
	updated, err := a.lib.Updated(workshopID)
	return err == nil && updated.After(known)
}

// close writes what is queued and stops the writer.
func (a *autosaver) close() {
	a.closing.Do(func() {
		close(a.jobs)
		a.wg.Wait()
	})
}
