// Command leadline is the Leadline app and its command line in one binary: with no
// subcommand it opens the window; `metrics`, `import`, `list` and `export` work without a
// display, over SSH and in CI.
package main

import (
	"fmt"
	"os"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "leadline: "+errorLine(err))
		os.Exit(exitCode(err))
	}
}
