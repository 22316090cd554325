//go:build !unix

package loader_test

import "time"

// processCPU is unknown here: benchmarks report no cpu-words/s.
func processCPU() time.Duration { return 0 }
