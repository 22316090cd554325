//go:build unix

package loader_test

import (
	"syscall"
	"time"
)

// processCPU is the processor time the process has used (user and
// system), for benchmarks on a shared machine where the wall clock also
// counts the time other processes hold the cores.
func processCPU() time.Duration {
	var r syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &r); err != nil {
		return 0
	}
	return time.Duration(r.Utime.Nano() + r.Stime.Nano())
}
