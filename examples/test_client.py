"""Checks newsgraph_client against a live server: python3 test_client.py URL.

The server must hold the sample article (testdata/articles/border-crossings.txt).
Run with NEWSGRAPH_PLAIN=1 to test the standard-library path (plain lists
and dicts); the Go test TestPythonClient does.
"""

import sys
import unittest

import newsgraph_client as nc

URL = sys.argv.pop(1) if len(sys.argv) > 1 else "http://localhost:8080"


class ClientTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.ng = nc.Client(URL)
        cls.obrador = cls.ng.find("Obrador")
        cls.blinken = cls.ng.find("Blinken")

    def rows(self, x):
        return x.to_dict("records") if hasattr(x, "to_dict") else x

    def test_search(self):
        hits = self.rows(self.ng.search("obrador"))
        self.assertEqual(hits[0]["name"], "Andrés Manuel López Obrador")
        self.assertEqual(hits[0]["type"], "PERSON")
        self.assertEqual(self.rows(self.ng.search("zzzz-nothing")), [])

    def test_neighbours(self):
        rows = self.rows(self.ng.neighbours(self.obrador["id"], direction="OUT"))
        self.assertTrue(any(r["predicate"] == "want" and "reopen border crossings" in r["object"] for r in rows), rows)
        self.assertTrue(all(r["sentence"] for r in rows))

    def test_subgraph(self):
        g = self.ng.subgraph([self.blinken["id"]], hops=1)
        names = {d["name"] for _, d in g.nodes(data=True)} if hasattr(g, "nodes") and callable(g.nodes) else {n["name"] for n in g["nodes"]}
        self.assertIn("Andrés Manuel López Obrador", names)

    def test_shortest_path(self):
        p = self.ng.shortest_path(self.blinken["id"], self.obrador["id"], max_hops=3)
        self.assertIsNotNone(p)
        self.assertEqual(p["nodes"][0]["name"], "Antony Blinken")
        self.assertEqual(p["nodes"][-1]["name"], "Andrés Manuel López Obrador")
        self.assertEqual(len(p["statements"]), p["length"])

    def test_export(self):
        data = self.ng.export("json")
        if isinstance(data, dict):
            self.assertGreater(len(data["links"]), 10)
        else:
            self.assertGreater(data.number_of_edges(), 10)
        self.assertIn("<graphml", self.ng.export("graphml", seeds=[self.blinken["id"]]))

    def test_cooccurring_and_timeline(self):
        co = self.rows(self.ng.cooccurring(self.obrador["id"]))
        self.assertTrue(co and co[0]["sentences"] >= 1)
        tl = self.rows(self.ng.timeline(self.obrador["id"]))
        self.assertTrue(tl)

    def test_gizmo(self):
        res = self.ng.gizmo('g.V("<%s>").Out("<https://newsgraph.dev/ns#name>").All()' % self.obrador["id"])
        self.assertTrue(res)

    def test_errors(self):
        with self.assertRaises(nc.NewsgraphError):
            self.ng.find("zzzz-nothing")
        with self.assertRaises(nc.NewsgraphError) as e:
            self.ng.query("{ subgraph(seeds: [\"x\"], hops: 9) { truncated } }")
        self.assertEqual(e.exception.code, "INVALID")


if __name__ == "__main__":
    unittest.main(verbosity=2)
