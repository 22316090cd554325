"""A small client for a newsgraph server, for notebooks and scripts.

Standard library only (urllib, json). When pandas is installed, tabular
results come back as DataFrames; when networkx is installed, graphs come
back as networkx MultiDiGraphs. Otherwise both are plain lists and dicts.
Set NEWSGRAPH_PLAIN=1 to get plain values even when those are installed.

    from newsgraph_client import Client
    ng = Client("http://localhost:8080")
    ng.search("Obrador")                       # matching entities: a DataFrame or a list
    obrador = ng.find("Obrador")               # the best match, a dict
    ng.neighbours(obrador["id"])               # statements around it
    g = ng.subgraph([obrador["id"]], hops=2)   # networkx graph or dict
    ng.shortest_path(a, b)                     # the statements between two nodes
    ng.export("graphml")                       # text for Gephi
"""

import json
import os
import urllib.error
import urllib.parse
import urllib.request

_PLAIN = os.environ.get("NEWSGRAPH_PLAIN") == "1"

try:
    if _PLAIN:
        raise ImportError
    import pandas as _pd
except ImportError:
    _pd = None

try:
    if _PLAIN:
        raise ImportError
    import networkx as _nx
except ImportError:
    _nx = None


class NewsgraphError(Exception):
    """An error the server reported, with its code (INVALID, NOT_FOUND, ...)."""

    def __init__(self, message, code=None):
        super().__init__(message)
        self.code = code


_NODE = "... on Entity { id name type } ... on Value { id name type value unit }"
_STATEMENT = (
    "id predicate relation confidence negated modality time place"
    " subject { id name type } object { " + _NODE + " }"
    " provenance { articleId sentence text span { start end } article { title source publishedAt } }"
)


class Client:
    """A newsgraph server at url (http://host:port). token is the server's
    write token, for ingests and Gizmo queries when it has one (default
    $NEWSGRAPH_WRITE_TOKEN)."""

    def __init__(self, url="http://localhost:8080", timeout=60, token=None):
        self.url = url.rstrip("/")
        self.timeout = timeout
        self.token = token or os.environ.get("NEWSGRAPH_WRITE_TOKEN")

    # -- transport -------------------------------------------------------

    def _request(self, path, body=None, content_type="application/json"):
        data = None if body is None else body.encode("utf-8")
        req = urllib.request.Request(self.url + path, data=data)
        if data is not None:
            req.add_header("Content-Type", content_type)
        if self.token:
            req.add_header("Authorization", "Bearer " + self.token)
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                return resp.read().decode("utf-8")
        except urllib.error.HTTPError as e:
            text = e.read().decode("utf-8", "replace")
            code = e.code
            try:
                msg = json.loads(text)
                first = msg.get("errors", [{}])[0]
                err = msg.get("error") or first.get("message")
                code = (first.get("extensions") or {}).get("code") or code
            except ValueError:
                err = text.strip()
            raise NewsgraphError("%s: %s" % (e.code, err), code=code) from None

    def query(self, query, variables=None):
        """Runs a GraphQL query and returns its data; raises NewsgraphError."""
        text = self._request("/query", json.dumps({"query": query, "variables": variables or {}}))
        out = json.loads(text)
        if out.get("errors"):
            e = out["errors"][0]
            raise NewsgraphError(e.get("message"), (e.get("extensions") or {}).get("code"))
        return out["data"]

    # -- finding things --------------------------------------------------

    def search(self, name, type=None, first=20):
        """Entities whose name or an alias contains name (case and accents ignored)."""
        data = self.query(
            "query($q: String!, $t: EntityType, $n: Int) { searchEntities(query: $q, type: $t, first: $n) {"
            " edges { node { id name type aliases members { id name rule } } } } }",
            {"q": name, "t": type, "n": first},
        )
        return _table([e["node"] for e in data["searchEntities"]["edges"]])

    def find(self, name, type=None):
        """The entity that best matches name (exact, then prefix, then
        substring), as a dict; raises NewsgraphError when none does."""
        data = self.query(
            "query($q: String!, $t: EntityType) { searchEntities(query: $q, type: $t, first: 1) {"
            " edges { node { id name type aliases members { id name rule } } } } }",
            {"q": name, "t": type},
        )
        edges = data["searchEntities"]["edges"]
        if not edges:
            raise NewsgraphError("no entity matches " + repr(name), "NOT_FOUND")
        return edges[0]["node"]

    def entity(self, id):
        """One entity with its aliases, members (joined across articles) and mentions."""
        data = self.query(
            "query($id: ID!) { entity(id: $id) { id name type aliases members { id name type rule }"
            " mentions { article sentence start end text rule } } }",
            {"id": id},
        )
        return data["entity"]

    def neighbours(self, id, direction="BOTH", predicate=None, first=100):
        """The statements around an entity: OUT (it is the subject), IN or BOTH."""
        data = self.query(
            "query($id: ID!, $d: Direction, $p: String, $n: Int) { entity(id: $id) {"
            " statements(direction: $d, predicate: $p, first: $n) { edges { node { " + _STATEMENT + " } } } } }",
            {"id": id, "d": direction, "p": predicate, "n": first},
        )
        if data["entity"] is None:
            raise NewsgraphError("no entity " + id, "NOT_FOUND")
        return _table([_flat(e["node"]) for e in data["entity"]["statements"]["edges"]])

    def cooccurring(self, id, first=10):
        """Entities mentioned in the same sentences and articles, with counts."""
        data = self.query(
            "query($id: ID!, $n: Int) { entity(id: $id) { cooccurring(first: $n) {"
            " entity { id name type } sentences articles } } }",
            {"id": id, "n": first},
        )
        rows = [dict(c["entity"], sentences=c["sentences"], articles=c["articles"]) for c in data["entity"]["cooccurring"]]
        return _table(rows)

    def timeline(self, id, first=100):
        """An entity's statements by the publication date of their articles."""
        data = self.query(
            "query($id: ID!, $n: Int) { entity(id: $id) { timeline(first: $n) { publishedAt article { id title }"
            " statement { " + _STATEMENT + " } } } }",
            {"id": id, "n": first},
        )
        rows = []
        for t in data["entity"]["timeline"]:
            row = _flat(t["statement"])
            row.update(publishedAt=t["publishedAt"], article=t["article"]["id"], title=t["article"]["title"])
            rows.append(row)
        return _table(rows)

    # -- traversal -------------------------------------------------------

    def subgraph(self, seeds, hops=1, direction="BOTH", predicates=None, types=None, min_confidence=0.0, max_nodes=100):
        """The neighbourhood of the seeds: a networkx MultiDiGraph, or
        {"nodes": [...], "edges": [...], "truncated": bool}."""
        data = self.query(
            "query($s: [ID!]!, $h: Int, $d: Direction, $p: [String!], $t: [EntityType!], $c: Float, $m: Int) {"
            " subgraph(seeds: $s, hops: $h, direction: $d, predicates: $p, types: $t, minConfidence: $c, maxNodes: $m) {"
            " truncated nodes { " + _NODE + " } edges { " + _STATEMENT + " } } }",
            {"s": list(seeds), "h": hops, "d": direction, "p": predicates, "t": types, "c": min_confidence, "m": max_nodes},
        )
        return to_networkx(data["subgraph"]) if _nx else data["subgraph"]

    def shortest_path(self, source, target, max_hops=4, predicates=None):
        """The shortest chain of statements between two nodes (either
        direction), or None: {"length", "nodes", "statements"}."""
        data = self.query(
            "query($a: ID!, $b: ID!, $h: Int, $p: [String!]) { shortestPath(from: $a, to: $b, maxHops: $h, predicates: $p) {"
            " length nodes { " + _NODE + " } statements { " + _STATEMENT + " } } }",
            {"a": source, "b": target, "h": max_hops, "p": predicates},
        )
        return data["shortestPath"]

    def gizmo(self, query, limit=100):
        """Runs a read-only Gizmo (Cayley JavaScript) query; returns its results."""
        text = self._request("/gizmo?limit=%d" % limit, query, "application/javascript")
        return json.loads(text)["result"]

    # -- export and ingest -----------------------------------------------

    def export(self, format="json", seeds=None, hops=1, max_nodes=100):
        """The whole graph (or the subgraph around seeds) in format: nquads,
        jsonld, graphml (text) or json (a networkx graph when networkx is
        installed, else the node-link dict)."""
        params = [("format", format)]
        if seeds:
            params += [("seed", s) for s in seeds] + [("hops", str(hops)), ("maxNodes", str(max_nodes))]
        text = self._request("/export?" + urllib.parse.urlencode(params))
        if format != "json":
            return text
        data = json.loads(text)
        if not _nx:
            return data
        g = _nx.MultiDiGraph()
        for n in data["nodes"]:
            g.add_node(n["id"], **{k: v for k, v in n.items() if k != "id"})
        for l in data["links"]:
            g.add_edge(l["source"], l["target"], key=l["key"], **{k: v for k, v in l.items() if k not in ("source", "target", "key")})
        return g

    def ingest(self, text, title=None, source=None, published_at=None):
        """Extracts and stores one article; returns what was written."""
        data = self.query(
            "mutation($i: ArticleInput!) { ingestArticle(input: $i) { created statements entities warnings article { id } } }",
            {"i": {"text": text, "title": title, "source": source, "publishedAt": published_at}},
        )
        return data["ingestArticle"]


def to_networkx(subgraph):
    """A subgraph answer ({"nodes", "edges"}) as a networkx MultiDiGraph:
    nodes keyed by IRI, edges keyed by statement IRI."""
    if _nx is None:
        raise ImportError("networkx is not installed")
    g = _nx.MultiDiGraph()
    for n in subgraph["nodes"]:
        g.add_node(n["id"], name=n["name"], type=n["type"])
    for e in subgraph["edges"]:
        g.add_edge(e["subject"]["id"], e["object"]["id"], key=e["id"], predicate=e["predicate"],
                   confidence=e["confidence"], text=(e["provenance"] or [{}])[0].get("text"))
    g.graph["truncated"] = subgraph.get("truncated", False)
    return g


def _flat(st):
    """A statement as one flat row."""
    prov = st.get("provenance") or [{}]
    first = prov[0]
    return {
        "id": st["id"],
        "subject": st["subject"]["name"],
        "subject_id": st["subject"]["id"],
        "predicate": st["predicate"],
        "object": st["object"]["name"],
        "object_id": st["object"]["id"],
        "object_type": st["object"]["type"],
        "confidence": st["confidence"],
        "negated": st["negated"],
        "modality": st.get("modality"),
        "time": st.get("time"),
        "place": st.get("place"),
        "article": first.get("articleId"),
        "sentence": first.get("text"),
        "readings": len(prov),
    }


def _table(rows):
    return _pd.DataFrame(rows) if _pd is not None else rows
