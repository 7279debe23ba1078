package workshop_test

import (
	"testing"

	"leadline.app/leadline/workshop"
)

func TestSplitDepartmentTag(t *testing.T) {
	known := []string{"Marketing", "Sales", "Finance", "QA", "Quality circle"}
	tests := []struct {
		text, rest, department string
		ok                     bool
	}{
		{"Budget approval @fin 2h 3w", "Budget approval 2h 3w", "Finance", true},
		{"@Sales Qualify lead", "Qualify lead", "Sales", true},
		{"Regression @qa", "Regression", "QA", true},                        // exact beats nothing: QA comes first
		{"Kaizen @qual", "Kaizen", "Quality circle", true},                  // "qual" is not the start of "QA"
		{"Move desks @Facilities 1d", "Move desks 1d", "Facilities", true},  // a new department, as typed
		{"Mail someone@example.com", "Mail someone@example.com", "", false}, // not a word starting with @
		{"@Finance", "@Finance", "", false},                                 // would leave no name
		{"Plain name 2h", "Plain name 2h", "", false},
		{"Two @Sales tags @QA", "Two @Sales tags", "QA", true}, // the last tag counts
	}
	for _, tt := range tests {
		rest, department, ok := workshop.SplitDepartmentTag(tt.text, known)
		if rest != tt.rest || department != tt.department || ok != tt.ok {
			t.Errorf("SplitDepartmentTag(%q) = %q, %q, %v; want %q, %q, %v", tt.text, rest, department, ok, tt.rest, tt.department, tt.ok)
		}
	}
}
