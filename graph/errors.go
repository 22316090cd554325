package graph

import (
	"context"
	"errors"
	"log"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/newsgraph/newsgraph/kg"
)

// ErrorPresenter gives every error a code in extensions and keeps internal
// details out of responses: they are logged instead.
func ErrorPresenter(ctx context.Context, err error) *gqlerror.Error {
	gerr := graphql.DefaultErrorPresenter(ctx, err)
	var ke *kg.Error
	switch {
	case errors.As(err, &ke):
		gerr.Message = ke.Message
		setCode(gerr, ke.Code)
	case errors.Is(err, context.DeadlineExceeded):
		gerr.Message = "request timed out"
		if isMutation(ctx) {
			// A write that ran into the deadline stopped before its
			// transaction (the store checks before it begins one); one
			// that began has committed and answered success.
			gerr.Message = "request timed out before its write: nothing was written"
		}
		setCode(gerr, "TIMEOUT")
	case errors.Is(err, context.Canceled):
		// The client went away; no one reads this, and it is no fault.
		gerr.Message = "request cancelled"
		setCode(gerr, "CANCELLED")
	case gerr.Extensions != nil && gerr.Extensions["code"] != nil:
		// gqlgen's own validation and parse errors keep their codes.
	default:
		var inner *gqlerror.Error
		if errors.As(err, &inner) && inner.Err == nil {
			setCode(gerr, kg.EINVALID)
			return gerr
		}
		log.Printf("graphql: internal error at %v: %v", gerr.Path, err)
		gerr.Message = "internal error"
		setCode(gerr, kg.EINTERNAL)
	}
	return gerr
}

func isMutation(ctx context.Context) bool {
	if !graphql.HasOperationContext(ctx) {
		return false
	}
	op := graphql.GetOperationContext(ctx).Operation
	return op != nil && op.Operation == ast.Mutation
}

func setCode(e *gqlerror.Error, code string) {
	if e.Extensions == nil {
		e.Extensions = map[string]any{}
	}
	e.Extensions["code"] = code
}
