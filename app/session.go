package app

import (
	"leadline.app/leadline/workshop"
	edit "leadline.app/leadline/workshop/session"
	"leadline.app/leadline/workshop/store"
)

// session is the open workshop as the window sees it: the edit session (the one write path,
// shared with `leadline edit`) and the map on screen. It holds no widgets, so its rules are
// tested without a window.
type session struct {
	edits *edit.Session
	mapID string
}

// openSession loads a workshop for editing and starts its writer: edits return at once, are
// saved in order off the UI goroutine, and another process's edits are noticed within a
// second. onError and onReload run on the UI goroutine.
func openSession(lib *store.Library, id int64, runOnUI func(func()), onError func(error), onReload func(refused []error)) (*session, error) {
	edits, err := edit.Open(lib, id)
	if err != nil {
		return nil, err
	}
	s := &session{edits: edits}
	if len(s.workshop().Maps) > 0 {
		s.mapID = s.workshop().Maps[0].ID
	}
	edits.StartWriter(edit.Writer{
		Post:     runOnUI,
		OnError:  onError,
		OnReload: onReload,
	})
	return s, nil
}

// workshop is the model on screen. The edit session swaps it (never edits it in place) when
// another writer's changes are taken in; onReload then redraws everything from the new one.
func (s *session) workshop() *workshop.Workshop { return s.edits.Workshop() }

// currentMap returns the map on screen, or nil for a workshop without maps.
func (s *session) currentMap() *workshop.Map {
	if m := s.workshop().MapByID(s.mapID); m != nil {
		return m
	}
	if len(s.workshop().Maps) > 0 {
		s.mapID = s.workshop().Maps[0].ID
		return s.workshop().Maps[0]
	}
	return nil
}

// metrics computes the figures of the map on screen.
func (s *session) metrics() (*workshop.Metrics, error) {
	m := s.currentMap()
	if m == nil {
		return nil, nil
	}
	return s.workshop().Compute(m)
}

func (s *session) apply(cmd workshop.Command) (workshop.Change, error) { return s.edits.Do(cmd) }
func (s *session) undo() (workshop.Change, error)                      { return s.edits.Undo() }
func (s *session) redo() (workshop.Change, error)                      { return s.edits.Redo() }

// close saves what is queued; edits after it are refused with an error, never a panic.
func (s *session) close() error { return s.edits.Close() }
