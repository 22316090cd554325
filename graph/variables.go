package graph

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// stringVariables refuses a JSON number where a variable (or a field of
// an input variable) is a String. The request's JSON is decoded with
// numbers kept as json.Number, which is a Go string underneath, so
// gqlparser's check lets {"text": 5} through and the resolver would see
// "5"; GraphQL's input coercion refuses it, as an inline 5 is refused.
type stringVariables struct{ schema *ast.Schema }

// ExtensionName names the extension in gqlgen's extension list.
func (*stringVariables) ExtensionName() string { return "StringVariables" }

// Validate keeps the schema that variables are checked against.
func (v *stringVariables) Validate(es graphql.ExecutableSchema) error {
	v.schema = es.Schema()
	return nil
}

// MutateOperationContext refuses the operation when a String variable
// holds a JSON number.
func (v *stringVariables) MutateOperationContext(_ context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if oc.Operation == nil {
		return nil
	}
	for _, d := range oc.Operation.VariableDefinitions {
		if val, ok := oc.Variables[d.Variable]; ok {
			if msg := v.check(d.Type, val, "$"+d.Variable, 0); msg != "" {
				// gqlparser's own code for a variable of the wrong type (422)
				return &gqlerror.Error{Message: msg, Extensions: map[string]any{"code": errcode.ValidationFailed}}
			}
		}
	}
	return nil
}

// check walks val, of type t, and says what is wrong with it, "" when
// nothing is.
func (v *stringVariables) check(t *ast.Type, val any, path string, depth int) string {
	if val == nil || t == nil || depth > 32 {
		return ""
	}
	if t.Elem != nil {
		list, ok := val.([]any)
		if !ok {
			return v.check(t.Elem, val, path, depth+1) // a single value stands for a list of one
		}
		for i, x := range list {
			if msg := v.check(t.Elem, x, fmt.Sprintf("%s[%d]", path, i), depth+1); msg != "" {
				return msg
			}
		}
		return ""
	}
	def := v.schema.Types[t.NamedType]
	if def == nil {
		return ""
	}
	switch def.Kind {
	case ast.Scalar:
		if n, ok := val.(json.Number); ok && def.Name == "String" {
			return fmt.Sprintf("variable %s must be a String, not the number %s", path, n)
		}
	case ast.InputObject:
		obj, ok := val.(map[string]any)
		if !ok {
			return ""
		}
		for _, f := range def.Fields {
			if msg := v.check(f.Type, obj[f.Name], path+"."+f.Name, depth+1); msg != "" {
				return msg
			}
		}
	}
	return ""
}
