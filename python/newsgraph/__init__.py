"""A client for a newsgraph server, for notebooks and scripts.

    import newsgraph
    ng = newsgraph.Client("http://localhost:8080")
    ng.search("Obrador")                       # matching entities
    obrador = ng.find("Obrador")               # the best match, a dict
    ng.neighbours(obrador["id"])               # the statements around it
    g = ng.subgraph([obrador["id"]], hops=2)   # its neighbourhood
    ng.shortest_path(a, b)                     # the statements between two nodes
    ng.export("graphml")                       # text for Gephi

Standard library only. Tables are pandas DataFrames when pandas is
installed and graphs networkx MultiDiGraphs when networkx is; with
Client(plain=True), or without them, both are lists and dicts.
"""

from .client import Client, to_networkx
from .errors import Error, InvalidRequest, LimitExceeded, NotFound, ServerError, Unauthorized, Unreachable

__all__ = [
    "Client",
    "to_networkx",
    "Error",
    "InvalidRequest",
    "LimitExceeded",
    "NotFound",
    "ServerError",
    "Unauthorized",
    "Unreachable",
]
