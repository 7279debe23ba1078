package workshop

import "reflect"

// mergeEdit returns current with every field that edit changed against base. An edit form sends
// whole records (every field of a stage, every field of the workshop); replayed after another
// writer's save, it must change only what its user changed, not write back the other fields as
// they were when the form was filled.
func mergeEdit[T any](current, base, edit T) T {
	out := current
	o, b, e := reflect.ValueOf(&out).Elem(), reflect.ValueOf(base), reflect.ValueOf(edit)
	for i := 0; i < o.NumField(); i++ {
		if !reflect.DeepEqual(b.Field(i).Interface(), e.Field(i).Interface()) {
			o.Field(i).Set(e.Field(i))
		}
	}
	return out
}
