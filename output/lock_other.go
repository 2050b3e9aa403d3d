//go:build !unix

package output

import "os"

// lockFile fails with errNoLocks: without flock a run cannot tell a stale
// temporary directory from one in use, so none is removed.
func lockFile(*os.File) error { return errNoLocks }
