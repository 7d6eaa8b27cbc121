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
import math
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


# ================================================================ pgbarrier/lq-v1

LQ_INPUT = "pgbarrier/lq-v1"
LQ_OUTPUT = "pgbarrier/lq-v1-eval"


def lq_sample():
    """n = 10 distinct log-likelihoods; eps 0.2 reads the 3rd smallest, 0.3 the 4th (exact floor)."""
    rng = random.Random(314)
    values = [round(-rng.uniform(0.01, 40), 6) for _ in range(10)]
    return dict(eps=["0", "0.05", "0.1", "0.2", "0.3", "3e-1", "0.30", "0.5", "0.99", "0.999999",
                     "1", "1.0"],
                log_likelihoods=values)


def lq_floor_guard():
    """n = 100 with ties: 0.29 * 100 is 28.999999999999996 in doubles, the floor must be 29."""
    rng = random.Random(29)
    values = [-float(rng.randrange(1, 40)) / 4 for _ in range(100)]
    return dict(eps=["0", "0.01", "0.29", "0.57", "0.58", "0.295", "0.7", "1E-2", "0.99", "1"],
                log_likelihoods=values)


def lq_tokens():
    """n = 7 rows of N = 4 token log-likelihoods: sequence value = row sum, token value = row min."""
    rng = random.Random(4)
    rows = [[round(-rng.uniform(0, 3) ** 2, 5) for _ in range(4)] for _ in range(7)]
    rows[3] = [0.0, -0.0, 0.0, -1e-300]  # a tiny value; sums and minima of tied rows
    rows[5] = list(rows[1])
    return dict(eps=["0", "0.125", "0.142857", "0.2857142857142857142857", "0.5", "0.75", "1"],
                token_log_likelihoods=rows)


LQ_INSTANCES = {
    "lq-sample": lq_sample,
    "lq-floor-guard": lq_floor_guard,
    "lq-tokens": lq_tokens,
}


def lq_evaluate(inst):
    """The three curves, with eps as exact decimals and sums of the doubles taken exactly."""
    exact = exact_context()
    if "token_log_likelihoods" in inst:
        rows = [[Decimal(float(v)) for v in row] for row in inst["token_log_likelihoods"]]
        seq = []
        for row in rows:
            t = Decimal(0)
            for v in row:
                t = exact.add(t, v)
            seq.append(t)
        minima = [min(row) for row in rows]
    else:
        seq = [Decimal(float(v)) for v in inst["log_likelihoods"]]
        minima = None
    n = len(seq)
    out = dict(log_lq=[], log_authors_quantile=[], log_token_lq=[] if minima else None)
    for text in inst["eps"]:
        eps = Decimal(text)
        assert 0 <= eps <= 1, text
        r = int((eps * n).to_integral_value(rounding=decimal.ROUND_FLOOR))
        a = int((eps * (n - 1)).to_integral_value(rounding=decimal.ROUND_FLOOR))
        out["log_lq"].append(order_statistic(seq, r))
        out["log_authors_quantile"].append(sorted(seq)[a])
        if minima:
            out["log_token_lq"].append(order_statistic(minima, r))
    return out


def order_statistic(values, r):
    """The (r + 1)-th smallest (1-based), or log 1 = 0 when r >= n."""
    return Decimal(0) if r >= len(values) else sorted(values)[r]


def lq_input_text(inst):
    parts = [f'  "format": "{LQ_INPUT}"', '  "eps": [' + ", ".join(inst["eps"]) + "]"]
    if "token_log_likelihoods" in inst:
        parts.append(matrix_text("token_log_likelihoods", inst["token_log_likelihoods"], number))
    else:
        parts.append('  "log_likelihoods": ' + row_text(inst["log_likelihoods"], number))
    return "{\n" + ",\n".join(parts) + "\n}\n"


def canonical(text):
    """The decimal without trailing zeros, in the shortest of plain and scientific notation as
    Java's BigDecimal.stripTrailingZeros().toString() writes it (scientific below 1e-6)."""
    d = decimal.Context(prec=EXACT_DIGITS).normalize(Decimal(text))
    return "0" if d == 0 else str(d).replace("e", "E")


def lq_output_text(inst, out):
    parts = [f'  "format": "{LQ_OUTPUT}"',
             '  "eps": [' + ", ".join(canonical(e) for e in inst["eps"]) + "]"]
    for key in ("log_lq", "log_authors_quantile", "log_token_lq"):
        if out[key] is not None:
            parts.append(f'  "{key}": ' + row_text(out[key], number))
    return "{\n" + ",\n".join(parts) + "\n}\n"


# ================================================================ pgbarrier/pg-step-v1

PG_INPUT = "pgbarrier/pg-step-v1"
PG_OUTPUT = "pgbarrier/pg-step-v1-eval"


def pg_base(seed, d, k, n, batch, scale=1.0):
    rng = random.Random(seed)
    inst = dict(
        d=d, k=k, N=n,
        W1=[[round(rng.uniform(-scale, scale), 3) for _ in range(k)] for _ in range(d)],
        W2=[[round(rng.uniform(-scale, scale), 3) for _ in range(k)] for _ in range(k)],
        x=[[round(rng.uniform(-1, 1), 3) for _ in range(d)] for _ in range(batch)],
        y=[[rng.randrange(k) for _ in range(n)] for _ in range(batch)],
    )
    return inst, rng


def pg_outcome_gradient_norm():
    """Outcome rewards in {0, 1} (a zero-reward response leaves w unchanged), gradient-norm step."""
    inst, _ = pg_base(11, 3, 3, 4, 3)
    inst["rewards"] = dict(outcome=[1, 0, 1])
    inst["step"] = dict(rule="gradient-norm")
    return inst


def pg_process_constant():
    """Process rewards (real advantages per token), a constant step."""
    inst, rng = pg_base(12, 2, 4, 3, 2, scale=2.0)
    inst["rewards"] = dict(process=[[round(rng.uniform(-1, 1), 3) for _ in range(3)]
                                    for _ in range(2)])
    inst["step"] = dict(rule="constant", eta=0.25)
    return inst


def pg_process_gradient_norm():
    """Process rewards in {0, 1} along the prefix (1, 1, 0, 0), the paper's Algorithm 2 shape."""
    inst, _ = pg_base(13, 3, 2, 4, 2)
    inst["rewards"] = dict(process=[[1, 1, 0, 0], [1, 1, 1, 1]])
    inst["step"] = dict(rule="gradient-norm")
    return inst


def pg_adagrad():
    """One torch Adagrad step on the authors' loss from a given accumulator state."""
    inst, rng = pg_base(14, 3, 3, 3, 2)
    inst["rewards"] = dict(outcome=[1, 0.5])
    inst["step"] = dict(rule="adagrad", lr=0.1, eps=1e-10,
                        state_W1=[[round(rng.uniform(0.5, 2), 3) for _ in range(3)]
                                  for _ in range(3)],
                        state_W2=[[round(rng.uniform(0.5, 2), 3) for _ in range(3)]
                                  for _ in range(3)])
    return inst


PG_INSTANCES = {
    "pg-step-outcome-gradient-norm": pg_outcome_gradient_norm,
    "pg-step-process-constant": pg_process_constant,
    "pg-step-process-gradient-norm": pg_process_gradient_norm,
    "pg-step-adagrad": pg_adagrad,
}


class Arith:
    """The step's arithmetic, either at 50 digits on Decimals or in doubles (the second path)."""

    def __init__(self, precise):
        self.precise = precise
        self.ctx = decimal.Context(prec=DIGITS)

    def num(self, v):
        return Decimal(float(v)) if self.precise else float(v)

    def exp(self, a):
        return self.ctx.exp(a) if self.precise else math.exp(a)

    def ln(self, a):
        return self.ctx.ln(a) if self.precise else math.log(a)

    def sqrt(self, a):
        return self.ctx.sqrt(a) if self.precise else math.sqrt(a)

    def div(self, a, b):
        return self.ctx.divide(a, b) if self.precise else a / b

    def plus(self, a, b):
        return self.ctx.add(a, b) if self.precise else a + b

    def times(self, a, b):
        return self.ctx.multiply(a, b) if self.precise else a * b


def pg_gradient(ar, inst, w1, w2, b, adv):
    """g = sum_i adv[i] grad log p(y_i | x, y_<i) at (w1, w2), as two blocks; straight softmax."""
    d, k, n = inst["d"], inst["k"], inst["N"]
    x = [ar.num(v) for v in inst["x"][b]]
    y = inst["y"][b]
    g1 = [[ar.num(0) for _ in range(k)] for _ in range(d)]
    g2 = [[ar.num(0) for _ in range(k)] for _ in range(k)]
    for i in range(n):
        a = []
        for v in range(k):
            s = ar.num(0)
            for j in range(d):
                s = ar.plus(s, ar.times(x[j], w1[j][v]))
            if i > 0:
                s = ar.plus(s, w2[v][y[i - 1]])
            a.append(s)
        exps = [ar.exp(t) for t in a]
        z = ar.num(0)
        for e in exps:
            z = ar.plus(z, e)
        for v in range(k):
            coef = ar.times(adv[i], ar.plus(ar.num(1 if v == y[i] else 0), -ar.div(exps[v], z)))
            for j in range(d):
                g1[j][v] = ar.plus(g1[j][v], ar.times(coef, x[j]))
            if i > 0:
                g2[v][y[i - 1]] = ar.plus(g2[v][y[i - 1]], coef)
    return g1, g2


def pg_evaluate(inst, precise):
    ar = Arith(precise)
    d, k, n = inst["d"], inst["k"], inst["N"]
    batch = len(inst["x"])
    rewards = inst["rewards"]
    if "outcome" in rewards:
        adv = [[ar.num(r)] * n for r in rewards["outcome"]]
    else:
        adv = [[ar.num(v) for v in row] for row in rewards["process"]]
    w1 = [[ar.num(v) for v in row] for row in inst["W1"]]
    w2 = [[ar.num(v) for v in row] for row in inst["W2"]]
    step = inst["step"]
    blocks = lambda m1, m2: [(i1, i2) for i1 in range(len(m1)) for i2 in range(len(m1[0]))]
    if step["rule"] == "adagrad":
        g1 = [[ar.num(0)] * k for _ in range(d)]
        g2 = [[ar.num(0)] * k for _ in range(k)]
        for b in range(batch):
            h1, h2 = pg_gradient(ar, inst, w1, w2, b, adv[b])
            g1 = [[ar.plus(g1[j][v], h1[j][v]) for v in range(k)] for j in range(d)]
            g2 = [[ar.plus(g2[u][v], h2[u][v]) for v in range(k)] for u in range(k)]
        scale = ar.div(ar.num(1), ar.num(batch * n))
        lr, eps = ar.num(step["lr"]), ar.num(step["eps"])
        s1 = [[ar.num(v) for v in row] for row in step["state_W1"]]
        s2 = [[ar.num(v) for v in row] for row in step["state_W2"]]
        for w, g, s in ((w1, g1, s1), (w2, g2, s2)):
            for r, c in blocks(w, None):
                grad = -ar.times(g[r][c], scale)
                s[r][c] = ar.plus(s[r][c], ar.times(grad, grad))
                w[r][c] = ar.plus(w[r][c], -ar.times(lr, ar.div(grad, ar.plus(ar.sqrt(s[r][c]), eps))))
        return dict(W1=w1, W2=w2, state_W1=s1, state_W2=s2)
    for b in range(batch):
        g1, g2 = pg_gradient(ar, inst, w1, w2, b, adv[b])
        if step["rule"] == "constant":
            eta = ar.num(step["eta"])
        else:
            sq = ar.num(0)
            for g in (g1, g2):
                for r, c in blocks(g, None):
                    sq = ar.plus(sq, ar.times(g[r][c], g[r][c]))
            eta = ar.div(ar.num(1), ar.plus(ar.num(4), ar.times(ar.num(2), sq)))
        for w, g in ((w1, g1), (w2, g2)):
            for r, c in blocks(w, None):
                w[r][c] = ar.plus(w[r][c], ar.times(eta, g[r][c]))
    return dict(W1=w1, W2=w2)


PG_AGREEMENT = 1e-14


def pg_check_conditioning(name, precise, doubles):
    """Refuses an instance whose double evaluation (plain Python floats, a second path) strays from
    the 50-digit one by more than 1e-14 relative: a margin of 100 below the tests' 1e-12."""
    for key in precise:
        for r, (pr, dr) in enumerate(zip(precise[key], doubles[key])):
            for c, (p, q) in enumerate(zip(pr, dr)):
                if abs(float(p) - q) > PG_AGREEMENT * abs(float(p)):
                    sys.exit(f"{name}: {key}[{r}][{c}] = {float(p)!r}, doubles give {q!r}: "
                             "ill-conditioned, choose another instance")


def pg_input_text(inst):
    rewards = inst["rewards"]
    if "outcome" in rewards:
        rewards_text = '  "rewards": {"outcome": ' + row_text(rewards["outcome"], number) + "}"
    else:
        body = ",\n".join("    " + row_text(r, number) for r in rewards["process"])
        rewards_text = '  "rewards": {"process": [\n' + body + "\n  ]}"
    step = inst["step"]
    fields = [f'"rule": "{step["rule"]}"']
    for key in ("eta", "lr", "eps"):
        if key in step:
            fields.append(f'"{key}": {number(step[key])}')
    for key in ("state_W1", "state_W2"):
        if key in step:
            fields.append(f'"{key}": [' + ", ".join(row_text(r, number) for r in step[key]) + "]")
    parts = input_text(inst).rstrip("}\n").replace(INPUT_FORMAT, PG_INPUT)
    return parts + ",\n" + rewards_text + ",\n  \"step\": {" + ", ".join(fields) + "}\n}\n"


def pg_output_text(out):
    parts = [f'  "format": "{PG_OUTPUT}"']
    for key in ("W1", "W2", "state_W1", "state_W2"):
        if key in out:
            parts.append(matrix_text(key, out[key], number))
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
    for name, make in LQ_INSTANCES.items():
        inst = make()
        (here / f"{name}.json").write_text(lq_input_text(inst))
        read = json.loads((here / f"{name}.json").read_text(), parse_float=str, parse_int=str)
        assert read.pop("format") == LQ_INPUT
        # eps stays the decimal text of the file; values become the nearest doubles.
        read["eps"] = [str(e) for e in read["eps"]]
        out = lq_evaluate(read)
        (here / f"{name}.expected.json").write_text(lq_output_text(inst, out))
        print(f"wrote {name}.json and {name}.expected.json")
    for name, make in PG_INSTANCES.items():
        source = here / f"{name}.json"
        source.write_text(pg_input_text(make()))
        inst = json.loads(source.read_text(), parse_float=float, parse_int=int)
        assert inst.pop("format") == PG_INPUT
        precise = pg_evaluate(inst, True)
        pg_check_conditioning(name, precise, pg_evaluate(inst, False))
        (here / f"{name}.expected.json").write_text(pg_output_text(precise))
        print(f"wrote {name}.json and {name}.expected.json")


if __name__ == "__main__":
    main()
