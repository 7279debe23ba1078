package formats

// What each format holds, as this package reads it. The README's section on Leadline JSON
// follows this text.
//
// Leadline JSON (the exchange format; ExportLeadline writes it):
//
//	{"name", "facilitator", "date", "participants": [..], "notes",
//	 "calendar": {"hoursPerDay", "daysPerWeek"},
//	 "maps": [{"name", "state", "baseline",
//	           "stages": [{"id", "name", "department", "process", "wait", "ca", "people", "notes", "x", "y"}],
//	           "flows":  [{"from", "to", "rework", "reworkPercent"}],
//	           "ideas":  [{"stage", "text", "owner"}]}]}
//
//   - process and wait: a number of minutes, or a duration such as "90m", "1.5h", "2d 4h",
//     "1w", read with the file's calendar (default 8 hours a day, 5 days a week). Export
//     writes minutes.
//   - ca: %C&A from 0 to 100; left out (or null) when not recorded, and export leaves it out.
//   - state: current (the default) or future; baseline names the map a future state improves.
//   - Map ids are not in the file: maps become m1, m2, … in file order. A stage without an id
//     gets a fresh one; flows and ideas may name such a stage by its (unique) name.
//   - Shorthand: stages, flows and ideas at the top level, without maps, make one current
//     map named after the workshop.
//   - Unknown keys are ignored; a value of the wrong type is an error naming the field.
//
// Norn JSON (github.com/bdfinst/vsm-workshop, "Export JSON"): {"id", "name", "description",
// "steps", "connections", "createdAt", "updatedAt"}. Steps: id, name, type, description,
// processTime and leadTime in minutes (lead includes process, so wait = lead − process),
// percentCompleteAccurate, peopleCount, position {x, y}; queueSize, batchSize and tools are
// ignored. Step types planning, development, code_review, testing, qa, staging, deployment
// and monitoring become the departments Product, Development, QA and Operations. Connections:
// source, target, type (forward | rework), reworkRate 0–100. Step ids are kept.
//
// timemap CSV (github.com/ak15199/timemap): rows of stage, lead time, process time, %C&A, in
// hours; lines starting with "#" are comments; fields may be quoted with "|" (timemap's
// quote character) or with double quotes; %C&A 0 means not recorded. The stages form a
// chain in file order; the workshop takes the file's name.
