"""Tests of check.py and export_torch.py (standard library unittest and NumPy; no Java needed).

    python3 -m unittest discover -s conformance -p 'test_*.py'

.ci/run runs them after the Maven build. The golden pairs are checked against an independent
NumPy evaluation of all three formats (bigram-v1 by export_torch.evaluate, lq-v1 and pg-step-v1
by the functions below, written from docs/conformance.md sections 6 and 7); every rejection test
is the mutant twin of an acceptance test on the same file.
"""

import contextlib
import decimal
import io
import json
import math
import os
import subprocess
import sys
import tempfile
import unittest
from decimal import Decimal
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import check  # noqa: E402
import export_torch  # noqa: E402


# ------------------------------------------------ an independent NumPy evaluation of the formats

def lq_eval_text(path):
    """pgbarrier/lq-v1-eval of an lq-v1 file, as JSON text (eps written as canonical decimals)."""
    data = json.loads(Path(path).read_text(), parse_float=Decimal, parse_int=Decimal)
    with decimal.localcontext() as context:
        context.prec = 200
        eps = data["eps"]
        canonical = [str(e.normalize()) for e in eps]
        if "token_log_likelihoods" in data:
            rows = [[float(v) for v in row] for row in data["token_log_likelihoods"]]
            values = [float(np.sum(np.array(row), dtype=np.float64)) for row in rows]
            minima = sorted(min(row) for row in rows)
        else:
            values, minima = [float(v) for v in data["log_likelihoods"]], None
        values = sorted(values)
        n = len(values)

        def paper(sample, e):
            index = int((e * n).to_integral_value(rounding=decimal.ROUND_FLOOR))
            return sample[index] if index < n else 0.0

        def authors(e):
            return values[int((e * (n - 1)).to_integral_value(rounding=decimal.ROUND_FLOOR))]

        parts = ['"format": "pgbarrier/lq-v1-eval"', '"eps": [%s]' % ", ".join(canonical),
                 '"log_lq": %s' % json.dumps([paper(values, e) for e in eps]),
                 '"log_authors_quantile": %s' % json.dumps([authors(e) for e in eps])]
        if minima is not None:
            parts.append('"log_token_lq": %s' % json.dumps([paper(minima, e) for e in eps]))
    return "{%s}" % ", ".join(parts)


def weighted_gradient(w1, w2, x, y, advantages):
    """sum_i a_i grad log p(y_i | x, y_<i) in both blocks (docs/conformance.md section 7.2)."""
    g1, g2 = np.zeros_like(w1), np.zeros_like(w2)
    for i, token in enumerate(y):
        logits = x @ w1 + (w2[:, y[i - 1]] if i else 0.0)
        p = np.exp(logits - logits.max())
        delta = -p / p.sum()
        delta[token] += 1.0
        g1 += advantages[i] * np.outer(x, delta)
        if i:
            g2[:, y[i - 1]] += advantages[i] * delta
    return g1, g2


def pg_step_eval(path):
    data = json.loads(Path(path).read_text())
    w1, w2 = np.array(data["W1"], float), np.array(data["W2"], float)
    x, y = np.array(data["x"], float), data["y"]
    batch, n = len(y), data["N"]
    rewards = data["rewards"]
    if "outcome" in rewards:
        advantages = [[r] * n for r in rewards["outcome"]]
    else:
        advantages = rewards["process"]
    step = data["step"]
    out = {"format": "pgbarrier/pg-step-v1-eval"}
    if step["rule"] == "adagrad":
        grad1, grad2 = np.zeros_like(w1), np.zeros_like(w2)
        for b in range(batch):
            g1, g2 = weighted_gradient(w1, w2, x[b], y[b], advantages[b])
            grad1 -= g1 / (batch * n)
            grad2 -= g2 / (batch * n)
        s1 = np.array(step["state_W1"], float) + grad1 ** 2
        s2 = np.array(step["state_W2"], float) + grad2 ** 2
        w1 = w1 - step["lr"] * grad1 / (np.sqrt(s1) + step["eps"])
        w2 = w2 - step["lr"] * grad2 / (np.sqrt(s2) + step["eps"])
        out.update(W1=w1.tolist(), W2=w2.tolist(), state_W1=s1.tolist(), state_W2=s2.tolist())
        return out
    for b in range(batch):
        g1, g2 = weighted_gradient(w1, w2, x[b], y[b], advantages[b])
        if step["rule"] == "constant":
            eta = step["eta"]
        else:
            eta = 1.0 / (4.0 + 2.0 * (np.sum(g1 ** 2) + np.sum(g2 ** 2)))
        w1, w2 = w1 + eta * g1, w2 + eta * g2
    out.update(W1=w1.tolist(), W2=w2.tolist())
    return out


def numpy_eval_text(path):
    fmt = json.loads(Path(path).read_text())["format"]
    if fmt == "pgbarrier/lq-v1":
        return lq_eval_text(path)
    if fmt == "pgbarrier/pg-step-v1":
        return json.dumps(pg_step_eval(path))
    return json.dumps(export_torch.evaluate(json.loads(Path(path).read_text())))


def golden_pairs():
    inputs = sorted(p for p in HERE.glob("*.json") if not p.name.endswith(".expected.json"))
    return [(p, p.with_name(p.name[:-len(".json")] + ".expected.json")) for p in inputs]


# ------------------------------------------------------------------------------ helpers

def dump(node):
    """JSON text of a document read by check.load, numbers written by their texts."""
    if isinstance(node, check.Number):
        return node.text
    if isinstance(node, list):
        return "[%s]" % ", ".join(dump(child) for child in node)
    if isinstance(node, dict):
        return "{%s}" % ", ".join("%s: %s" % (json.dumps(k), dump(v)) for k, v in node.items())
    return json.dumps(node)


def first_nonzero_leaf(node, path=()):
    """The index path of the first non-zero number of a numeric field."""
    if isinstance(node, list):
        for i, child in enumerate(node):
            found = first_nonzero_leaf(child, path + (i,))
            if found is not None:
                return found
        return None
    return path if node.value != 0 else None


def get(node, path):
    for i in path:
        node = node[i]
    return node


def put(node, path, value):
    for i in path[:-1]:
        node = node[i]
    node[path[-1]] = value


def run_checker(*args, stdin=None):
    return subprocess.run([sys.executable, str(HERE / "check.py"), *map(str, args)],
                          input=stdin, capture_output=True, text=True)


class TempDirTest(unittest.TestCase):
    def setUp(self):
        self._dir = tempfile.TemporaryDirectory()
        self.temp = Path(self._dir.name)

    def tearDown(self):
        self._dir.cleanup()

    def write(self, name, text):
        path = self.temp / name
        path.write_text(text)
        return path

    def disagreements(self, expected, actual, random_rule=False):
        return check.check(str(expected), str(actual), random_rule).disagreements


# ------------------------------------------------------------------------------ the tests

class GoldenPairsTest(TempDirTest):
    def test_everyGoldenPairAgreesWithAnIndependentNumpyEvaluation(self):
        pairs = golden_pairs()
        formats = {json.loads(e.read_text())["format"] for _, e in pairs}
        self.assertEqual(formats, set(check.FORMATS))
        self.assertGreaterEqual(len(pairs), 11)
        for source, expected in pairs:
            with self.subTest(source.name):
                actual = self.write(source.name, numpy_eval_text(source))
                self.assertEqual(self.disagreements(expected, actual), [])

    def test_commandLineExitsZeroWithOneSummaryLineOnAgreement(self):
        source, expected = HERE / "lq-tokens.json", HERE / "lq-tokens.expected.json"
        result = run_checker(expected, "-", stdin=lq_eval_text(source))
        self.assertEqual((result.returncode, result.stderr), (0, ""))
        self.assertEqual(result.stdout,
                         "check.py: all 29 values agree: <stdin> against %s\n" % expected)


class PerturbedOutputTest(TempDirTest):
    """Mutant twins: each golden file with one entry moved is rejected, and only then."""

    def perturbed(self, expected, key, relative):
        document = check.load(str(expected))
        path = first_nonzero_leaf(document[key])
        old = get(document[key], path)
        put(document[key], path, check.Number(repr(old.value * (1 + relative)), False))
        return self.write("perturbed.json", dump(document)), path

    def test_aNumberMovedBeyondTheToleranceIsRejectedInEveryGoldenFile(self):
        for _, expected in golden_pairs():
            document = check.load(str(expected))
            key = [k for k in document if k not in ("format", "greedy", "eps")][0]
            with self.subTest(expected.name):
                inside, _ = self.perturbed(expected, key, 1e-14)
                self.assertEqual(self.disagreements(expected, inside), [])
                outside, path = self.perturbed(expected, key, 1e-10)
                lines = self.disagreements(expected, outside)
                self.assertEqual(len(lines), 1, lines)
                index = "".join("[%d]" % i for i in path)
                self.assertTrue(lines[0].startswith("%s%s: expected " % (key, index)), lines[0])
                self.assertIn("relative error 1e-10, tolerance 1e-12 relative", lines[0])

    def test_commandLineExitsOneAndNamesFieldIndexValuesErrorAndTolerance(self):
        expected = HERE / "large-weights.expected.json"
        document = check.load(str(expected))
        document["grad_W2"][1][2] = check.Number(
            repr(document["grad_W2"][1][2].value * (1 + 3e-9)), False)
        result = run_checker(expected, self.write("out.json", dump(document)))
        self.assertEqual((result.returncode, result.stderr), (1, ""))
        first, summary = result.stdout.splitlines()
        self.assertRegex(first, r"^grad_W2\[1\]\[2\]: expected \S+, actual \S+, \|difference\| "
                                r"\S+, relative error 3e-09, tolerance 1e-12 relative")
        self.assertTrue(summary.startswith("check.py: 1 of 55 values disagree: "), summary)

    def test_aChangedGreedyTokenIsRejectedExactly(self):
        expected = HERE / "greedy-ties.expected.json"
        document = check.load(str(expected))
        token = document["greedy"][1][2]
        document["greedy"][1][2] = check.Number(str(int(token.value) + 1), True)
        lines = self.disagreements(expected, self.write("g.json", dump(document)))
        self.assertEqual(lines, ["greedy[1][2]: expected %s, actual %d (exact integer)"
                                 % (token.text, int(token.value) + 1)])
        document["greedy"][1][2] = check.Number(token.text + ".0", False)
        lines = self.disagreements(expected, self.write("g.json", dump(document)))
        self.assertEqual(lines, ["greedy[1][2]: expected %s, actual %s.0 (exact integer)"
                                 % (token.text, token.text)])

    def test_epsIsComparedAsCanonicalDecimalText(self):
        expected = HERE / "lq-sample.expected.json"
        document = check.load(str(expected))
        self.assertEqual(document["eps"][4].text, "0.3")
        for text in ("0.30", "3e-1", "0.29999999999999998890"):
            document["eps"][4] = check.Number(text, False)
            lines = self.disagreements(expected, self.write("e.json", dump(document)))
            self.assertEqual(lines, ["eps[4]: expected 0.3, actual %s (exact canonical "
                                     "decimal text)" % text])

    def test_formatKeysShapesAndNonNumbersAreRejected(self):
        expected = HERE / "tiny.expected.json"
        cases = {
            "format": (lambda d: d.__setitem__("format", "pgbarrier/bigram-v2-eval"),
                       'format: expected "pgbarrier/bigram-v1-eval", actual '
                       '"pgbarrier/bigram-v2-eval" (exact)'),
            "missing": (lambda d: d.pop("grad_W2"), "grad_W2: missing from the actual output"),
            "extra": (lambda d: d.__setitem__("loss", check.Number("1", True)),
                      "loss: not a key of pgbarrier/bigram-v1-eval"),
            "order": (lambda d: d.__setitem__("token_logprob", d.pop("token_logprob")),
                      "keys: in the order format, seq_logprob, greedy, grad_W1, grad_W2, "
                      "token_logprob, expected format, token_logprob, seq_logprob, greedy, "
                      "grad_W1, grad_W2"),
            "shape": (lambda d: d["grad_W1"][2].pop(), "grad_W1[2]: expected 2 entries, actual 1"),
            "string": (lambda d: d["seq_logprob"].__setitem__(0, "-0.93"),
                       'seq_logprob[0]: expected -0.9293767737034505, actual "-0.93" '
                       "(not a number)"),
        }
        for name, (mutate, line) in cases.items():
            with self.subTest(name):
                document = check.load(str(expected))
                mutate(document)
                lines = self.disagreements(expected, self.write("m.json", dump(document)))
                self.assertEqual(lines, [line])

    def test_nanAndInfinityAreRejected(self):
        expected = HERE / "tiny.expected.json"
        for text in ("NaN", "Infinity", "-Infinity"):
            document = check.load(str(expected))
            document["grad_W1"][0][1] = check.Number(text, False)
            lines = self.disagreements(expected, self.write("n.json", dump(document)))
            self.assertEqual(len(lines), 1, lines)
            self.assertTrue(lines[0].startswith("grad_W1[0][1]: expected 0.8803765186001271, "
                                                "actual %s," % text), lines[0])

    def test_unusableInputExitsTwoWithOneLineAndNoOutput(self):
        expected = HERE / "tiny.expected.json"
        cases = {
            "missing file": (expected, self.temp / "absent.json", "cannot read"),
            "invalid JSON": (expected, self.write("bad.json", '{"format": '), "invalid JSON"),
            "duplicate key": (expected, self.write("dup.json", '{"a": 1, "a": 2}'),
                              'duplicate key "a"'),
            "not an object": (expected, self.write("arr.json", "[1, 2]"), "not a JSON object"),
            "unknown format": (self.write("fmt.json", '{"format": "x"}'), expected,
                               'format = "x": must be one of "pgbarrier/bigram-v1-eval"'),
            "usage": (expected, "--nonsense", "the following arguments are required: actual"),
        }
        for name, (first, second, message) in cases.items():
            with self.subTest(name):
                result = run_checker(first, second)
                self.assertEqual((result.returncode, result.stdout), (2, ""))
                self.assertEqual(len(result.stderr.splitlines()), 1, result.stderr)
                self.assertTrue(result.stderr.startswith("check.py: "), result.stderr)
                self.assertIn(message, result.stderr)


class RandomInstanceRuleTest(TempDirTest):
    """--random: docs/conformance.md section 5's scaled tolerance for random bigram instances."""

    def documents(self, expected_logprob, actual_logprob, expected_grad, actual_grad):
        def doc(logprob, grad):
            return json.dumps({"format": "pgbarrier/bigram-v1-eval", "token_logprob": [[logprob]],
                               "seq_logprob": [logprob], "greedy": [[0]],
                               "grad_W1": [[grad, 2.0]], "grad_W2": [[0.0, 0.0], [0.0, 0.0]]})
        return (self.write("e.json", doc(expected_logprob, expected_grad)),
                self.write("a.json", doc(actual_logprob, actual_grad)))

    def test_aNearZeroLogProbabilityAndASmallGradientEntryPassOnlyUnderTheRandomRule(self):
        expected, actual = self.documents(-1e-14, -1e-14 + 5e-10, 1e-6, 1e-6 + 1e-9)
        self.assertEqual(len(self.disagreements(expected, actual)), 3)
        self.assertEqual(self.disagreements(expected, actual, random_rule=True), [])

    def test_theRandomRuleStillRejectsErrorsAboveItsScaledTolerance(self):
        expected, actual = self.documents(-10.0, -10.0 + 2e-8, 1e-6, 1e-6 + 3e-9)
        lines = self.disagreements(expected, actual, random_rule=True)
        self.assertEqual([line.split(":")[0] for line in lines],
                         ["token_logprob[0][0]", "seq_logprob[0]", "grad_W1[0][0]"])
        self.assertIn("tolerance 1e-08 absolute = 1e-09 x max(|expected|, 1)", lines[0])
        self.assertIn("tolerance 2e-09 absolute = 1e-09 x max(|expected|, 2.0 = max |grad_W1|)",
                      lines[2])


# ------------------------------------------------------------------------------ the exporter

def authors_log_probs(w, d, k, x, y):
    """AutoregressivePolicy.logits + log_softmax + gather, transcribed to NumPy on the flat w."""
    w1 = w[:d * k].reshape(d, k)          # self.w[: d*k].view(d, k)
    w2 = w[d * k:].reshape(k, k)          # self.w[d*k :].view(k, k)
    base = x @ w1
    add = w2.T[y[:, :-1]]                 # w2.T[y_prev]
    first = np.zeros((x.shape[0], 1, k))
    logits = base[:, None, :] + np.concatenate([first, add], axis=1)
    shift = logits.max(axis=-1, keepdims=True)
    log_probs = logits - shift - np.log(np.exp(logits - shift).sum(axis=-1, keepdims=True))
    return np.take_along_axis(log_probs, y[..., None], axis=-1)[..., 0]


def documented_log_probs(document):
    """docs/conformance.md section 1 read literally from the file, in plain Python floats."""
    w1, w2, k = document["W1"], document["W2"], document["k"]
    out = []
    for x, y in zip(document["x"], document["y"]):
        row = []
        for i, token in enumerate(y):
            logit = [math.fsum(x[j] * w1[j][v] for j in range(len(x)))
                     + (w2[v][y[i - 1]] if i else 0.0) for v in range(k)]
            top = max(logit)
            row.append(logit[token] - top - math.log(math.fsum(math.exp(a - top) for a in logit)))
        out.append(row)
    return np.array(out)


def generate_y(x, w1_star, w2_star, n):
    """utils/data_generator.generate_y transcribed: greedy responses of the ground truth."""
    base = x @ w1_star.T
    y = np.empty((x.shape[0], n), dtype=np.int64)
    y[:, 0] = base.argmax(axis=1)
    for t in range(1, n):
        y[:, t] = (base + w2_star[:, y[:, t - 1]].T).argmax(axis=1)
    return y


class FakeTensor:
    """The part of a torch tensor the exporter touches (detach().cpu().numpy())."""

    def __init__(self, array):
        self.array = array

    def detach(self):
        return self

    def cpu(self):
        return self

    def numpy(self):
        return self.array


class FakeModule:
    def __init__(self, w):
        self.w = FakeTensor(w)

    def state_dict(self):
        return {"w": self.w}


class ExporterTest(TempDirTest):
    SHAPES = ((3, 4, 5, 6), (4, 4, 3, 5), (5, 2, 4, 3))   # d, k, N, B: d < k, d = k, d > k

    @staticmethod
    def random_case(d, k, n, batch, seed):
        rng = np.random.default_rng(seed)
        w = rng.standard_normal(d * k + k * k)
        x = rng.standard_normal((batch, d))
        y = rng.integers(0, k, size=(batch, n))
        return w, x, y

    def assertClose(self, actual, expected, message=""):
        scale = np.maximum(np.abs(expected), 1.0)
        self.assertTrue(np.all(np.abs(actual - expected) <= 1e-12 * scale),
                        "%s: largest error %.3g" % (message, np.max(np.abs(actual - expected))))

    def test_theExportedFileIsTheAuthorsModelUnderTheDocumentedFormula(self):
        for seed, (d, k, n, batch) in enumerate(self.SHAPES):
            w, x, y = self.random_case(d, k, n, batch, seed)
            for name, model in (("array", w), ("state dict", {"w": w}),
                                ("module", FakeModule(w))):
                with self.subTest(d=d, k=k, model=name):
                    path = self.temp / "in.json"
                    export_torch.write_bigram_input(str(path), model, x, y)
                    document = json.loads(path.read_text())
                    self.assertEqual([document[key] for key in ("format", "d", "k", "N")],
                                     ["pgbarrier/bigram-v1", d, k, n])
                    self.assertClose(documented_log_probs(document),
                                     authors_log_probs(w, d, k, x, y), "log p")

    def test_aTransposedW2OrW1IsCaughtByTheSameComparison(self):
        d, k, n, batch = self.SHAPES[1]
        w, x, y = self.random_case(d, k, n, batch, 1)
        authors = authors_log_probs(w, d, k, x, y)
        for block in ("W1", "W2"):
            document = export_torch.bigram_input(w, x, y)
            document[block] = np.array(document[block]).T.tolist()
            error = np.max(np.abs(documented_log_probs(document) - authors))
            self.assertGreater(error, 1e-3, "a transposed %s must change log p" % block)

    def test_float32WeightsAreWrittenAsTheirExactValues(self):
        w, x, y = self.random_case(3, 4, 5, 6, 7)
        w32, x32 = w.astype(np.float32), x.astype(np.float32)
        document = export_torch.bigram_input({"w": FakeTensor(w32)}, x32, y)
        self.assertEqual(np.array(document["W1"]).ravel().tolist() + np.array(
            document["W2"]).ravel().tolist(), w32.astype(np.float64).tolist())
        self.assertEqual(document["x"], x32.astype(np.float64).tolist())

    def test_theGroundTruthsKByDMatrixIsTransposedIntoW1(self):
        rng = np.random.default_rng(11)
        d, k, n, batch = 6, 4, 5, 40
        x = rng.integers(0, 2, size=(batch, d)) * 2.0 - 1.0
        w1_star, w2_star = rng.standard_normal((k, d)), rng.standard_normal((k, k))
        y = generate_y(x, w1_star, w2_star, n)
        document = export_torch.bigram_input(
            x=x, y=y, weights=export_torch.weights_from_ground_truth(w1_star, w2_star))
        self.assertEqual(export_torch.evaluate(document)["greedy"], y.tolist())

    def test_theCommandLineDemoWritesAnInputAndItsEvaluation(self):
        inp, out = self.temp / "in.json", self.temp / "py.json"
        result = subprocess.run([sys.executable, str(HERE / "export_torch.py"), "--demo", "6", "4",
                                 "5", "8", "--seed", "1", "--out", str(inp), "--eval-out", str(out)],
                                capture_output=True, text=True)
        self.assertEqual((result.returncode, result.stdout, result.stderr), (0, "", ""))
        document = json.loads(inp.read_text())
        w = np.array(document["W1"]).ravel().tolist() + np.array(document["W2"]).ravel().tolist()
        evaluation = json.loads(out.read_text())
        self.assertClose(np.array(evaluation["token_logprob"]),
                         authors_log_probs(np.array(w), 6, 4, np.array(document["x"]),
                                           np.array(document["y"])), "demo log p")

    def test_badInputIsOneLineNamingTheValueAndTheRule(self):
        w, x, y = self.random_case(3, 4, 5, 6, 2)
        y[2][3] = 4
        with self.assertRaisesRegex(ValueError, r"^y\[2\]\[3\] = 4: must be a token id in \[0, 3\]$"):
            export_torch.bigram_input(w, x, y)
        with self.assertRaisesRegex(ValueError, r"^w has 27 entries: must be d\*k \+ k\*k"):
            export_torch.bigram_input(w[:-1], x, y)
        result = subprocess.run([sys.executable, str(HERE / "export_torch.py"), "--demo", "0", "4",
                                 "5", "8", "--out", str(self.temp / "in.json")],
                                capture_output=True, text=True)
        self.assertEqual((result.returncode, result.stdout), (2, ""))
        self.assertEqual(result.stderr, "export_torch.py: --demo 0 4 5 8: must have D >= 1, "
                                        "K >= 2, N >= 1, B >= 1\n")
        self.assertFalse((self.temp / "in.json").exists())
