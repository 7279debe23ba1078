package app

import (
	"leadline.app/leadline/workshop"
)

// session is one open workshop: the model, its undo history and the map on screen. It holds
// no widgets, so its rules (every edit saved, undo everywhere) are tested without a window.
type session struct {
	workshopID int64
	workshop   *workshop.Workshop
	history    workshop.History
	mapID      string
	saver      *autosaver
}

func newSession(id int64, w *workshop.Workshop, saver *autosaver) *session {
	s := &session{workshopID: id, workshop: w, saver: saver}
	if len(w.Maps) > 0 {
		s.mapID = w.Maps[0].ID
	}
	return s
}

// currentMap returns the map on screen, or nil for a workshop without maps.
func (s *session) currentMap() *workshop.Map {
	if m := s.workshop.MapByID(s.mapID); m != nil {
		return m
	}
	if len(s.workshop.Maps) > 0 {
		s.mapID = s.workshop.Maps[0].ID
		return s.workshop.Maps[0]
	}
	return nil
}

// metrics computes the figures of the map on screen.
func (s *session) metrics() (*workshop.Metrics, error) {
	m := s.currentMap()
	if m == nil {
		return nil, nil
	}
	return s.workshop.Compute(m)
}

// apply runs one edit, pushes it on the undo stack and queues it for autosave.
func (s *session) apply(cmd workshop.Command) (workshop.Change, error) {
	ch, err := s.history.Do(s.workshop, cmd)
	if err != nil {
		return ch, err
	}
	s.saver.save(s.workshopID, s.workshop, ch)
	return ch, nil
}

func (s *session) undo() (workshop.Change, error) {
	ch, err := s.history.Undo(s.workshop)
	if err == nil {
		s.saver.save(s.workshopID, s.workshop, ch)
	}
	return ch, err
}

func (s *session) redo() (workshop.Change, error) {
	ch, err := s.history.Redo(s.workshop)
	if err == nil {
		s.saver.save(s.workshopID, s.workshop, ch)
	}
	return ch, err
}
