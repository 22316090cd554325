package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"os"
	"strconv"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/newsgraph/newsgraph/kg"
)

// HTTP statuses of requests refused before they run
//
// gqlgen answers 422 to a query that does not parse or validate and 200 to
// everything else, the refusals of extensions included. Here a refusal
// gets the status its error code calls for; an operation that runs
// answers 200 whatever its fields' errors, as GraphQL over HTTP has it
// (some of its data may be there).

// statusOf is the HTTP status of a request refused with code, 0 for
// gqlgen's own choice.
func statusOf(code string) int {
	switch code {
	case "COMPLEXITY_LIMIT_EXCEEDED", "DEPTH_LIMIT_EXCEEDED", "FIELD_LIMIT_EXCEEDED":
		return http.StatusUnprocessableEntity
	case "UNAUTHENTICATED":
		return http.StatusUnauthorized
	case "FORBIDDEN", "INTROSPECTION_DISABLED":
		return http.StatusForbidden
	case kg.ETOOLARGE:
		return http.StatusRequestEntityTooLarge
	case codeMethod:
		return http.StatusMethodNotAllowed
	}
	return 0
}

// withStatus wraps a gqlgen transport: the errors of an operation refused
// before it runs set the status the transport writes.
type withStatus struct{ graphql.Transport }

func (t withStatus) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	sw := &statusWriter{ResponseWriter: w}
	t.Transport.Do(sw, r, statusExec{GraphExecutor: exec, w: sw, get: r.Method == http.MethodGet})
}

// statusExec notes the status of the errors CreateOperationContext
// returns; the transport writes its header after that call.
type statusExec struct {
	graphql.GraphExecutor
	w   *statusWriter
	get bool // a GET request, which runs queries only
}

func (e statusExec) CreateOperationContext(ctx context.Context, p *graphql.RawParams) (*graphql.OperationContext, gqlerror.List) {
	oc, errs := e.GraphExecutor.CreateOperationContext(ctx, p)
	if len(errs) == 0 && e.get && oc.Operation != nil && oc.Operation.Operation != ast.Query {
		// gqlgen would answer 406 with no code.
		errs = gqlerror.List{{Message: "a GET request runs queries only: send " + string(oc.Operation.Operation) + "s with POST",
			Extensions: map[string]any{"code": codeMethod}}}
	}
	if len(errs) > 0 {
		c, _ := errs[0].Extensions["code"].(string)
		e.w.status = statusOf(c)
		switch e.w.status {
		case http.StatusUnauthorized:
			e.w.Header().Set("WWW-Authenticate", `Bearer realm="newsgraph"`)
		case http.StatusMethodNotAllowed:
			e.w.Header().Set("Allow", "POST")
		}
	}
	return oc, errs
}

// statusWriter writes status, when set, instead of the one asked for.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status != 0 {
		code = w.status
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// codeMethod refuses a request whose HTTP method cannot carry it: a
// mutation sent with GET, a PUT.
const codeMethod = "METHOD_NOT_ALLOWED"

// refuse answers a request with one GraphQL error of code and status.
func refuse(w http.ResponseWriter, status int, code, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(graphql.Response{Errors: gqlerror.List{{Message: msg, Extensions: map[string]any{"code": code}}}})
}

// readJSONBody reads a POSTed JSON request of at most max bytes and
// checks it decodes as gqlgen will decode it, which answers a body that
// does not with the body itself and Go's type names; it puts the body
// back for gqlgen. It answers the client itself and reports false when
// the body is too large or is not a GraphQL request.
func readJSONBody(w http.ResponseWriter, req *http.Request, max int64) bool {
	if req.ContentLength > max {
		refuse(w, http.StatusRequestEntityTooLarge, kg.ETOOLARGE, "request body over the limit of "+strconv.FormatInt(max, 10)+" bytes")
		return false
	}
	mt, _, _ := mime.ParseMediaType(req.Header.Get("Content-Type"))
	switch {
	case req.Method == http.MethodPost && mt != "application/json":
		// gqlgen would answer "transport not supported" with no code.
		got := mt
		if got == "" {
			got = "none"
		}
		refuse(w, http.StatusBadRequest, kg.EINVALID, "a POST request body must be application/json (Content-Type: "+got+")")
		return false
	case req.Method != http.MethodPost && req.Method != http.MethodGet && req.Method != http.MethodOptions:
		w.Header().Set("Allow", "GET, POST, OPTIONS")
		refuse(w, http.StatusMethodNotAllowed, codeMethod, "use POST (or GET for queries)")
		return false
	case req.Method != http.MethodPost:
		req.Body = http.MaxBytesReader(w, req.Body, max)
		return true
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, req.Body, max))
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &tooLarge):
		refuse(w, http.StatusRequestEntityTooLarge, kg.ETOOLARGE, "request body over the limit of "+strconv.FormatInt(max, 10)+" bytes")
		return false
	case errors.Is(err, os.ErrDeadlineExceeded):
		// the server's read timeout: the body came too slowly
		refuse(w, http.StatusRequestTimeout, "TIMEOUT", "the request body took too long to arrive")
		return false
	case err != nil:
		refuse(w, http.StatusBadRequest, kg.EINVALID, "could not read the request body")
		return false
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var p graphql.RawParams
	if err := dec.Decode(&p); err != nil {
		refuse(w, http.StatusBadRequest, kg.EINVALID, `the request body is not a GraphQL request in JSON: {"query": "...", "variables": {...}}`)
		return false
	}
	req.Body = io.NopCloser(bytes.NewReader(body))
	return true
}

// introspectionOff refuses __schema and __type, which gqlgen answers with
// an error of no code when introspection is off (logged as internal).
type introspectionOff struct{}

func (introspectionOff) ExtensionName() string { return "IntrospectionOff" }

func (introspectionOff) Validate(graphql.ExecutableSchema) error { return nil }

func (introspectionOff) MutateOperationContext(ctx context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if oc.Operation == nil || !introspects(oc.Operation.SelectionSet, oc.Doc.Fragments, 0) {
		return nil
	}
	return &gqlerror.Error{Message: "introspection is off on this server",
		Extensions: map[string]any{"code": "INTROSPECTION_DISABLED"}}
}

// introspects reports whether a root selection set asks for __schema or
// __type, through fragments.
func introspects(set ast.SelectionSet, frags ast.FragmentDefinitionList, seen int) bool {
	if seen > 64 {
		return false // a fragment cycle: validation refused it
	}
	for _, s := range set {
		switch s := s.(type) {
		case *ast.Field:
			if s.Name == "__schema" || s.Name == "__type" {
				return true
			}
		case *ast.InlineFragment:
			if introspects(s.SelectionSet, frags, seen+1) {
				return true
			}
		case *ast.FragmentSpread:
			if f := frags.ForName(s.Name); f != nil && introspects(f.SelectionSet, frags, seen+1) {
				return true
			}
		}
	}
	return false
}
