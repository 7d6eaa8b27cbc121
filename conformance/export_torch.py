#!/usr/bin/env python3
"""Writes an AutoregressivePolicy-style bigram model and a batch to pgbarrier/bigram-v1.

The authors' model (github.com/mousavih/rlvr-base-model-barrier, utils/model.py) keeps all its
weights in one flat parameter `w` of length d*k + k*k:

    w1 = w[: d*k].view(d, k)        # logits_0 = x @ w1, so w1[j][v] multiplies x[j] for token v
    w2 = w[d*k :].view(k, k)        # logits_i += w2[:, y_{i-1}].T, so w2[v][p] is the bonus of
                                    # token v after token p

which is exactly our W1 (d x k) and W2[v][p] (row = next token, column = previous token) of
docs/conformance.md section 1: W1 = w[:d*k].reshape(d, k), W2 = w[d*k:].reshape(k, k), row-major,
no transposition. There is no nn.Linear in their model. The one transposed tensor in their code is
the data generator's ground truth w1_star, of shape (k, d) and used as x @ w1_star.T (the
nn.Linear out x in convention): weights_from_ground_truth maps it to W1 = w1_star.T, W2 = w2_star.

NumPy is required; PyTorch is optional: a model may be an nn.Module (its state_dict()["w"] is
read), a state dict {"w": tensor or array}, or the flat array itself. float32 tensors are written
as their exact values (every float32 is a double). x is B x d, y is B x N token ids.

Python:
    from export_torch import write_bigram_input, evaluate
    write_bigram_input("in.json", model, x, y)                 # model: nn.Module, dict or array

Command line (one line on stderr and exit 2 on bad input):
    python3 conformance/export_torch.py --weights W.npz|W.pt --batch XY.npz --out in.json
    python3 conformance/export_torch.py --demo 6 4 5 8 --seed 1 --out in.json --eval-out py.json

W.npz holds the array `w` (or W.pt a state dict or module, read with torch.load); XY.npz holds
`x` and `y`. --demo D K N B draws a model and a batch as the authors' code does (Rademacher x,
responses y decoded greedily from a Gaussian ground truth, generate_y) from a seeded NumPy
generator. --eval-out also writes what a float64 evaluation of the authors' forward pass gives
(`evaluate`, NumPy, pgbarrier/bigram-v1-eval), to compare with ./pgbarrier eval using check.py
--random (docs/conformance.md, "From PyTorch").
"""

import argparse
import json
import math
import os
import sys
import tempfile

import numpy as np

INPUT_FORMAT = "pgbarrier/bigram-v1"
OUTPUT_FORMAT = "pgbarrier/bigram-v1-eval"


def _to_numpy(tensor):
    """A torch tensor (any device, with or without grad) or array-like as a float64 array."""
    if hasattr(tensor, "detach"):
        tensor = tensor.detach().cpu().numpy()
    return np.asarray(tensor)


def flat_weights(model):
    """The authors' flat parameter w from an nn.Module, a state dict or the array itself."""
    if hasattr(model, "state_dict"):
        model = model.state_dict()
    if isinstance(model, dict):
        if "w" not in model:
            raise ValueError("model state dict has keys %s: must hold the authors' flat "
                             "parameter \"w\" (AutoregressivePolicy.w)" % sorted(model))
        model = model["w"]
    w = _to_numpy(model)
    if w.ndim != 1:
        raise ValueError("w has shape %s: must be the flat vector of length d*k + k*k" % (w.shape,))
    return w.astype(np.float64)


def split_weights(w, d):
    """W1 (d x k) and W2 ([v][p], k x k) of the flat w, as AutoregressivePolicy._split_w."""
    length = w.shape[0]
    k = int(round((-d + math.sqrt(d * d + 4 * length)) / 2))
    if k < 2 or d * k + k * k != length:
        raise ValueError("w has %d entries: must be d*k + k*k with d = %d (the columns of x) "
                         "and an integer k >= 2" % (length, d))
    return w[:d * k].reshape(d, k).copy(), w[d * k:].reshape(k, k).copy()


def weights_from_ground_truth(w1_star, w2_star):
    """W1, W2 of the data generator's GroundTruth: w1_star is k x d (x @ w1_star.T)."""
    w1_star, w2_star = _to_numpy(w1_star).astype(np.float64), _to_numpy(w2_star).astype(np.float64)
    k = w2_star.shape[0]
    if w2_star.shape != (k, k) or w1_star.ndim != 2 or w1_star.shape[0] != k:
        raise ValueError("w1_star has shape %s and w2_star %s: must be k x d and k x k"
                         % (w1_star.shape, w2_star.shape))
    return w1_star.T.copy(), w2_star.copy()


def _batch(x, y, k):
    x = _to_numpy(x).astype(np.float64)
    y = _to_numpy(y)
    if x.ndim != 2 or x.shape[0] < 1:
        raise ValueError("x has shape %s: must be B x d with B >= 1" % (x.shape,))
    if y.ndim != 2 or y.shape[0] != x.shape[0] or y.shape[1] < 1:
        raise ValueError("y has shape %s: must be B x N with B = %d (the rows of x), N >= 1"
                         % (y.shape, x.shape[0]))
    if not np.issubdtype(y.dtype, np.integer):
        raise ValueError("y has dtype %s: must hold integer token ids" % y.dtype)
    bad = np.argwhere((y < 0) | (y >= k))
    if bad.size:
        b, i = bad[0]
        raise ValueError("y[%d][%d] = %d: must be a token id in [0, %d]" % (b, i, y[b, i], k - 1))
    return x, y.astype(np.int64)


def _finite(name, array):
    bad = np.argwhere(~np.isfinite(array))
    if bad.size:
        index = "".join("[%d]" % i for i in bad[0])
        raise ValueError("%s%s = %r: must be a finite number" % (name, index, array[tuple(bad[0])]))


def bigram_input(model=None, x=None, y=None, weights=None):
    """The pgbarrier/bigram-v1 object of a model (or weights=(W1, W2)) and a batch."""
    x_array = _to_numpy(x)
    if weights is None:
        w1, w2 = split_weights(flat_weights(model), x_array.shape[1] if x_array.ndim == 2 else 0)
    else:
        w1, w2 = (np.asarray(a, dtype=np.float64) for a in weights)
    k = w1.shape[1]
    x, y = _batch(x, y, k)
    if w1.shape != (x.shape[1], k) or w2.shape != (k, k):
        raise ValueError("W1 has shape %s and W2 %s: must be d x k = %d x %d and k x k"
                         % (w1.shape, w2.shape, x.shape[1], k))
    for name, array in (("W1", w1), ("W2", w2), ("x", x)):
        _finite(name, array)
    return {"format": INPUT_FORMAT, "d": int(x.shape[1]), "k": int(k), "N": int(y.shape[1]),
            "W1": w1.tolist(), "W2": w2.tolist(), "x": x.tolist(), "y": y.tolist()}


def evaluate(document):
    """pgbarrier/bigram-v1-eval of a bigram-v1 object: the authors' forward pass in float64.

    Logits as AutoregressivePolicy.logits (x @ w1, plus w2.T[y_prev] from position 1), a
    max-shifted log-softmax, greedy decodes by argmax (ties to the smallest id, as np.argmax),
    and the gradient of sum_b log p(y_b | x_b) in closed form (docs/conformance.md section 3).
    """
    w1, w2 = np.array(document["W1"], dtype=np.float64), np.array(document["W2"], dtype=np.float64)
    x, y = np.array(document["x"], dtype=np.float64), np.array(document["y"], dtype=np.int64)
    batch, n = y.shape
    k = w1.shape[1]
    base = x @ w1
    token_logprob = np.empty((batch, n))
    grad_w1, grad_w2_t = np.zeros_like(w1), np.zeros((k, k))  # grad_w2_t[p][v]
    rows = np.arange(batch)
    for i in range(n):
        logits = base if i == 0 else base + w2.T[y[:, i - 1]]
        shift = logits.max(axis=1, keepdims=True)
        lse = shift[:, 0] + np.log(np.exp(logits - shift).sum(axis=1))
        token_logprob[:, i] = logits[rows, y[:, i]] - lse
        delta = -np.exp(logits - lse[:, None])
        delta[rows, y[:, i]] += 1.0
        grad_w1 += x.T @ delta
        if i >= 1:
            np.add.at(grad_w2_t, y[:, i - 1], delta)
    greedy = np.empty((batch, n), dtype=np.int64)
    for i in range(n):
        logits = base if i == 0 else base + w2.T[greedy[:, i - 1]]
        greedy[:, i] = logits.argmax(axis=1)
    arrays = [token_logprob, grad_w1, grad_w2_t]
    if not all(np.isfinite(a).all() for a in arrays):
        raise ArithmeticError("the evaluation overflows the double range")
    return {"format": OUTPUT_FORMAT, "token_logprob": token_logprob.tolist(),
            "seq_logprob": token_logprob.sum(axis=1).tolist(), "greedy": greedy.tolist(),
            "grad_W1": grad_w1.tolist(), "grad_W2": grad_w2_t.T.tolist()}


def write_json(path, document):
    """Writes one object atomically (temporary file beside it, then rename), numbers as repr."""
    directory = os.path.dirname(os.path.abspath(path))
    text = json.dumps(document, allow_nan=False) + "\n"
    handle, temporary = tempfile.mkstemp(prefix="." + os.path.basename(path) + ".", dir=directory)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


def write_bigram_input(path, model, x, y):
    """bigram_input(model, x, y) written to path; returns the object."""
    document = bigram_input(model, x, y)
    write_json(path, document)
    return document


def demo(d, k, n, batch, seed):
    """A flat w and a batch drawn as the authors' code draws them, from a seeded generator."""
    rng = np.random.default_rng(seed)
    x = rng.integers(0, 2, size=(batch, d)).astype(np.float64) * 2.0 - 1.0
    w1_star, w2_star = rng.standard_normal((k, d)), rng.standard_normal((k, k))
    base = x @ w1_star.T
    y = np.empty((batch, n), dtype=np.int64)
    y[:, 0] = base.argmax(axis=1)
    for t in range(1, n):
        y[:, t] = (base + w2_star[:, y[:, t - 1]].T).argmax(axis=1)
    w = 0.5 * rng.standard_normal(d * k + k * k)
    return w, x, y


def _load_weights(path):
    if path.endswith(".npz"):
        with np.load(path) as data:
            return {name: data[name] for name in data.files}
    import torch  # only for .pt files
    return torch.load(path, map_location="cpu")


def main(argv=None):
    parser = argparse.ArgumentParser(prog="export_torch.py", description=__doc__.split("\n")[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--weights", metavar="W.npz|W.pt", help="the flat parameter w")
    source.add_argument("--demo", nargs=4, type=int, metavar=("D", "K", "N", "B"),
                        help="a random model and batch drawn as the authors' code does")
    parser.add_argument("--batch", metavar="XY.npz", help="x (B x d) and y (B x N), with --weights")
    parser.add_argument("--seed", type=int, default=1, help="seed of --demo (default 1)")
    parser.add_argument("--out", required=True, metavar="IN.json", help="the bigram-v1 file")
    parser.add_argument("--eval-out", metavar="EVAL.json",
                        help="also write the float64 NumPy evaluation (bigram-v1-eval)")

    def usage_error(message):
        sys.stderr.write("export_torch.py: %s\n" % message)
        sys.exit(2)
    parser.error = usage_error
    args = parser.parse_args(argv)
    try:
        if args.demo:
            d, k, n, batch = args.demo
            if d < 1 or k < 2 or n < 1 or batch < 1:
                raise ValueError("--demo %d %d %d %d: must have D >= 1, K >= 2, N >= 1, B >= 1"
                                 % (d, k, n, batch))
            model, x, y = demo(d, k, n, batch, args.seed)
        else:
            if not args.batch:
                raise ValueError("--weights needs --batch XY.npz (the arrays x and y)")
            model = _load_weights(args.weights)
            with np.load(args.batch) as data:
                if "x" not in data.files or "y" not in data.files:
                    raise ValueError("%s holds %s: must hold the arrays x and y"
                                     % (args.batch, ", ".join(data.files) or "nothing"))
                x, y = data["x"], data["y"]
        document = bigram_input(model, x, y)
        evaluation = evaluate(document) if args.eval_out else None
        write_json(args.out, document)
        if evaluation is not None:
            write_json(args.eval_out, evaluation)
    except (ValueError, OSError, ArithmeticError, ImportError) as error:
        sys.stderr.write("export_torch.py: %s\n" % error)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
