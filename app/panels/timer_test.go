package panels

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
)

func TestTimerCountsDownPausesResetsAndFinishesOnce(t *testing.T) {
	test.NewTempApp(t)
	now := time.Date(2025, 3, 14, 9, 0, 0, 0, time.UTC)
	timer := NewTimer()
	timer.TickEvery = 0
	timer.Now = func() time.Time { return now }
	finished := 0
	timer.OnFinished = func() { finished++ }
	timer.SetPreset(5 * time.Minute)

	steps := []struct {
		name      string
		do        func()
		advance   time.Duration
		remaining time.Duration
		clock     string
		finished  int
	}{
		{"start", timer.Start, 2*time.Minute + 500*time.Millisecond, 2*time.Minute + 59500*time.Millisecond, "03:00", 0},
		{"pause", timer.Pause, 10 * time.Minute, 2*time.Minute + 59500*time.Millisecond, "03:00", 0},
		{"resume", timer.Start, time.Minute, time.Minute + 59500*time.Millisecond, "02:00", 0},
		{"reach zero", func() {}, 5 * time.Minute, 0, "00:00", 1},
		{"tick after zero", func() {}, time.Second, 0, "00:00", 1},
		{"reset", timer.Reset, time.Minute, 5 * time.Minute, "05:00", 1},
		{"preset", func() { timer.SetPreset(25 * time.Minute) }, 0, 25 * time.Minute, "25:00", 1},
	}
	for _, s := range steps {
		s.do()
		now = now.Add(s.advance)
		timer.Tick()
		if got := timer.Remaining(); got != s.remaining {
			t.Errorf("%s: remaining %v, want %v", s.name, got, s.remaining)
		}
		if timer.clock.Text != s.clock || finished != s.finished {
			t.Errorf("%s: clock %q, finished %d times; want %q, %d", s.name, timer.clock.Text, finished, s.clock, s.finished)
		}
		if s.name == "reach zero" && !timer.Flashing() {
			t.Error("at zero the timer should flash")
		}
		if s.name == "reset" && timer.Flashing() {
			t.Error("after reset the timer should stop flashing")
		}
	}
}
