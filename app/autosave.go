package app

import (
	"fmt"
	"sync"

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
}

func newAutosaver(lib *store.Library, onError func(error)) *autosaver {
	a := &autosaver{lib: lib, onError: onError, jobs: make(chan saveJob, 4096)}
	a.wg.Add(1)
	go a.loop()
	return a
}

func (a *autosaver) loop() {
	defer a.wg.Done()
	for job := range a.jobs {
		if err := a.lib.Save(job.workshopID, job.snapshot, job.change); err != nil && a.onError != nil {
			a.onError(fmt.Errorf("autosave of %q failed; the edit is still on screen: %w", job.snapshot.Name, err))
		}
	}
}

// save queues one edit. The snapshot is taken here, on the caller's goroutine.
func (a *autosaver) save(workshopID int64, w *workshop.Workshop, change workshop.Change) {
	a.jobs <- saveJob{workshopID: workshopID, snapshot: w.Clone(), change: change}
}

// close writes what is queued and stops the writer.
func (a *autosaver) close() {
	a.closing.Do(func() {
		close(a.jobs)
		a.wg.Wait()
	})
}
