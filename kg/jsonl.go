package kg

import (
	"encoding/json"
	"io"
)

type jsonEntity struct {
	Kind string `json:"kind"`
	Entity
}

type jsonStatement struct {
	Kind string `json:"kind"`
	Statement
}

// WriteJSONL writes d as JSON lines: one line per entity, then one per
// statement, each with a "kind" field.
func (d *Document) WriteJSONL(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, e := range d.Entities {
		if e.Aliases == nil {
			e.Aliases = []string{}
		}
		if e.Mentions == nil {
			e.Mentions = []Mention{}
		}
		if err := enc.Encode(jsonEntity{"entity", e}); err != nil {
			return err
		}
	}
	for _, s := range d.Statements {
		if err := enc.Encode(jsonStatement{"statement", s}); err != nil {
			return err
		}
	}
	return nil
}
