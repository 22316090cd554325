"""Builds notebook.ipynb by running its cells against a live server and
saving their outputs:

    go run . serve --backend memory --load testdata/articles --addr localhost:8080 --gizmo &
    cd examples && python3 make_notebook.py http://localhost:8080

Each cell runs in one fresh namespace, as in a new Jupyter kernel, so a
name the cells do not import or define fails here as it would in Jupyter
(the Go test TestNotebook executes the notebook in Jupyter itself). The
cells need the client in ../python and its notebook extra (pandas and
networkx).
"""

import contextlib
import io
import json
import os
import sys

URL = sys.argv[1] if len(sys.argv) > 1 else "http://localhost:8080"

CELLS = [
    ("md", """# newsgraph from a notebook

A walk through the graph of the sample articles (`testdata/articles`: a news article on the US-Mexico
border crossings and sixteen Wikinews articles) with the Python client in `python/`
(`pip install './python[notebook]'`: pandas and networkx). Start the server first, from the
repository's root:

```
go run . serve --backend memory --load testdata/articles --addr localhost:8080 --gizmo
```"""),
    ("code", """import collections
import json
import os
import sys

try:
    import newsgraph
except ImportError:  # not installed: the repository's copy
    sys.path.insert(0, os.path.join("..", "python"))
    import newsgraph

ng = newsgraph.Client(os.environ.get("NEWSGRAPH_URL", "http://localhost:8080"))


def show(df, *cols, n=10):
    # the first n rows of the columns cols of a DataFrame
    print(df.loc[:, list(cols)].head(n).to_string(index=False, max_colwidth=60))"""),
    ("md", "## Who is López Obrador, and what does the graph say he did?"),
    ("code", """obrador = ng.find("Obrador")
print(obrador["id"], obrador["name"], obrador["type"], obrador["aliases"])
show(ng.neighbours(obrador["id"], direction="OUT", min_confidence=0), "predicate", "object", "confidence")"""),
    ("md", "Every statement keeps where it came from: the article, the sentence and the span. "
           "Statements under the server's confidence threshold (0.5) are hidden unless asked for."),
    ("code", """st = ng.neighbours(obrador["id"], direction="OUT", min_confidence=0).iloc[0]
print(st["subject"], "—", st["predicate"], "→", st["object"], f"(confidence {st['confidence']})")
print("said in:", st["sentence"])"""),
    ("md", "## Who is mentioned with him?"),
    ("code", """show(ng.cooccurring(obrador["id"], first=8), "name", "type", "sentences", "articles")"""),
    ("md", "## His neighbourhood as a networkx graph"),
    ("code", """g = ng.subgraph([obrador["id"]], hops=2, max_nodes=60, min_confidence=0)
print(g.number_of_nodes(), "nodes,", g.number_of_edges(), "edges, truncated:", g.graph["truncated"])
for u, v, d in list(g.edges(data=True))[:8]:
    print(g.nodes[u]["name"], "—", d["predicate"], "→", g.nodes[v]["name"])"""),
    ("md", "## How is Joe Biden connected to Mexico?\n\nPaths go through entities and specific phrases, not through generic values such as \"President\"."),
    ("code", """biden, mexico = ng.find("Joe Biden"), ng.find("Mexico")
p = ng.shortest_path(biden["id"], mexico["id"], max_hops=5, min_confidence=0)
for s in p["statements"]:
    print(s["subject"]["name"], "—", s["predicate"], "→", s["object"]["name"])
    print("   ", s["provenance"][0]["text"])"""),
    ("md", "## The same entity across articles\n\nEntities mentioned in more than one article are one node; `members` lists what was joined and why."),
    ("code", """data = ng.export("json")
types = collections.Counter(d.get("type") for _, d in data.nodes(data=True) if d.get("entity"))
print(sum(types.values()), "entities:", dict(types.most_common()))
for name in ["United States", "Scientology", "Canada"]:
    e = ng.find(name)
    articles = ng.articles(mentioning=e["id"])
    print(f"{e['name']} ({e['type']}): {len(articles)} articles, {len(e['members'])} members")"""),
    ("md", "## Statements as a table\n\nEvery statement of the graph above the threshold, page after page, in one DataFrame."),
    ("code", """df = ng.statements(limit=None)
print(len(df), "statements")
print(df.groupby("predicate").size().sort_values(ascending=False).head(8).to_string())"""),
    ("md", "## Export for other tools\n\nGraphML for Gephi, JSON-LD with schema.org types, N-Quads for RDF stores."),
    ("code", """gml = ng.export("graphml", seeds=[obrador["id"]], hops=1)
print(gml[:300])
ld = ng.export("jsonld", seeds=[obrador["id"]], hops=1)
print(json.loads(ld)["@graph"][0])"""),
    ("md", "## Gizmo, for power users\n\nCayley's own traversal language, read-only, at `/gizmo` (the server runs with `--gizmo`)."),
    ("code", """print(ng.gizmo('g.V("<%s>").Out("<https://newsgraph.dev/ns#name>").All()' % obrador["id"]))"""),
    ("md", "## When something goes wrong\n\nErrors are typed: `NotFound`, `InvalidRequest`, `Unauthorized`, `LimitExceeded`, `ServerError`, `Unreachable`."),
    ("code", """try:
    ng.find("no such entity")
except newsgraph.NotFound as e:
    print(type(e).__name__, e.code, e)"""),
]


def run():
    os.environ["NEWSGRAPH_URL"] = URL
    ns = {"__name__": "__main__"}  # a fresh kernel's namespace
    cells = []
    count = 0
    for kind, src in CELLS:
        if kind == "md":
            cells.append({"cell_type": "markdown", "metadata": {}, "source": src.splitlines(True)})
            continue
        count += 1
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            exec(compile(src, f"<cell {count}>", "exec"), ns)
        outputs = []
        if buf.getvalue():
            outputs.append({"output_type": "stream", "name": "stdout", "text": buf.getvalue().splitlines(True)})
        cells.append({"cell_type": "code", "execution_count": count, "metadata": {}, "outputs": outputs,
                      "source": src.splitlines(True)})
    nb = {"cells": cells, "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
                                       "language_info": {"name": "python"}}, "nbformat": 4, "nbformat_minor": 5}
    for i, c in enumerate(nb["cells"]):
        c["id"] = f"cell-{i}"
    with open("notebook.ipynb", "w", encoding="utf-8") as f:
        json.dump(nb, f, indent=1, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    run()
