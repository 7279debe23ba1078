package session

import (
	"errors"
	"fmt"
	"time"

	"leadline.app/leadline/workshop"
	"leadline.app/leadline/workshop/store"
)

// Writer says how a window's session saves off its UI goroutine.
type Writer struct {
	// Post runs f on the UI goroutine (fyne.Do in the app). The model is only ever swapped there.
	Post func(f func())
	// OnError reports a save that failed; the edit stays on screen. Called through Post.
	OnError func(error)
	// OnReload is called, through Post, after another writer's changes were taken in: the
	// model is a fresh copy with this session's unsaved edits replayed on it. refused lists the
	// edits that no longer applied.
	OnReload func(refused []error)
	// Poll is how often the library is asked whether another process changed the workshop
	// (one indexed row; default one second).
	Poll time.Duration
}

// writer saves queued edits in order on its own goroutine.
type writer struct {
	s       *Session
	cfg     Writer
	jobs    chan job
	quit    chan struct{}
	stopped chan struct{}

	// Guarded by s.mu.
	generation   uint64 // bumped each time the model is swapped; older jobs are stale
	stalled      bool   // another writer got in; saving waits until the UI has taken that in
	reloadPosted bool
}

type job struct {
	generation, seq uint64
	rows            *workshop.Rows
}

// StartWriter makes Do, Undo and Redo return at once and saves on a goroutine; Close waits
// for it. Call it once, right after Open.
func (s *Session) StartWriter(cfg Writer) {
	if cfg.Poll <= 0 {
		cfg.Poll = time.Second
	}
	w := &writer{s: s, cfg: cfg, jobs: make(chan job, 4096), quit: make(chan struct{}), stopped: make(chan struct{})}
	s.mu.Lock()
	s.writer = w
	s.mu.Unlock()
	go w.loop()
}

// Saved tells whether every edit made so far is in the library.
func (s *Session) Saved() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.pending) == 0
}

func (w *writer) enqueue(seq uint64, rows *workshop.Rows) {
	w.s.mu.Lock()
	generation := w.generation
	w.s.mu.Unlock()
	w.jobs <- job{generation: generation, seq: seq, rows: rows}
}

func (w *writer) loop() {
	defer close(w.stopped)
	ticker := time.NewTicker(w.cfg.Poll)
	defer ticker.Stop()
	for {
		select {
		case <-w.quit:
			return
		case j := <-w.jobs:
			w.save(j)
		case <-ticker.C:
			w.poll()
		}
	}
}

func (w *writer) stop() {
	close(w.quit)
	<-w.stopped
}

func (w *writer) save(j job) {
	s := w.s
	s.mu.Lock()
	if j.generation != w.generation || w.stalled {
		s.mu.Unlock()
		return // the edit is still pending; it is saved again once the fresh copy is in
	}
	base := s.revision
	s.mu.Unlock()
	revision, err := s.lib.Save(s.id, base, j.rows)
	switch {
	case err == nil:
		s.acknowledge(j.seq, revision)
	case errors.Is(err, store.ErrStale):
		w.stallAndReload()
	default:
		s.drop(j.seq)
		w.report(fmt.Errorf("the edit is still on screen but could not be saved: %w", err))
	}
}

// poll notices another process's writes while this session has nothing to save.
func (w *writer) poll() {
	s := w.s
	s.mu.Lock()
	retry := w.stalled && !w.reloadPosted
	idle := len(s.pending) == 0 && !w.stalled
	base := s.revision
	s.mu.Unlock()
	if retry {
		w.stallAndReload()
		return
	}
	if !idle {
		return
	}
	if revision, err := s.lib.Revision(s.id); err != nil || revision == base {
		return
	}
	w.stallAndReload()
}

// stallAndReload stops saving, loads the fresh copy, and hands it to the UI goroutine.
func (w *writer) stallAndReload() {
	s := w.s
	s.mu.Lock()
	w.stalled, w.reloadPosted = true, false
	s.mu.Unlock()
	fresh, revision, err := s.lib.LoadRevision(s.id)
	if err != nil {
		w.report(fmt.Errorf("another window or leadline edit changed the workshop, and reloading it failed (trying again): %w", err))
		return
	}
	s.mu.Lock()
	w.reloadPosted = true
	s.mu.Unlock()
	w.cfg.Post(func() { w.resume(fresh, revision) })
}

// resume runs on the UI goroutine: it takes the fresh copy in, replays the pending edits, and
// queues them again against the fresh revision.
func (w *writer) resume(fresh *workshop.Workshop, revision int64) {
	s := w.s
	if s.closed {
		return // Close saved what was pending, replaying it itself
	}
	refused := s.takeIn(fresh, revision)
	s.mu.Lock()
	w.generation++
	w.stalled, w.reloadPosted = false, false
	again := append([]op(nil), s.pending...)
	s.mu.Unlock()
	for _, o := range again {
		w.enqueue(o.seq, workshop.CopyRows(s.model, o.change))
	}
	if w.cfg.OnReload != nil {
		w.cfg.OnReload(refused)
	}
}

func (w *writer) report(err error) {
	if w.cfg.OnError != nil {
		w.cfg.Post(func() { w.cfg.OnError(err) })
	}
}
