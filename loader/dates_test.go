package loader

import (
	"testing"
	"time"
)

func TestResolveDate(t *testing.T) {
	thu := time.Date(2006, 2, 23, 0, 0, 0, 0, time.UTC) // a Thursday
	tests := []struct {
		expr   string
		future bool
		want   string
	}{
		{"yesterday", false, "2006-02-22"},
		{"today", false, "2006-02-23"},
		{"tomorrow", true, "2006-02-24"},
		{"on Monday", false, "2006-02-20"},
		{"Thursday", false, "2006-02-23"},
		{"on Friday", false, "2006-02-17"},
		{"on Friday", true, "2006-02-24"},
		{"next Monday", false, "2006-02-27"},
		{"last Monday", false, "2006-02-20"},
		{"Saturday night", false, "2006-02-18"},
		{"last week", false, "2006-W07"},
		{"this week", false, "2006-W08"},
		{"last month", false, "2006-01"},
		{"last year", false, "2005"},
		{"in 2010", false, "2010"},
		{"September 2010", false, "2010-09"},
		{"in September", false, "2005-09"},
		{"on September 24", false, "2005-09-24"},
		{"February 20", false, "2006-02-20"},
		{"March 1", false, "2006-03-01"}, // within a week after: this year
		{"December 24", true, "2006-12-24"},
		{"January 5", true, "2007-01-05"},
		{"24 September 2010", false, "2010-09-24"},
		{"Monday, May 6, 2024", false, "2024-05-06"},
		{"February 30", false, ""},
		{"recently", false, ""},
		{"the summer", false, ""},
		{"last Tuesdays", false, ""},
	}
	for _, tc := range tests {
		t.Run(tc.expr, func(t *testing.T) {
			if got := resolveDate(tc.expr, thu, tc.future); got != tc.want {
				t.Errorf("resolveDate(%q, future %v) = %q, want %q", tc.expr, tc.future, got, tc.want)
			}
		})
	}
	if got := resolveDate("on Monday", time.Time{}, false); got != "" {
		t.Errorf("no anchor: %q, want nothing", got)
	}
	if got := resolveDate("in 2010", time.Time{}, false); got != "2010" {
		t.Errorf("a year needs no anchor: %q", got)
	}
}

func TestParseDateLine(t *testing.T) {
	for _, tc := range []struct {
		line string
		want string
	}{
		{"Thursday, February 23, 2006", "2006-02-23"},
		{"February 23, 2006", "2006-02-23"},
		{"23 February 2006", "2006-02-23"},
		{"Friday, July 21, 2017", "2017-07-21"},
		{"Thursday, February 23", ""},
		{"Almost half of all children", ""},
		{"Monday, 2006", ""},
	} {
		d, ok := parseDateLine(tc.line)
		got := ""
		if ok {
			got = d.Format("2006-01-02")
		}
		if got != tc.want {
			t.Errorf("parseDateLine(%q) = %q, want %q", tc.line, got, tc.want)
		}
	}
}
