package dedup_test

import (
	"fmt"
	"strings"

	"github.com/newsgraph/newsgraph/dedup"
)

func ExampleIndex() {
	story := strings.Repeat("The harbour bridge was closed on Wednesday after winds tore panels from its western span, the transport department said. ", 2) +
		"Engineers will inspect the bridge on Thursday, and the department expects it to reopen by the weekend if no damage is found. " +
		"The mayor said the city would pay for ferries to carry commuters across the harbour until the bridge reopens."
	syndicated := "By Wire Staff. " + story + " Copyright The Wire."
	x := dedup.NewIndex()
	for _, a := range []struct{ id, text string }{{"tribune", story}, {"herald", syndicated}} {
		sig, ok := dedup.Sign(a.text)
		if !ok {
			fmt.Println(a.id, "is too short to sign")
			continue
		}
		if orig, dup := x.FindOrAdd(a.id, sig); dup {
			fmt.Println(a.id, "is a copy of", orig)
		} else {
			fmt.Println(a.id, "is new")
		}
	}
	// Output:
	// tribune is new
	// herald is a copy of tribune
}
