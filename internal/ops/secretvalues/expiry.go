package secretvalues

import (
	"fmt"
	"regexp"
	"strconv"
	"time"
)

var expiryRe = regexp.MustCompile(`^(\d+)(y|d|h)$`)

// MaxJWTExpiry caps --jwt-expiry: keys are revoked only by rotating the JWT
// secret, so an unbounded lifetime is never what an operator means.
const MaxJWTExpiry = 20 * 365 * 24 * time.Hour

// ParseExpiry reads a key lifetime such as "5y", "90d" or "36h" (a year is
// 365 days). "m" is refused: minutes or months would be a guess.
func ParseExpiry(s string) (time.Duration, error) {
	m := expiryRe.FindStringSubmatch(s)
	if m == nil {
		return 0, fmt.Errorf("--jwt-expiry %q: want <number><y|d|h>, e.g. 5y", s)
	}
	n, err := strconv.Atoi(m[1])
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("--jwt-expiry %q: must be positive", s)
	}
	unit := map[string]time.Duration{"y": 365 * 24 * time.Hour, "d": 24 * time.Hour, "h": time.Hour}[m[2]]
	d := time.Duration(n) * unit
	if d > MaxJWTExpiry || d/unit != time.Duration(n) {
		return 0, fmt.Errorf("--jwt-expiry %q: longer than the 20y maximum", s)
	}
	return d, nil
}
