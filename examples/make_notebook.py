"""Builds notebook.ipynb by running its cells against a live server and
saving their outputs (no Jupyter needed):

    go run . serve --backend memory --load testdata/articles --addr localhost:8080 &
    cd examples && python3 make_notebook.py http://localhost:8080

Standard library only; the cells use networkx when it is installed.
"""

import contextlib
import io
import json
import os
import sys

URL = sys.argv[1] if len(sys.argv) > 1 else "http://localhost:8080"

CELLS = [
    ("md", """# newsgraph from a notebook

A walk through the graph of the sample articles (`testdata/articles`: the user's sample article
on the US-Mexico border crossings and twelve Wikinews articles), with the standard-library client
`newsgraph_client.py`. Start the server first:

```
go run . serve --backend memory --load testdata/articles --addr localhost:8080
```"""),
    ("code", """import os
import newsgraph_client as nc
ng = nc.Client(os.environ.get("NEWSGRAPH_URL", "http://localhost:8080"))

def show(rows, *cols, n=10):
    rows = rows.to_dict("records") if hasattr(rows, "to_dict") else rows
    for r in rows[:n]:
        print(" | ".join(str(r.get(c)) for c in cols))"""),
    ("md", "## Who is López Obrador, and what does the graph say he did?"),
    ("code", """obrador = ng.find("Obrador")
print(obrador["id"], obrador["name"], obrador["type"], obrador["aliases"])
show(ng.neighbours(obrador["id"], direction="OUT"), "predicate", "object", "confidence", "time")"""),
    ("md", "Every statement keeps where it came from: the article, the sentence and the span."),
    ("code", """st = ng.neighbours(obrador["id"], direction="OUT", predicate="want")
st = st.to_dict("records") if hasattr(st, "to_dict") else st
print(st[0]["subject"], "—", st[0]["predicate"], "→", st[0]["object"])
print("said in:", st[0]["sentence"])"""),
    ("md", "## Who is mentioned with him?"),
    ("code", """show(ng.cooccurring(obrador["id"], first=8), "name", "type", "sentences", "articles")"""),
    ("md", "## His neighbourhood as a graph"),
    ("code", """g = ng.subgraph([obrador["id"]], hops=2, max_nodes=60)
if hasattr(g, "number_of_nodes"):
    print(g.number_of_nodes(), "nodes,", g.number_of_edges(), "edges, truncated:", g.graph["truncated"])
    for u, v, d in list(g.edges(data=True))[:8]:
        print(g.nodes[u]["name"], "—", d["predicate"], "→", g.nodes[v]["name"])
else:
    print(len(g["nodes"]), "nodes,", len(g["edges"]), "edges")"""),
    ("md", "## How is Joe Biden connected to the United States?\n\nPaths go through entities and specific phrases, not through generic values such as \"President\"."),
    ("code", """biden, us = ng.find("Joe Biden"), ng.find("United States")
p = ng.shortest_path(biden["id"], us["id"], max_hops=5)
for s in p["statements"]:
    print(s["subject"]["name"], "—", s["predicate"], "→", s["object"]["name"])
    print("   ", s["provenance"][0]["text"])"""),
    ("md", "## The same entity across articles\n\nEntities mentioned in more than one article are one node; `members` lists what was joined and why."),
    ("code", """import collections
data = ng.export("json")
nodes = data.nodes(data=True) if hasattr(data, "nodes") else [(n["id"], n) for n in data["nodes"]]
print(sum(1 for _, n in nodes if n.get("entity")), "entities")
for name in ["United States", "Scientology", "Canada", "USI"]:
    e = ng.find(name)
    arts = {m["article"] for m in ng.entity(e["id"])["mentions"]}
    print(f"{e['name']} ({e['type']}): {len(arts)} articles, members {e['members']}")"""),
    ("md", "## Export for other tools\n\nGraphML for Gephi, JSON-LD with schema.org types, N-Quads for RDF stores."),
    ("code", """gml = ng.export("graphml", seeds=[obrador["id"]], hops=1)
print(gml[:300])
ld = ng.export("jsonld", seeds=[obrador["id"]], hops=1)
print(json.loads(ld)["@graph"][0])"""),
    ("md", "## Gizmo, for power users\n\nCayley's own traversal language, read-only, at `/gizmo`."),
    ("code", """print(ng.gizmo('g.V("<%s>").Out("<https://newsgraph.dev/ns#name>").All()' % obrador["id"]))"""),
]


def run():
    os.environ["NEWSGRAPH_URL"] = URL
    ns = {"json": json}
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
