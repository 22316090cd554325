package store

// RowWrites makes s write through Cayley's row-by-row ApplyDeltas even on
// PostgreSQL, for the benchmark that compares it with the bulk path.
func RowWrites(s *Store) { s.bulk = nil }
