package app

import "leadline.app/leadline/workshop"

// forecaster runs the Monte Carlo forecast of the map on screen off the UI goroutine: 10,000
// trials take tens of milliseconds on a 50-stage map and far more on a large one, too long to
// hold up typing. Only the newest request matters, so a request still waiting is replaced,
// and a result that arrives after a newer request is dropped.
type forecaster struct {
	show       func(*workshop.Forecast) // called on the UI goroutine; nil: the map has no ranges
	toUI       func(func())             // the app's hop to the UI goroutine (fyne.Do, or a test's queue)
	generation int                      // touched on the UI goroutine only
	jobs       chan forecastJob         // capacity 1: the one request waiting
	done       chan struct{}
}

type forecastJob struct {
	generation int
	m          *workshop.Map // a copy: the model keeps changing on the UI goroutine
}

func newForecaster(show func(*workshop.Forecast), toUI func(func())) *forecaster {
	f := &forecaster{show: show, toUI: toUI, jobs: make(chan forecastJob, 1), done: make(chan struct{})}
	go f.work()
	return f
}

// request forecasts m, or clears the forecast at once when m has no ranges. Call it on the UI
// goroutine.
func (f *forecaster) request(m *workshop.Map) {
	f.generation++
	if m == nil || !m.HasRanges() {
		f.show(nil)
		return
	}
	select {
	case <-f.jobs: // a request the worker has not started is stale now
	default:
	}
	f.jobs <- forecastJob{generation: f.generation, m: m.Clone()}
}

func (f *forecaster) work() {
	for {
		select {
		case <-f.done:
			return
		case job := <-f.jobs:
			result, err := job.m.Forecast(workshop.DefaultTrials, workshop.DefaultSeed)
			if err != nil {
				result = nil // a loop: the metrics bar already says so
			}
			f.toUI(func() {
				if job.generation == f.generation {
					f.show(result)
				}
			})
		}
	}
}

// close stops the worker; a forecast already running finishes and is dropped.
func (f *forecaster) close() {
	select {
	case <-f.done:
	default:
		close(f.done)
	}
}
