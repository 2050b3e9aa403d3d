package gen

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// ParseSize parses a byte size: plain bytes ("1048576"), or a number with a
// decimal unit (KB, MB, GB, TB: powers of 1000) or a binary one (KiB, MiB,
// GiB, TiB: powers of 1024). Units are case-insensitive; "K", "M", "G", "T"
// alone are decimal, a trailing "B" is optional, spaces around the unit are
// allowed, and the number may have a fraction ("1.5GB").
func ParseSize(s string) (int64, error) {
	in := s
	s = strings.TrimSpace(s)
	i := 0
	for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '.') {
		i++
	}
	num, unit := s[:i], strings.ToLower(strings.TrimSpace(s[i:]))
	if num == "" {
		return 0, fmt.Errorf("size %q: no number", in)
	}
	v, err := strconv.ParseFloat(num, 64)
	if err != nil {
		return 0, fmt.Errorf("size %q: %w", in, err)
	}
	mult := float64(1)
	switch unit {
	case "", "b":
	case "k", "kb":
		mult = 1e3
	case "m", "mb":
		mult = 1e6
	case "g", "gb":
		mult = 1e9
	case "t", "tb":
		mult = 1e12
	case "ki", "kib":
		mult = 1 << 10
	case "mi", "mib":
		mult = 1 << 20
	case "gi", "gib":
		mult = 1 << 30
	case "ti", "tib":
		mult = 1 << 40
	default:
		return 0, fmt.Errorf("size %q: unknown unit %q (use KB, MB, GB, TB, KiB, MiB, GiB, TiB)", in, s[i:])
	}
	x := v * mult
	if x < 1 || x > math.MaxInt64/2 {
		return 0, fmt.Errorf("size %q: out of range", in)
	}
	return int64(math.Round(x)), nil
}
