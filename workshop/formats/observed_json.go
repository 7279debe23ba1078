package formats

import "leadline.app/leadline/workshop"

// ObservedJSON is the lead time measured over an event log's completed items; Leadline JSON
// carries it on such a map too.
type ObservedJSON struct {
	Items      int     `json:"items"`
	P50Minutes float64 `json:"p50Minutes"`
	P85Minutes float64 `json:"p85Minutes"`
	P95Minutes float64 `json:"p95Minutes"`
}

func observedJSON(o *workshop.Observed) *ObservedJSON {
	if o == nil {
		return nil
	}
	return &ObservedJSON{Items: o.Items, P50Minutes: o.P50, P85Minutes: o.P85, P95Minutes: o.P95}
}

func (o *ObservedJSON) model() *workshop.Observed {
	if o == nil {
		return nil
	}
	return &workshop.Observed{Items: o.Items, P50: o.P50Minutes, P85: o.P85Minutes, P95: o.P95Minutes}
}
