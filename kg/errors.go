package kg

import (
	"errors"
	"fmt"
)

// Error codes that the API maps to GraphQL extensions.code.
const (
	EINVALID  = "INVALID"   // the request or input is malformed
	ENOTFOUND = "NOT_FOUND" // the thing asked for does not exist
	EINTERNAL = "INTERNAL"  // anything else; details are logged, not sent
	ETOOLARGE = "TOO_LARGE" // the input is over a configured limit
)

// Error is an error with a code and a message that is safe to show to a
// client.
type Error struct {
	Code    string
	Message string
}

func (e *Error) Error() string { return e.Message }

// Errorf returns an *Error with the given code.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL
// for any other error, and "" for nil.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the client-safe message of err: the message of its
// *Error, or a generic one for internal errors.
func ErrorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return "internal error"
}
