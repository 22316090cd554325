"""The client: GraphQL over HTTP with urllib, paging, typed errors."""

import json
import os
import urllib.error
import urllib.parse
import urllib.request

from . import errors

try:
    import pandas as _pd
except ImportError:  # the pandas extra is not installed: lists of dicts
    _pd = None

try:
    import networkx as _nx
except ImportError:  # the networkx extra is not installed: dicts
    _nx = None

# The server gives at most this many items a page (graph.MaxFirst).
PAGE = 100

_NODE = "... on Entity { id name type } ... on Value { id name type value unit }"
_STATEMENT = (
    "id predicate relation confidence negated modality time place"
    " subject { id name type } object { " + _NODE + " }"
    " provenance { articleId sentence text span { start end } article { title source publishedAt } }"
)
_ENTITY = "id name type aliases members { id name rule }"


class Client:
    """A newsgraph server at url (http://host:port).

    token is the server's write token, for ingests and Gizmo queries when it
    has one (default $NEWSGRAPH_WRITE_TOKEN). plain=True returns lists and
    dicts even when pandas and networkx are installed."""

    def __init__(self, url="http://localhost:8080", timeout=60, token=None, plain=False):
        self.url = url.rstrip("/")
        self.timeout = timeout
        self.token = token or os.environ.get("NEWSGRAPH_WRITE_TOKEN")
        self._pd = None if plain else _pd
        self._nx = None if plain else _nx

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
            code = None
            try:
                msg = json.loads(text)
                first = (msg.get("errors") or [{}])[0]
                text = msg.get("error") or first.get("message") or text
                code = (first.get("extensions") or {}).get("code")
            except ValueError:
                text = text.strip()
            raise errors.from_code("%s %s: %s" % (e.code, path.split("?")[0], text), code, e.code) from None
        except (urllib.error.URLError, OSError) as e:
            raise errors.Unreachable("%s: %s" % (self.url, getattr(e, "reason", e))) from None

    def query(self, query, variables=None):
        """Runs a GraphQL query and returns its data; raises an errors.Error
        of the kind of the first error the server reports."""
        text = self._request("/query", json.dumps({"query": query, "variables": variables or {}}))
        out = json.loads(text)
        if out.get("errors"):
            e = out["errors"][0]
            raise errors.from_code(e.get("message"), (e.get("extensions") or {}).get("code"))
        return out["data"]

    def _pages(self, query, variables, path, limit):
        """The nodes of a connection, page after page: query takes $first
        and $after; path leads from the data to the connection."""
        nodes, after = [], None
        while limit is None or len(nodes) < limit:
            n = PAGE if limit is None else min(PAGE, limit - len(nodes))
            data = self.query(query, dict(variables, first=n, after=after))
            conn = data
            for key in path:
                conn = conn[key]
                if conn is None:
                    raise errors.NotFound("no %s %s" % (path[0], variables.get("id", "")), "NOT_FOUND")
            nodes += [e["node"] for e in conn["edges"]]
            info = conn["pageInfo"]
            if not info["hasNextPage"] or not conn["edges"]:
                break
            after = info["endCursor"]
        return nodes

    def _table(self, rows):
        return self._pd.DataFrame(rows) if self._pd is not None else rows

    # -- finding things --------------------------------------------------

    def search(self, name, type=None, limit=20):
        """Entities whose name or an alias contains name (case and accents
        ignored), best matches first: the first limit of them (None: all)."""
        rows = self._pages(
            "query($q: String!, $t: EntityType, $first: Int, $after: String) {"
            " searchEntities(query: $q, type: $t, first: $first, after: $after) {"
            " edges { node { " + _ENTITY + " } } pageInfo { hasNextPage endCursor } } }",
            {"q": name, "t": type}, ["searchEntities"], limit)
        return self._table(rows)

    def find(self, name, type=None):
        """The entity that best matches name (exact, then prefix, then
        substring), as a dict; raises NotFound when none does."""
        data = self.query(
            "query($q: String!, $t: EntityType) { searchEntities(query: $q, type: $t, first: 1) {"
            " edges { node { " + _ENTITY + " } } } }",
            {"q": name, "t": type},
        )
        edges = data["searchEntities"]["edges"]
        if not edges:
            raise errors.NotFound("no entity matches " + repr(name), "NOT_FOUND")
        return edges[0]["node"]

    def entity(self, id):
        """One entity with its aliases, members (joined across articles) and
        mentions, as a dict; raises NotFound when there is none."""
        data = self.query(
            "query($id: ID!) { entity(id: $id) { id name type aliases members { id name type rule }"
            " mentions { article sentence start end text rule } } }",
            {"id": id},
        )
        if data["entity"] is None:
            raise errors.NotFound("no entity " + id, "NOT_FOUND")
        return data["entity"]

    def neighbours(self, id, direction="BOTH", predicate=None, min_confidence=None, limit=None):
        """The statements around an entity, one row each: OUT (it is the
        subject), IN or BOTH; at or above min_confidence (None: the
        server's threshold); the first limit of them (None: all)."""
        rows = self._pages(
            "query($id: ID!, $d: Direction, $p: String, $c: Float, $first: Int, $after: String) { entity(id: $id) {"
            " statements(direction: $d, predicate: $p, minConfidence: $c, first: $first, after: $after) {"
            " edges { node { " + _STATEMENT + " } } pageInfo { hasNextPage endCursor } } } }",
            {"id": id, "d": direction, "p": predicate, "c": min_confidence}, ["entity", "statements"], limit)
        return self._table([_flat(s) for s in rows])

    def statements(self, subject=None, predicate=None, object=None, article=None, min_confidence=None, limit=100):
        """Statements matching a filter, one row each: the first limit of
        them (None: all)."""
        f = {"subject": subject, "predicate": predicate, "object": object, "article": article,
             "minConfidence": min_confidence}
        rows = self._pages(
            "query($f: StatementFilter, $first: Int, $after: String) { statements(filter: $f, first: $first, after: $after) {"
            " edges { node { " + _STATEMENT + " } } pageInfo { hasNextPage endCursor } } }",
            {"f": {k: v for k, v in f.items() if v is not None}}, ["statements"], limit)
        return self._table([_flat(s) for s in rows])

    def articles(self, mentioning=None, limit=None):
        """Articles (id, title, source, publishedAt, place), or those that
        mention an entity: the first limit of them (None: all)."""
        rows = self._pages(
            "query($m: ID, $first: Int, $after: String) { articles(mentioning: $m, first: $first, after: $after) {"
            " edges { node { id title source publishedAt place } } pageInfo { hasNextPage endCursor } } }",
            {"m": mentioning}, ["articles"], limit)
        return self._table(rows)

    def cooccurring(self, id, first=10):
        """Entities mentioned in the same sentences and articles, with counts."""
        data = self.query(
            "query($id: ID!, $n: Int) { entity(id: $id) { cooccurring(first: $n) {"
            " entity { id name type } sentences articles } } }",
            {"id": id, "n": first},
        )
        if data["entity"] is None:
            raise errors.NotFound("no entity " + id, "NOT_FOUND")
        rows = [dict(c["entity"], sentences=c["sentences"], articles=c["articles"]) for c in data["entity"]["cooccurring"]]
        return self._table(rows)

    def timeline(self, id, first=100):
        """An entity's statements by the publication date of their articles."""
        data = self.query(
            "query($id: ID!, $n: Int) { entity(id: $id) { timeline(first: $n) { publishedAt article { id title }"
            " statement { " + _STATEMENT + " } } } }",
            {"id": id, "n": first},
        )
        if data["entity"] is None:
            raise errors.NotFound("no entity " + id, "NOT_FOUND")
        rows = []
        for t in data["entity"]["timeline"]:
            row = _flat(t["statement"])
            row.update(publishedAt=t["publishedAt"], article=t["article"]["id"], title=t["article"]["title"])
            rows.append(row)
        return self._table(rows)

    # -- traversal -------------------------------------------------------

    def subgraph(self, seeds, hops=1, direction="BOTH", predicates=None, types=None, min_confidence=None, max_nodes=100):
        """The neighbourhood of the seeds: a networkx MultiDiGraph, or
        {"nodes": [...], "edges": [...], "truncated": bool}."""
        data = self.query(
            "query($s: [ID!]!, $h: Int, $d: Direction, $p: [String!], $t: [EntityType!], $c: Float, $m: Int) {"
            " subgraph(seeds: $s, hops: $h, direction: $d, predicates: $p, types: $t, minConfidence: $c, maxNodes: $m) {"
            " truncated nodes { " + _NODE + " } edges { " + _STATEMENT + " } } }",
            {"s": list(seeds), "h": hops, "d": direction, "p": predicates, "t": types, "c": min_confidence, "m": max_nodes},
        )
        return to_networkx(data["subgraph"]) if self._nx else data["subgraph"]

    def shortest_path(self, source, target, max_hops=4, predicates=None, min_confidence=None):
        """The shortest chain of statements between two nodes (either
        direction), or None: {"length", "nodes", "statements"}."""
        data = self.query(
            "query($a: ID!, $b: ID!, $h: Int, $p: [String!], $c: Float) {"
            " shortestPath(from: $a, to: $b, maxHops: $h, predicates: $p, minConfidence: $c) {"
            " length nodes { " + _NODE + " } statements { " + _STATEMENT + " } } }",
            {"a": source, "b": target, "h": max_hops, "p": predicates, "c": min_confidence},
        )
        return data["shortestPath"]

    def gizmo(self, query, limit=100):
        """Runs a read-only Gizmo (Cayley JavaScript) query; returns its
        results. The server must run with --gizmo."""
        text = self._request("/gizmo?limit=%d" % limit, query, "application/javascript")
        return json.loads(text)["result"]

    # -- export and ingest -----------------------------------------------

    def export(self, format="json", seeds=None, hops=1, max_nodes=100):
        """The whole graph (or the subgraph around seeds) in format: nquads,
        jsonld, graphml (text) or json (a networkx MultiDiGraph when
        networkx is installed, else the node-link dict)."""
        params = [("format", format)]
        if seeds:
            params += [("seed", s) for s in seeds] + [("hops", str(hops)), ("maxNodes", str(max_nodes))]
        text = self._request("/export?" + urllib.parse.urlencode(params))
        if format != "json":
            return text
        data = json.loads(text)
        if not self._nx:
            return data
        g = self._nx.MultiDiGraph()
        for n in data["nodes"]:
            g.add_node(n["id"], **{k: v for k, v in n.items() if k != "id"})
        for link in data["links"]:
            g.add_edge(link["source"], link["target"], key=link["key"],
                       **{k: v for k, v in link.items() if k not in ("source", "target", "key")})
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
        raise ImportError("networkx is not installed (pip install 'newsgraph[networkx]')")
    g = _nx.MultiDiGraph()
    for n in subgraph["nodes"]:
        g.add_node(n["id"], name=n["name"], type=n["type"])
    for e in subgraph["edges"]:
        g.add_edge(e["subject"]["id"], e["object"]["id"], key=e["id"], predicate=e["predicate"],
                   confidence=e["confidence"], text=(e["provenance"] or [{}])[0].get("text"))
    g.graph["truncated"] = subgraph.get("truncated", False)
    return g


def _flat(st):
    """A statement as one flat row: the first reading's article and sentence."""
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
