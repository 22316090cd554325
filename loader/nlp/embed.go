package nlp

import (
	"embed"
	"fmt"
	"io/fs"
	"sync"
)

//go:embed models
var bundle embed.FS

var embedded = sync.OnceValues(func() (*Models, error) {
	sub, err := fs.Sub(bundle, "models")
	if err != nil {
		return nil, err
	}
	m, err := LoadFS(sub)
	if err != nil {
		return nil, fmt.Errorf("embedded models: %w", err)
	}
	if m.Parser == nil {
		return nil, fmt.Errorf("embedded models: no parser")
	}
	return m, nil
})

// Embedded returns the models built into the binary, loading them on first
// use.
func Embedded() (*Models, error) { return embedded() }
