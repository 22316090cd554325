"""The errors the client raises: one class per kind of failure, each with
the server's code (extensions.code of a GraphQL error, or the HTTP status)."""


class Error(Exception):
    """Anything the server refused or could not do; code is its code."""

    def __init__(self, message, code=None):
        super().__init__(message)
        self.code = code


class NotFound(Error):
    """The entity, statement or article asked for does not exist (NOT_FOUND)."""


class InvalidRequest(Error):
    """The query or its input is malformed (INVALID, GRAPHQL_PARSE_FAILED,
    GRAPHQL_VALIDATION_FAILED, a 400)."""


class Unauthorized(Error):
    """A write or Gizmo query without the server's token, or on a read-only
    server (UNAUTHENTICATED, FORBIDDEN, a 401 or 403)."""


class LimitExceeded(Error):
    """The query is over one of the server's limits (its cost, depth, size
    or time: *_LIMIT_EXCEEDED, TOO_LARGE, TIMEOUT, a 413)."""


class ServerError(Error):
    """The server failed (INTERNAL, a 5xx); its log has the details."""


class Unreachable(Error):
    """No answer from the server: it is not running, or not at that URL."""


_BY_CODE = {
    "NOT_FOUND": NotFound,
    "INVALID": InvalidRequest,
    "GRAPHQL_PARSE_FAILED": InvalidRequest,
    "GRAPHQL_VALIDATION_FAILED": InvalidRequest,
    "BAD_USER_INPUT": InvalidRequest,
    "UNAUTHENTICATED": Unauthorized,
    "FORBIDDEN": Unauthorized,
    "TOO_LARGE": LimitExceeded,
    "TIMEOUT": LimitExceeded,
    "COMPLEXITY_LIMIT_EXCEEDED": LimitExceeded,
    "DEPTH_LIMIT_EXCEEDED": LimitExceeded,
    "FIELD_LIMIT_EXCEEDED": LimitExceeded,
    "INTERNAL": ServerError,
}

_BY_STATUS = {400: InvalidRequest, 401: Unauthorized, 403: Unauthorized, 404: NotFound, 413: LimitExceeded}


def from_code(message, code=None, status=None):
    """The error for a server's code, or else its HTTP status."""
    cls = _BY_CODE.get(code) if isinstance(code, str) else None
    if cls is None and status is not None:
        cls = _BY_STATUS.get(status) or (ServerError if status >= 500 else Error)
    return (cls or Error)(message, code if code is not None else status)
