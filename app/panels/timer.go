package panels

import (
	"fmt"
	"image/color"
	"math"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

var _ fyne.Widget = (*Timer)(nil)

// TimerPresets are the timeboxes offered as one-tap buttons.
var TimerPresets = []time.Duration{5 * time.Minute, 10 * time.Minute, 15 * time.Minute, 25 * time.Minute}

const (
	timerTick     = 200 * time.Millisecond // fine enough that the seconds never skip
	timerFlashFor = 10 * time.Second       // flash this long at zero, then stay red
)

// Timer is the workshop timer for timeboxed exercises. At zero its background flashes red
// and OnFinished is called once.
//
// Now is the clock and TickEvery the ticker period; tests replace Now, set TickEvery to 0 (no
// ticker goroutine) and call Tick themselves instead of sleeping.
type Timer struct {
	widget.BaseWidget
	OnFinished func()
	// OnUpdate is called on the UI goroutine whenever the clock or its state changes, for
	// other views of the same timer (the room view's corner overlay).
	OnUpdate  func()
	Now       func() time.Time
	TickEvery time.Duration

	budget     time.Duration // the timebox
	used       time.Duration // time run before the current start
	startedAt  time.Time
	running    bool
	finished   bool
	finishedAt time.Time
	stopTicker chan struct{}

	clock      *canvas.Text
	background *canvas.Rectangle
	startPause *widget.Button
	large      bool
}

// NewTimer returns a timer set to the first preset, stopped.
func NewTimer() *Timer {
	t := &Timer{Now: time.Now, TickEvery: timerTick, budget: TimerPresets[0],
		clock:      newText("", 48, true),
		background: canvas.NewRectangle(color.Transparent)}
	t.clock.Alignment = fyne.TextAlignCenter
	t.background.CornerRadius = 8
	t.startPause = widget.NewButtonWithIcon("Start", theme.MediaPlayIcon(), t.toggle)
	t.startPause.Importance = widget.HighImportance
	t.ExtendBaseWidget(t)
	t.show()
	return t
}

// CreateRenderer is part of fyne.Widget.
func (t *Timer) CreateRenderer() fyne.WidgetRenderer {
	presets := make([]fyne.CanvasObject, len(TimerPresets))
	for i, d := range TimerPresets {
		presets[i] = widget.NewButton(fmt.Sprintf("%d min", int(d.Minutes())), func() { t.SetPreset(d) })
	}
	reset := widget.NewButtonWithIcon("Reset", theme.MediaReplayIcon(), t.Reset)
	controls := container.NewGridWithColumns(2, t.startPause, reset)
	content := container.NewStack(t.background, container.NewPadded(container.NewVBox(
		t.clock, controls, container.NewGridWithColumns(len(presets), presets...))))
	return &themedRenderer{content: content, restyle: t.restyle}
}

// SetLarge switches to a clock readable from the back of the room.
func (t *Timer) SetLarge(on bool) {
	t.large = on
	t.Refresh()
}

// Remaining is the time left in the timebox, never below zero.
func (t *Timer) Remaining() time.Duration {
	left := t.budget - t.used
	if t.running {
		left -= t.Now().Sub(t.startedAt)
	}
	return max(left, 0)
}

// Start runs the timer; after zero it starts the timebox again.
func (t *Timer) Start() {
	if t.running {
		return
	}
	if t.finished || t.Remaining() == 0 {
		t.used, t.finished = 0, false
	}
	t.running, t.startedAt = true, t.Now()
	t.startTicker()
	t.show()
}

// Pause stops the countdown, keeping the time left.
func (t *Timer) Pause() {
	if !t.running {
		return
	}
	t.used += t.Now().Sub(t.startedAt)
	t.running = false
	t.stopTicking()
	t.show()
}

// Toggle starts a stopped timer and pauses a running one: one key for the facilitator.
func (t *Timer) Toggle() {
	if t.running {
		t.Pause()
	} else {
		t.Start()
	}
}

// Running tells whether the countdown is going.
func (t *Timer) Running() bool { return t.running }

// Reset stops the timer and fills the timebox again.
func (t *Timer) Reset() {
	t.running, t.finished, t.used = false, false, 0
	t.stopTicking()
	t.show()
}

// SetPreset chooses a new timebox and resets to it.
func (t *Timer) SetPreset(d time.Duration) {
	t.budget = max(d, 0)
	t.Reset()
}

// Tick reads the clock and updates the display; at zero it stops, signals and calls
// OnFinished once. The ticker calls it on the UI goroutine; tests call it directly.
func (t *Timer) Tick() {
	if t.running && t.Remaining() == 0 {
		t.used, t.running = t.budget, false
		t.finished, t.finishedAt = true, t.Now()
		t.show()
		if t.OnFinished != nil {
			t.OnFinished()
		}
		return
	}
	if t.finished && t.Now().Sub(t.finishedAt) > timerFlashFor+timerTick {
		t.stopTicking() // the flashing is over; the background stays red until reset
	}
	t.show()
}

func (t *Timer) toggle() {
	if t.running {
		t.Pause()
	} else {
		t.Start()
	}
}

// startTicker drives Tick from a goroutine. It keeps running after zero so the red flash can
// blink; UI updates go through fyne.Do as Fyne 2.6+ requires.
func (t *Timer) startTicker() {
	t.stopTicking()
	if t.TickEvery <= 0 {
		return
	}
	every := t.TickEvery
	stop := make(chan struct{})
	t.stopTicker = stop
	go func() {
		ticker := time.NewTicker(every)
		defer ticker.Stop()
		for {
			select {
			case <-stop:
				return
			case <-ticker.C:
				fyne.Do(func() {
					if t.stopTicker == stop {
						t.Tick()
					}
				})
			}
		}
	}()
}

func (t *Timer) stopTicking() {
	if t.stopTicker != nil {
		close(t.stopTicker)
		t.stopTicker = nil
	}
}

// show writes the clock and button text and redraws.
func (t *Timer) show() {
	t.clock.Text = t.Clock()
	if t.running {
		t.startPause.SetText("Pause")
		t.startPause.SetIcon(theme.MediaPauseIcon())
	} else {
		t.startPause.SetText("Start")
		t.startPause.SetIcon(theme.MediaPlayIcon())
	}
	t.Refresh()
	if t.OnUpdate != nil {
		t.OnUpdate()
	}
}

// Clock is the time left as the timer shows it, "mm:ss", rounded up so 00:00 means done.
func (t *Timer) Clock() string {
	seconds := int(math.Ceil(t.Remaining().Seconds()))
	return fmt.Sprintf("%02d:%02d", seconds/60, seconds%60)
}

// Finished tells whether the timebox ran out; it stays so until the timer is reset or started.
func (t *Timer) Finished() bool { return t.finished }

// Flashing tells whether the zero signal is showing its red background right now.
func (t *Timer) Flashing() bool {
	if !t.finished {
		return false
	}
	since := t.Now().Sub(t.finishedAt)
	if since > timerFlashFor {
		return true // steady red once the blinking is over
	}
	return int(since/(500*time.Millisecond))%2 == 0
}

func (t *Timer) restyle() {
	t.clock.TextSize = 48
	if t.large {
		t.clock.TextSize = 120
	}
	t.clock.Color = theme.Color(theme.ColorNameForeground)
	t.background.FillColor = color.Transparent
	if t.Flashing() {
		t.background.FillColor = theme.Color(theme.ColorNameError)
		t.clock.Color = theme.Color(theme.ColorNameForegroundOnError)
	} else if t.finished {
		t.clock.Color = theme.Color(theme.ColorNameError)
	}
}
