"""Tests of the client against a live server that holds the sample article
(testdata/articles/border-crossings.txt), at $NEWSGRAPH_URL:

    NEWSGRAPH_URL=http://localhost:8080 cd python && python3 -m unittest discover -s tests

The Go test TestPythonClient starts such a server and runs them. Every test
runs twice: with plain lists and dicts, and with pandas and networkx (skipped
when they are not installed)."""

import os
import unittest

import newsgraph
from newsgraph import client as nclient

URL = os.environ.get("NEWSGRAPH_URL", "http://localhost:8080")


def rows(x):
    return x.to_dict("records") if hasattr(x, "to_dict") else x


class Cases:
    """The tests, for a client made by make()."""

    plain = True

    @classmethod
    def setUpClass(cls):
        if not cls.plain and (nclient._pd is None or nclient._nx is None):
            if os.environ.get("NEWSGRAPH_NO_SKIP"):
                raise AssertionError("pandas or networkx is not installed, and NEWSGRAPH_NO_SKIP is set")
            raise unittest.SkipTest("pandas or networkx is not installed")
        cls.ng = newsgraph.Client(URL, plain=cls.plain)
        cls.obrador = cls.ng.find("Obrador")
        cls.blinken = cls.ng.find("Blinken")

    def test_types(self):
        table = self.ng.search("obrador")
        graph = self.ng.subgraph([self.blinken["id"]])
        if self.plain:
            self.assertIsInstance(table, list)
            self.assertIsInstance(graph, dict)
        else:
            self.assertEqual(type(table).__name__, "DataFrame")
            self.assertEqual(type(graph).__name__, "MultiDiGraph")

    def test_search(self):
        hits = rows(self.ng.search("obrador"))
        self.assertEqual(hits[0]["name"], "Andrés Manuel López Obrador")
        self.assertEqual(hits[0]["type"], "PERSON")
        self.assertEqual(rows(self.ng.search("zzzz-nothing")), [])

    def test_neighbours(self):
        out = rows(self.ng.neighbours(self.obrador["id"], direction="OUT", min_confidence=0))
        self.assertTrue(any(r["predicate"] == "want" and "reopen border crossings" in r["object"] for r in out), out)
        self.assertTrue(all(r["sentence"] for r in out))

    def test_paging(self):
        # Pages of 2 give what one page of 100 gives, in the same order.
        whole = rows(self.ng.neighbours(self.obrador["id"], min_confidence=0))
        self.assertGreater(len(whole), 2)
        old = nclient.PAGE
        nclient.PAGE = 2
        try:
            paged = rows(self.ng.neighbours(self.obrador["id"], min_confidence=0))
            three = rows(self.ng.statements(min_confidence=0, limit=3))
        finally:
            nclient.PAGE = old
        self.assertEqual([r["id"] for r in paged], [r["id"] for r in whole])
        self.assertEqual(len(three), 3)
        self.assertEqual(len({r["id"] for r in three}), 3)

    def test_articles(self):
        arts = rows(self.ng.articles(mentioning=self.obrador["id"]))
        self.assertEqual(len(arts), 1)
        self.assertIn("border", arts[0]["title"].lower())

    def test_subgraph(self):
        g = self.ng.subgraph([self.blinken["id"]], hops=1)
        names = {n["name"] for n in g["nodes"]} if self.plain else {d["name"] for _, d in g.nodes(data=True)}
        self.assertIn("Andrés Manuel López Obrador", names)

    def test_shortest_path(self):
        p = self.ng.shortest_path(self.blinken["id"], self.obrador["id"], max_hops=3)
        self.assertIsNotNone(p)
        self.assertEqual(p["nodes"][0]["name"], "Antony Blinken")
        self.assertEqual(p["nodes"][-1]["name"], "Andrés Manuel López Obrador")
        self.assertEqual(len(p["statements"]), p["length"])

    def test_export(self):
        data = self.ng.export("json")
        edges = len(data["links"]) if self.plain else data.number_of_edges()
        self.assertGreater(edges, 10)
        self.assertIn("<graphml", self.ng.export("graphml", seeds=[self.blinken["id"]]))

    def test_cooccurring_and_timeline(self):
        co = rows(self.ng.cooccurring(self.obrador["id"]))
        self.assertTrue(co and co[0]["sentences"] >= 1)
        self.assertTrue(rows(self.ng.timeline(self.obrador["id"])))

    def test_gizmo(self):
        res = self.ng.gizmo('g.V("<%s>").Out("<https://newsgraph.dev/ns#name>").All()' % self.obrador["id"])
        self.assertTrue(res)

    def test_errors(self):
        with self.assertRaises(newsgraph.NotFound) as e:
            self.ng.find("zzzz-nothing")
        self.assertEqual(e.exception.code, "NOT_FOUND")
        with self.assertRaises(newsgraph.NotFound):
            self.ng.neighbours("https://example.org/nothing")
        with self.assertRaises(newsgraph.InvalidRequest) as e:
            self.ng.query('{ subgraph(seeds: ["x"], hops: 9) { truncated } }')
        self.assertEqual(e.exception.code, "INVALID")
        with self.assertRaises(newsgraph.InvalidRequest):
            self.ng.query("{ noSuchField }")
        with self.assertRaises(newsgraph.Error):
            self.ng.query("{ searchEntities(query: ")
        with self.assertRaises(newsgraph.Unreachable):
            newsgraph.Client("http://127.0.0.1:9", timeout=5).search("x")


class PlainTest(Cases, unittest.TestCase):
    plain = True


class RichTest(Cases, unittest.TestCase):
    plain = False


if __name__ == "__main__":
    unittest.main(verbosity=2)
