package workshop

import (
	"strconv"
	"strings"
)

// Department is a built-in department with the colour its stage cards carry. Colours are
// "#rrggbb" so that the UI and the handout share them without importing image/color types.
type Department struct {
	Name   string
	Colour string
	Short  string // a label of at most four letters, so departments are told apart without colour
}

// Departments is the built-in list, ordered roughly from idea to customer.
var Departments = []Department{
	{"Marketing", "#e377c2", "MKT"},
	{"Sales", "#ff7f0e", "SAL"},
	{"Legal", "#8c564b", "LEG"},
	{"Finance", "#bcbd22", "FIN"},
	{"Procurement", "#9467bd", "PRC"},
	{"HR", "#f7b6d2", "HR"},
	{"Product", "#1f77b4", "PRD"},
	{"Project management", "#17becf", "PM"},
	{"Development", "#2ca02c", "DEV"},
	{"QA", "#98df8a", "QA"},
	{"Security", "#d62728", "SEC"},
	{"Operations", "#7f7f7f", "OPS"},
	{"Support", "#aec7e8", "SUP"},
	{"Customer", "#393b79", "CUS"},
}

// customPalette colours free-text departments; the colour is picked from the name, so one name
// keeps its colour across maps, sessions and the handout.
var customPalette = []string{"#6b6ecf", "#b5cf6b", "#cedb9c", "#e7ba52", "#ad494a", "#a55194", "#637939", "#843c39"}

// DepartmentColour returns the "#rrggbb" colour of a department, built-in or free text.
func DepartmentColour(name string) string {
	if d, ok := BuiltInDepartment(name); ok {
		return d.Colour
	}
	if strings.TrimSpace(name) == "" {
		return "#c7c7c7"
	}
	hash := uint32(2166136261)
	for _, b := range []byte(strings.ToLower(strings.TrimSpace(name))) {
		hash = (hash ^ uint32(b)) * 16777619
	}
	return customPalette[hash%uint32(len(customPalette))]
}

// DepartmentShort returns a short label for a department, built-in or free text.
func DepartmentShort(name string) string {
	if d, ok := BuiltInDepartment(name); ok {
		return d.Short
	}
	r := []rune(strings.ToUpper(strings.TrimSpace(name)))
	if len(r) > 3 {
		r = r[:3]
	}
	return string(r)
}

// BuiltInDepartment finds a built-in department by name, ignoring case.
func BuiltInDepartment(name string) (Department, bool) {
	for _, d := range Departments {
		if strings.EqualFold(d.Name, strings.TrimSpace(name)) {
			return d, true
		}
	}
	return Department{}, false
}

// ColourRGB reads a "#rrggbb" colour such as DepartmentColour returns. Anything else gives the
// neutral grey of a stage without department: a bad colour must never stop a card, a panel or
// a handout from drawing.
func ColourRGB(hex string) (r, g, b uint8) {
	hex = strings.TrimPrefix(strings.TrimSpace(hex), "#")
	if len(hex) != 6 {
		return 0xc7, 0xc7, 0xc7
	}
	v, err := strconv.ParseUint(hex, 16, 32)
	if err != nil {
		return 0xc7, 0xc7, 0xc7
	}
	return uint8(v >> 16), uint8(v >> 8), uint8(v)
}
