// Package session is the one edit path of an open workshop. The window and `leadline edit`
// both hold a Session: it owns the model and the undo history, saves exactly the rows each
// command's Change names, and never overwrites another writer. Each save names the revision it
// was based on; when another process moved the workshop on in between, the session reloads it,
// replays its own unsaved edits on the fresh copy (edits are commands, so they replay), and
// only then acknowledges them. An edit that no longer applies is refused with a message.
package session

import (
	"errors"
	"fmt"
	"sync"

	"leadline.app/leadline/workshop"
	"leadline.app/leadline/workshop/store"
)

// ErrClosed is returned by an edit made after Close.
var ErrClosed = errors.New("the workshop is closed; the edit was not made")

// opKind says how an edit reached the model, so that it replays the same way.
type opKind int

const (
	opDo opKind = iota
	opUndo
	opRedo
)

// op is one edit applied to the model and not yet saved.
type op struct {
	seq    uint64
	kind   opKind
	cmd    workshop.Command
	change workshop.Change
}

func (o op) applyTo(w *workshop.Workshop) (workshop.Change, error) {
	if o.kind == opUndo {
		return o.cmd.Undo(w)
	}
	return o.cmd.Apply(w)
}

// Session is one open workshop. Its methods are called from one goroutine (the UI's, or the
// command line's); with StartWriter, saving happens on a goroutine of its own.
type Session struct {
	lib     *store.Library
	id      int64
	model   *workshop.Workshop
	history workshop.History
	closed  bool

	mu       sync.Mutex // guards what the writer goroutine shares with the caller
	revision int64      // the stored revision that model, less the pending edits, reflects
	pending  []op       // applied to model, not yet saved, in order
	nextSeq  uint64
	writer   *writer // nil: every edit is saved before Do returns
}

// Open loads a workshop for editing.
func Open(lib *store.Library, id int64) (*Session, error) {
	w, revision, err := lib.LoadRevision(id)
	if err != nil {
		return nil, err
	}
	return &Session{lib: lib, id: id, model: w, revision: revision}, nil
}

// ID is the workshop's id in the library.
func (s *Session) ID() int64 { return s.id }

// Workshop is the model. It is replaced (not edited in place) when another writer's changes
// are taken in, so hold the Session, not the *Workshop.
func (s *Session) Workshop() *workshop.Workshop { return s.model }

// CanUndo, CanRedo, UndoLabel and RedoLabel describe the history, for menus and tooltips.
func (s *Session) CanUndo() bool     { return s.history.CanUndo() }
func (s *Session) CanRedo() bool     { return s.history.CanRedo() }
func (s *Session) UndoLabel() string { return s.history.UndoLabel() }
func (s *Session) RedoLabel() string { return s.history.RedoLabel() }

// refusal says why no edit can be made at all: the session is closed, or the library cannot
// be written (an edit applied on screen and never saved would be a lie).
func (s *Session) refusal() error {
	if s.closed {
		return ErrClosed
	}
	if s.lib.ReadOnly() {
		return store.ErrReadOnly
	}
	return nil
}

// Do applies one command as one undo step and saves it.
func (s *Session) Do(cmd workshop.Command) (workshop.Change, error) {
	if err := s.refusal(); err != nil {
		return workshop.Change{}, err
	}
	ch, err := s.history.Do(s.model, cmd)
	if err != nil {
		return ch, err
	}
	return ch, s.record(op{kind: opDo, cmd: cmd, change: ch})
}

// Undo reverts the last command of this session and saves that.
func (s *Session) Undo() (workshop.Change, error) {
	if err := s.refusal(); err != nil {
		return workshop.Change{}, err
	}
	cmd := s.history.Last()
	ch, err := s.history.Undo(s.model)
	if err != nil {
		return ch, err
	}
	return ch, s.record(op{kind: opUndo, cmd: cmd, change: ch})
}

// Redo applies the last undone command again and saves it.
func (s *Session) Redo() (workshop.Change, error) {
	if err := s.refusal(); err != nil {
		return workshop.Change{}, err
	}
	cmd := s.history.NextRedo()
	ch, err := s.history.Redo(s.model)
	if err != nil {
		return ch, err
	}
	return ch, s.record(op{kind: opRedo, cmd: cmd, change: ch})
}

// record queues an applied edit for saving; without a writer it is saved before returning.
func (s *Session) record(o op) error {
	s.mu.Lock()
	s.nextSeq++
	o.seq = s.nextSeq
	s.pending = append(s.pending, o)
	w := s.writer
	s.mu.Unlock()
	if w != nil {
		w.enqueue(o.seq, workshop.CopyRows(s.model, o.change))
		return nil
	}
	return s.flush()
}

// flush saves every pending edit on the caller's goroutine. When another writer got there
// first, the pending edits are replayed on the stored copy and saved inside one transaction,
// so that a busy second writer can never starve this one.
func (s *Session) flush() error {
	for {
		s.mu.Lock()
		if len(s.pending) == 0 {
			s.mu.Unlock()
			return nil
		}
		next, base := s.pending[0], s.revision
		s.mu.Unlock()
		revision, err := s.lib.Save(s.id, base, workshop.CopyRows(s.model, next.change))
		switch {
		case err == nil:
			s.acknowledge(next.seq, revision)
		case errors.Is(err, store.ErrStale):
			return s.saveReplayed()
		default:
			s.drop(next.seq)
			return err
		}
	}
}

// saveReplayed takes the stored copy in, replays the pending edits on it and saves them all,
// under the library's write lock. The first edit that no longer applied is the error.
func (s *Session) saveReplayed() error {
	var refused []error
	_, revision, err := s.lib.SaveReplayed(s.id, func(fresh *workshop.Workshop, revision int64) (*workshop.Rows, error) {
		refused = s.takeIn(fresh, revision)
		s.mu.Lock()
		var all workshop.Change
		for _, o := range s.pending {
			all = all.Union(o.change)
		}
		s.mu.Unlock()
		return workshop.CopyRows(s.model, all), nil
	})
	if err != nil {
		return err // the replayed edits stay pending on the fresh copy; the next save retries
	}
	s.mu.Lock()
	s.revision, s.pending = revision, nil
	s.mu.Unlock()
	if len(refused) > 0 {
		return refused[0]
	}
	return nil
}

// acknowledge marks the edit saved at the given revision.
func (s *Session) acknowledge(seq uint64, revision int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.revision = revision
	if len(s.pending) > 0 && s.pending[0].seq == seq {
		s.pending = s.pending[1:]
	}
}

// drop forgets an edit that could not be saved: it stays on screen, and the error says so.
func (s *Session) drop(seq uint64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, o := range s.pending {
		if o.seq == seq {
			s.pending = append(s.pending[:i:i], s.pending[i+1:]...)
			return
		}
	}
}

// takeIn makes a freshly loaded copy the model and replays the pending edits on it, in order.
// An edit that no longer applies is refused and forgotten by the history; the rest stay
// pending, with their changes as they came out on the fresh copy.
func (s *Session) takeIn(fresh *workshop.Workshop, revision int64) []error {
	s.mu.Lock()
	ops := s.pending
	s.mu.Unlock()
	var kept []op
	var refused []error
	for _, o := range ops {
		ch, err := o.applyTo(fresh)
		if err != nil {
			s.history.Forget(o.cmd)
			refused = append(refused, fmt.Errorf("%s no longer applies: the workshop was changed in another window or by leadline edit (%v)", o.cmd.Label(), err))
			continue
		}
		o.change = ch
		kept = append(kept, o)
	}
	s.mu.Lock()
	s.model, s.revision, s.pending = fresh, revision, kept
	s.mu.Unlock()
	return refused
}

// Close saves what is pending and stops the writer. Edits after Close return ErrClosed.
func (s *Session) Close() error {
	if s.closed {
		return nil
	}
	s.closed = true
	if s.writer != nil {
		s.writer.stop()
		s.mu.Lock()
		s.writer = nil
		s.mu.Unlock()
	}
	return s.flush()
}

// Refresh takes in another writer's changes now, when nothing of this session's is waiting to
// be saved: the command line calls it before reading each line, so that a line may name a
// stage another process just added.
func (s *Session) Refresh() error {
	s.mu.Lock()
	idle, base, async := len(s.pending) == 0, s.revision, s.writer != nil
	s.mu.Unlock()
	if !idle || async || s.closed {
		return nil
	}
	revision, err := s.lib.Revision(s.id)
	if err != nil || revision == base {
		return err
	}
	fresh, revision, err := s.lib.LoadRevision(s.id)
	if err != nil {
		return err
	}
	s.takeIn(fresh, revision)
	return nil
}
