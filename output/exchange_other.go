//go:build !linux

package output

// exchange returns errNoExchange: only Linux swaps two directories in one
// step here; elsewhere the previous dataset is moved aside first.
func exchange(a, b string) error { return errNoExchange }
