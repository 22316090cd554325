package kg

import (
	"strings"
	"testing"
	"time"
)

// A date in year 1 is refused: it is the zero time, which means no date,
// so it used to be accepted and then dropped without a word.
func TestParseDate(t *testing.T) {
	for _, tc := range []struct{ in, want, err string }{
		{"2024-05-06", "2024-05-06T00:00:00Z", ""},
		{"2024-05-06T10:00:00+02:00", "2024-05-06T08:00:00Z", ""},
		{"0001-01-01", "", "year 1"},
		{"0001-01-01T00:00:00Z", "", "year 1"},
		{"yesterday", "", "not an RFC 3339 date"},
	} {
		t.Run(tc.in, func(t *testing.T) {
			got, err := ParseDate(tc.in)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Errorf("error %v, want one with %q", err, tc.err)
				}
				return
			}
			if err != nil || got.Format(time.RFC3339) != tc.want {
				t.Errorf("got %s, %v; want %s", got.Format(time.RFC3339), err, tc.want)
			}
		})
	}
}
