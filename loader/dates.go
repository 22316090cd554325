package loader

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Dates in news copy are mostly relative to the day the article was
// written: "yesterday", "on Thursday", "last week". resolveDate turns such
// an expression into an ISO 8601 date against that day (the anchor):
// a day "2006-02-22", a week "2006-W07", a month "2006-02" or a year
// "2006". A weekday is the last such day on or before the anchor, or the
// next one after it when the clause speaks of the future; a month and day
// without a year is in the anchor's year, or the year before when that
// would put a past event after the article. Expressions it cannot place
// ("recently", "in the summer") give "".

var (
	weekdays = map[string]time.Weekday{"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday,
		"wednesday": time.Wednesday, "thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday}
	months = map[string]time.Month{"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
		"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
		"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}
	dayNumber = regexp.MustCompile(`^(\d{1,2})(st|nd|rd|th)?$`)
	yearWord  = regexp.MustCompile(`^(1[89]|20)\d\d$`)
)

// resolveDate places a time expression against anchor (UTC midnight of
// the article's day); future says the clause speaks of what is to come.
func resolveDate(expr string, anchor time.Time, future bool) string {
	if anchor.IsZero() {
		if y := yearOnly(expr); y != "" {
			return y
		}
		return ""
	}
	words := strings.Fields(strings.ToLower(stopsToSpaces.Replace(expr)))
	for len(words) > 0 && (words[0] == "on" || words[0] == "in" || words[0] == "at" || words[0] == "the" || words[0] == "during" || words[0] == "by") {
		words = words[1:]
	}
	if len(words) == 0 {
		return ""
	}
	day := func(t time.Time) string { return t.Format("2006-01-02") }
	switch strings.Join(words, " ") {
	case "today", "tonight", "this morning", "this afternoon", "this evening":
		return day(anchor)
	case "yesterday", "last night":
		return day(anchor.AddDate(0, 0, -1))
	case "tomorrow":
		return day(anchor.AddDate(0, 0, 1))
	case "this week":
		return isoWeek(anchor)
	case "last week", "past week", "this past week":
		return isoWeek(anchor.AddDate(0, 0, -7))
	case "next week":
		return isoWeek(anchor.AddDate(0, 0, 7))
	case "this month":
		return anchor.Format("2006-01")
	case "last month", "past month":
		return anchor.AddDate(0, -1, 0).Format("2006-01")
	case "next month":
		return anchor.AddDate(0, 1, 0).Format("2006-01")
	case "this year":
		return anchor.Format("2006")
	case "last year", "past year":
		return anchor.AddDate(-1, 0, 0).Format("2006")
	case "next year":
		return anchor.AddDate(1, 0, 0).Format("2006")
	}
	// "Thursday", "last Thursday", "this Thursday", "next Thursday",
	// "Thursday night", "Thursday, February 23, 2006"
	rest := words
	shift := ""
	if rest[0] == "last" || rest[0] == "this" || rest[0] == "next" || rest[0] == "past" {
		shift, rest = rest[0], rest[1:]
	}
	if len(rest) > 0 {
		if wd, ok := weekdays[rest[0]]; ok {
			if d := explicitDate(rest[1:], anchor, future); d != "" {
				return d
			}
			switch {
			case shift == "next" || shift == "" && future:
				return day(nextWeekday(anchor, wd))
			default:
				return day(lastWeekday(anchor, wd))
			}
		}
	}
	if shift != "" {
		return ""
	}
	return explicitDate(words, anchor, future)
}

// explicitDate reads "February 23, 2006", "23 February 2006", "February
// 23", "February 2006", "February", "2006".
func explicitDate(words []string, anchor time.Time, future bool) string {
	if len(words) == 0 {
		return ""
	}
	var (
		m    time.Month
		d, y int
	)
	for _, w := range words {
		switch {
		case months[w] != 0 && m == 0:
			m = months[w]
		case dayNumber.MatchString(w) && d == 0 && !yearWord.MatchString(w):
			d, _ = strconv.Atoi(dayNumber.FindStringSubmatch(w)[1])
		case yearWord.MatchString(w) && y == 0:
			y, _ = strconv.Atoi(w)
		case w == "of" || w == "the" || w == "night" || w == "morning" || w == "afternoon" || w == "evening":
		default:
			return ""
		}
	}
	switch {
	case m == 0 && d == 0 && y != 0:
		return fmt.Sprintf("%04d", y)
	case m == 0:
		return ""
	case d == 0 && y != 0:
		return fmt.Sprintf("%04d-%02d", y, m)
	case d == 0:
		y = anchor.Year()
		if !future && m > anchor.Month() {
			y-- // "in September", written in February: last September
		} else if future && m < anchor.Month() {
			y++
		}
		return fmt.Sprintf("%04d-%02d", y, m)
	case d > 31:
		return ""
	}
	if y == 0 {
		y = anchor.Year()
		t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
		if !future && t.After(anchor.AddDate(0, 0, 7)) {
			y--
		} else if future && t.Before(anchor.AddDate(0, 0, -7)) {
			y++
		}
	}
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if t.Month() != m {
		return "" // "February 30"
	}
	return t.Format("2006-01-02")
}

// yearOnly is the year an expression names outright, or "".
func yearOnly(expr string) string {
	for _, w := range strings.Fields(strings.Trim(expr, ".,")) {
		if yearWord.MatchString(w) {
			return w
		}
	}
	return ""
}

func isoWeek(t time.Time) string {
	y, w := t.ISOWeek()
	return fmt.Sprintf("%04d-W%02d", y, w)
}

// lastWeekday is the last day wd on or before t.
func lastWeekday(t time.Time, wd time.Weekday) time.Time {
	return t.AddDate(0, 0, -((int(t.Weekday()) - int(wd) + 7) % 7))
}

// nextWeekday is the first day wd after t (t itself when it is wd).
func nextWeekday(t time.Time, wd time.Weekday) time.Time {
	return t.AddDate(0, 0, (int(wd)-int(t.Weekday())+7)%7)
}

// parseDateLine reads a line that is a date only, as news articles open
// with ("Thursday, February 23, 2006", "February 23, 2006", "23 February
// 2006"): the day, and whether the line was one.
func parseDateLine(text string) (time.Time, bool) {
	words := strings.Fields(strings.ToLower(stopsToSpaces.Replace(text)))
	if len(words) > 0 {
		if _, ok := weekdays[words[0]]; ok {
			words = words[1:]
		}
	}
	if len(words) != 3 || yearOnly(strings.Join(words, " ")) == "" {
		return time.Time{}, false
	}
	d := explicitDate(words, time.Time{}, false)
	if len(d) != len("2006-01-02") {
		return time.Time{}, false
	}
	t, err := time.Parse("2006-01-02", d)
	return t, err == nil
}

// stopsToSpaces turns commas and full stops into spaces (one Replacer for
// all calls: building one costs far more than a replacement).
var stopsToSpaces = strings.NewReplacer(",", " ", ".", " ")
