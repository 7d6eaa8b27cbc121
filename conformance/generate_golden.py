#!/usr/bin/env python3
"""Writes the golden conformance pairs NAME.json / NAME.expected.json (docs/conformance.md).

The expected values come from a path independent of the Java code: the formulas of the format,
evaluated with the standard library's decimal module and nothing else.

* Every input number denotes the double nearest to its text; that double is converted to Decimal
  exactly.
* Logits are sums of products of such doubles, computed exactly (a 2000-digit context that traps
  on any rounding), so greedy ties and argmaxes are decided exactly.
* exp, ln, the softmax, the log-likelihoods and the gradient use 50 significant digits, as a
  straight softmax p_v = exp(a_v) / sum_u exp(a_u) with no max-shift or log-sum-exp trick.
* Each expected number is repr(float(value)): the double nearest to the 50-digit value, written
  in the shortest form that reads back to it.

Golden instances must be well-conditioned, or a correct double implementation could not match
them to the relative tolerance 1e-12: for every expected number V the first-order bound on the
rounding error of a double evaluation (dot products, log-sum-exp, exp, sums; unit roundoff
u = 2^-53) must be at most 1e-12 |V|, or V must be an exact structural zero (no term contributes
to it). The script refuses to write an instance that fails this. The responses y of the instance
with large weights avoid each step's argmax token for the same reason: log p near 0 is only known
to about u * |logit| in absolute terms.

Run it from anywhere: python3 conformance/generate_golden.py (rewrites the files beside it).
"""

import decimal
import json
import random
import sys
from decimal import Decimal
from pathlib import Path

INPUT_FORMAT = "pgbarrier/bigram-v1"
OUTPUT_FORMAT = "pgbarrier/bigram-v1-eval"
DIGITS = 50
EXACT_DIGITS = 2000
UNIT_ROUNDOFF = 2.0 ** -53
CONDITIONING = 1e-12


# ---------------------------------------------------------------- the instances

def tiny():
    """d=3, k=2, N=1, B=2: one step, so W2 is unused and its gradient is a structural zero."""
    rng = random.Random(20261122)
    d, k, n, batch = 3, 2, 1, 2
    return dict(
        d=d, k=k, N=n,
        W1=[[round(rng.uniform(-2, 2), 3) for _ in range(k)] for _ in range(d)],
        W2=[[round(rng.uniform(-2, 2), 3) for _ in range(k)] for _ in range(k)],
        x=[[round(rng.uniform(-1, 1), 3) for _ in range(d)] for _ in range(batch)],
        y=[[rng.randrange(k) for _ in range(n)] for _ in range(batch)],
    )


def large_weights():
    """d=4, k=3, N=5, B=3 with weights uniform in [-10, 10]; y never takes the argmax token."""
    rng = random.Random(7)
    d, k, n, batch = 4, 3, 5, 3
    inst = dict(
        d=d, k=k, N=n,
        W1=[[round(rng.uniform(-10, 10), 3) for _ in range(k)] for _ in range(d)],
        W2=[[round(rng.uniform(-10, 10), 3) for _ in range(k)] for _ in range(k)],
        x=[[round(rng.uniform(-1, 1), 3) for _ in range(d)] for _ in range(batch)],
        y=[],
    )
    model = exact_model(inst)
    for b in range(batch):
        y = []
        for i in range(n):
            a = model.logits(b, i, y)
            best = argmax(a)
            y.append(rng.choice([v for v in range(k) if v != best]))
        inst["y"].append(y)
    return inst


def greedy_ties():
    """Integer and half-integer weights whose greedy decodes meet two- and three-way ties.

    x_0 = [1, 0.5]: logits [1.25, 2.25, 2.25] -> 1 (tie of 1 and 2); after 1: [2.25, 2.25, 2.25]
    -> 0 (three-way tie); after 0: [1.25, 2.75, 2.75] -> 1; after 1: three-way tie again -> 0.
    x_1 = [0, 0]: [0, 0, 0] -> 0; after 0: [0, 0.5, 0.5] -> 1; after 1: [1, 0, 0] -> 0; -> 1.
    Every logit is a short sum of dyadic numbers, so it is exact in doubles too.
    """
    return dict(
        d=2, k=3, N=4,
        W1=[[1.0, 2.0, 2.0], [0.5, 0.5, 0.5]],
        W2=[[0.0, 1.0, -1.0], [0.5, 0.0, 0.25], [0.5, 0.0, 0.0]],
        x=[[1.0, 0.5], [0.0, 0.0]],
        y=[[2, 2, 0, 1], [1, 0, 2, 2]],
    )


def zero_weights():
    """All-zero weights: uniform next-token law, every step a k-way tie, greedy all zeros."""
    return dict(
        d=2, k=4, N=3,
        W1=[[0.0] * 4 for _ in range(2)],
        W2=[[0.0] * 4 for _ in range(4)],
        x=[[0.5, -2.0]],
        y=[[3, 1, 3]],
    )


INSTANCES = {
    "tiny": tiny,
    "large-weights": large_weights,
    "greedy-ties": greedy_ties,
    "zero-weights": zero_weights,
}


# ---------------------------------------------------------------- the model, exactly

def exact_context():
    ctx = decimal.Context(prec=EXACT_DIGITS)
    ctx.traps[decimal.Inexact] = True
    ctx.traps[decimal.Rounded] = True
    return ctx


def argmax(a):
    """The first index of the largest entry: ties go to the smallest token id."""
    best = 0
    for v in range(1, len(a)):
        if a[v] > a[best]:
            best = v
    return best


class exact_model:
    """Exact logits: logit_i(v) = sum_j x_j W1[j][v] (+ W2[v][y_{i-1}] for i >= 1, 0-based)."""

    def __init__(self, inst):
        self.d, self.k = inst["d"], inst["k"]
        self.w1 = [[Decimal(float(w)) for w in row] for row in inst["W1"]]
        self.w2 = [[Decimal(float(w)) for w in row] for row in inst["W2"]]
        self.x = [[Decimal(float(v)) for v in row] for row in inst["x"]]

    def logits(self, b, i, prefix):
        ctx = exact_context()
        a = []
        for v in range(self.k):
            s = Decimal(0)
            for j in range(self.d):
                s = ctx.add(s, ctx.multiply(self.x[b][j], self.w1[j][v]))
            if i > 0:
                s = ctx.add(s, self.w2[v][prefix[i - 1]])
            a.append(s)
        return a

    def magnitudes(self, b, i, prefix):
        """L_v = sum_j |x_j W1[j][v]| (+ |W2[v][p]|): the scale of each logit's rounding error."""
        out = []
        for v in range(self.k):
            s = sum(abs(float(self.x[b][j]) * float(self.w1[j][v])) for j in range(self.d))
            if i > 0:
                s += abs(float(self.w2[v][prefix[i - 1]]))
            out.append(s)
        return out


# ---------------------------------------------------------------- evaluation at 50 digits

class Entry:
    """An expected number with its first-order double rounding-error bound."""

    def __init__(self):
        self.value = Decimal(0)
        self.bound = 0.0
        self.magnitude = 0.0
        self.terms = 0

    def add(self, value, bound):
        ctx = decimal.Context(prec=DIGITS)
        self.value = ctx.add(self.value, value)
        self.bound += bound
        self.magnitude += abs(float(value))
        self.terms += 1

    def total_bound(self):
        return self.bound + self.terms * UNIT_ROUNDOFF * self.magnitude


def evaluate(inst):
    d, k, n = inst["d"], inst["k"], inst["N"]
    batch = len(inst["x"])
    model = exact_model(inst)
    ctx = decimal.Context(prec=DIGITS)
    u = UNIT_ROUNDOFF
    token_logprob, seq_logprob, greedy = [], [], []
    grad_w1 = [[Entry() for _ in range(k)] for _ in range(d)]
    grad_w2 = [[Entry() for _ in range(k)] for _ in range(k)]
    for b in range(batch):
        y = inst["y"][b]
        seq = Entry()
        row = []
        for i in range(n):
            a = model.logits(b, i, y)
            scale = model.magnitudes(b, i, y)
            exps = [ctx.exp(a_v) for a_v in a]
            z = Decimal(0)
            for e in exps:
                z = ctx.add(z, e)
            lse = ctx.ln(z)
            logp = ctx.subtract(a[y[i]], lse)
            da = [(d + 1) * u * s for s in scale]
            dlse = max(da) + 2 * u * abs(float(lse)) + (k + 3) * u
            dlogp = da[y[i]] + dlse + u * abs(float(logp))
            row.append((logp, dlogp))
            seq.add(logp, dlogp)
            for v in range(k):
                p = ctx.divide(exps[v], z)
                dp = float(p) * (da[v] + dlse + 2 * u * (abs(float(a[v] - lse)) + 1))
                coef = ctx.subtract(Decimal(1 if v == y[i] else 0), p)
                dcoef = dp + u * abs(float(coef))
                for j in range(d):
                    x_j = model.x[b][j]
                    if x_j != 0:
                        term = ctx.multiply(x_j, coef)
                        grad_w1[j][v].add(term, abs(float(x_j)) * dcoef + u * abs(float(term)))
                if i > 0:
                    grad_w2[v][y[i - 1]].add(coef, dcoef)
        token_logprob.append(row)
        seq_logprob.append((seq.value, seq.total_bound()))
        greedy.append(decode(model, b, n))
    finish = lambda rows: [[(e.value, e.total_bound()) for e in r] for r in rows]
    return dict(
        token_logprob=token_logprob,
        seq_logprob=seq_logprob,
        greedy=greedy,
        grad_W1=finish(grad_w1),
        grad_W2=finish(grad_w2),
    )


def decode(model, b, n):
    y = []
    for i in range(n):
        y.append(argmax(model.logits(b, i, y)))
    return y


def check_conditioning(name, result):
    """Refuses an instance with an expected number a double evaluation cannot pin to 1e-12."""
    def walk(key, value, index):
        if isinstance(value, tuple):
            v, bound = value
            if bound > CONDITIONING * abs(float(v)):
                sys.exit(f"{name}: {key}{index} = {float(v)!r} has a rounding-error bound "
                         f"{bound:.3g} above {CONDITIONING} * |value|: choose another instance")
        elif isinstance(value, list):
            for i, item in enumerate(value):
                walk(key, item, f"{index}[{i}]")

    for key in ("token_logprob", "seq_logprob", "grad_W1", "grad_W2"):
        walk(key, result[key], "")


# ---------------------------------------------------------------- JSON in the writer's layout

def number(value):
    return repr(float(value))


def row_text(row, fmt):
    return "[" + ", ".join(fmt(v) for v in row) + "]"


def matrix_text(key, rows, fmt):
    body = ",\n".join("    " + row_text(r, fmt) for r in rows)
    return f'  "{key}": [\n{body}\n  ]'


def input_text(inst):
    parts = [
        f'  "format": "{INPUT_FORMAT}"',
        f'  "d": {inst["d"]}',
        f'  "k": {inst["k"]}',
        f'  "N": {inst["N"]}',
        matrix_text("W1", inst["W1"], number),
        matrix_text("W2", inst["W2"], number),
        matrix_text("x", inst["x"], number),
        matrix_text("y", inst["y"], str),
    ]
    return "{\n" + ",\n".join(parts) + "\n}\n"


def output_text(result):
    value = lambda pair: number(pair[0])
    parts = [
        f'  "format": "{OUTPUT_FORMAT}"',
        matrix_text("token_logprob", result["token_logprob"], value),
        '  "seq_logprob": ' + row_text(result["seq_logprob"], value),
        matrix_text("greedy", result["greedy"], str),
        matrix_text("grad_W1", result["grad_W1"], value),
        matrix_text("grad_W2", result["grad_W2"], value),
    ]
    return "{\n" + ",\n".join(parts) + "\n}\n"


def main():
    here = Path(__file__).resolve().parent
    for name, make in INSTANCES.items():
        source = here / f"{name}.json"
        source.write_text(input_text(make()))
        # Evaluate what the file says, read back the way the format defines it.
        inst = json.loads(source.read_text(), parse_float=float, parse_int=int)
        assert inst.pop("format") == INPUT_FORMAT
        result = evaluate(inst)
        check_conditioning(name, result)
        (here / f"{name}.expected.json").write_text(output_text(result))
        print(f"wrote {name}.json and {name}.expected.json")


if __name__ == "__main__":
    main()
