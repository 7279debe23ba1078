// Command leadline is the Leadline app and its command line in one binary: with no
// subcommand it opens the window; `metrics`, `import`, `list` and `export` work without a
// display, over SSH and in CI.
package main

import (
	"os"
)

func main() {
	attachConsole(os.Args[1:])
	if err := run(os.Args[1:]); err != nil {
		printError(err)
		os.Exit(exitCode(err))
	}
}
