package config

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

var weekdays = []string{"mon", "tue", "wed", "thu", "fri", "sat", "sun"}

// clock parses hh:mm into minutes after midnight.
func clock(s string) (int, error) {
	h, m, ok := strings.Cut(s, ":")
	hh, err1 := strconv.Atoi(h)
	mm, err2 := strconv.Atoi(m)
	if !ok || err1 != nil || err2 != nil || len(h) != 2 || len(m) != 2 || hh > 23 || mm > 59 || hh < 0 || mm < 0 {
		return 0, fmt.Errorf("%q is not a time of day (00:00..23:59)", s)
	}
	return hh*60 + mm, nil
}

// dailyWindow parses hh:mm-hh:mm into [start, end) in minutes of the day;
// end may pass midnight (end > 1440).
func dailyWindow(s string) (int, int, error) {
	return span(s, "want hh:mm-hh:mm (UTC)", clock, 24*60)
}

// weeklyWindow parses ddd:hh:mm-ddd:hh:mm into [start, end) in minutes of
// the week from Monday 00:00; end may pass Sunday midnight.
func weeklyWindow(s string) (int, int, error) {
	return span(s, "want ddd:hh:mm-ddd:hh:mm (UTC)", weekPoint, 7*24*60)
}

// weekPoint parses ddd:hh:mm into minutes of the week from Monday 00:00.
func weekPoint(p string) (int, error) {
	day, hm, ok := strings.Cut(p, ":")
	d := slices.Index(weekdays, day)
	if !ok || d < 0 {
		return 0, fmt.Errorf("%q: want a weekday (mon..sun), hh:mm", p)
	}
	m, err := clock(hm)
	return d*24*60 + m, err
}

// span parses "a-b" with point into [start, end); an end at or before the
// start wraps into the next period.
func span(s, want string, point func(string) (int, error), period int) (int, int, error) {
	a, b, ok := strings.Cut(s, "-")
	if !ok {
		return 0, 0, fmt.Errorf("%s", want)
	}
	start, err := point(a)
	if err != nil {
		return 0, 0, err
	}
	end, err := point(b)
	if err != nil {
		return 0, 0, err
	}
	if end <= start {
		end += period
	}
	return start, end, nil
}

// windowsOverlap reports whether the daily backup window meets the weekly
// maintenance window on any day.
func windowsOverlap(bs, be, ms, me int) bool {
	const week = 7 * 24 * 60
	for day := 0; day < 8; day++ {
		s, e := day*24*60+bs, day*24*60+be
		for _, shift := range []int{-week, 0, week} {
			if s < me+shift && ms+shift < e {
				return true
			}
		}
	}
	return false
}
