"""A vectorised NumPy implementation of the authors' outcome_reward and process_reward experiments.

The peer of pgbarrier's Java runners in the speed comparison of bench/peer/compare.py: the same
algorithm (docs/theory.md §7.2, E1 then E2 or E3), written the way a
careful NumPy user would write it: every operation vectorised over the batch, one Python-level
loop over the N token positions, float64 throughout.

  model        logits_i(v) = (W1^T x)_v + W2[v, y_{i-1}]   (second term absent at i = 0)
  E1           token-averaged cross-entropy on (x, y*), fresh batch per step
  E2           r_b = +1 if y_b == y*_b else -1, adv_b = r_b - mean_b r_b (baseline)
  E3           r_bi = +1 if y_b[:i+1] == y*_b[:i+1] else -1, adv_bi = r_bi - mean_b r_bi
  loss         -(1/(B N)) sum_{b,i} adv_bi log p_w(y_bi | x_b, y_b<i)
  optimiser    torch.optim.Adagrad(lr): G += g^2, w -= lr g / (sqrt(G) + 1e-10)
  test error   1 - mean_x p_w(y*|x) on a fixed test set

Random streams differ from Java's, so results agree in distribution, not bit for bit.
Prints one JSON object: the settings, the wall time of each phase in seconds, and the errors.
"""

import argparse
import json
import time

import numpy as np

EPS_ADAGRAD = 1e-10


def mixture_inputs(rng, n, d, num_mix, sigma):
    """Means e_(j mod d), noise N(0, sigma^2 I) clipped to norm <= sigma, x rescaled to norm sqrt(d)."""
    centres = np.zeros((num_mix, d))
    centres[np.arange(num_mix), np.arange(num_mix) % d] = 1.0
    x = centres[rng.integers(0, num_mix, size=n)]
    noise = rng.normal(0.0, sigma, size=(n, d))
    norms = np.linalg.norm(noise, axis=1, keepdims=True)
    noise *= np.minimum(1.0, sigma / np.maximum(norms, 1e-300))
    x = x + noise
    return x * (np.sqrt(d) / np.linalg.norm(x, axis=1, keepdims=True))


def greedy(w1, w2, x, n):
    a = x @ w1
    y = np.empty((x.shape[0], n), dtype=np.int64)
    y[:, 0] = np.argmax(a, axis=1)
    for i in range(1, n):
        y[:, i] = np.argmax(a + w2[:, y[:, i - 1]].T, axis=1)
    return y


def log_softmax(z):
    m = z.max(axis=1, keepdims=True)
    z = z - m
    return z - np.log(np.exp(z).sum(axis=1, keepdims=True))


def log_likelihood(w1, w2, x, y):
    a = x @ w1
    total = np.zeros(x.shape[0])
    rows = np.arange(x.shape[0])
    for i in range(y.shape[1]):
        z = a if i == 0 else a + w2[:, y[:, i - 1]].T
        total += log_softmax(z)[rows, y[:, i]]
    return total


def test_error(w1, w2, x, y):
    return 1.0 - float(np.mean(np.exp(log_likelihood(w1, w2, x, y))))


def sample(rng, w1, w2, x, n, k, epsilon):
    """On-policy sampling, or the epsilon-mixture with the uniform token; also returns the softmax of every step."""
    b = x.shape[0]
    a = x @ w1
    y = np.empty((b, n), dtype=np.int64)
    probs = np.empty((n, b, k))
    for i in range(n):
        z = a if i == 0 else a + w2[:, y[:, i - 1]].T
        p = np.exp(log_softmax(z))
        probs[i] = p
        u = rng.random(b)
        tok = (p.cumsum(axis=1) < u[:, None]).sum(axis=1)
        tok = np.minimum(tok, k - 1)
        if epsilon > 0:
            mix = rng.random(b) < epsilon
            tok = np.where(mix, rng.integers(0, k, size=b), tok)
        y[:, i] = tok
    return y, probs


def gradient(x, y, probs, weights, k):
    """Direction (1/(B N)) sum_{b,i} weights_bi grad log p(y_bi | ...), as (dW1, dW2).

    probs has shape (N, B, k): the softmax at every position. With r_bi = weights_bi (e_{y_bi} - p_bi),
    dW1 = x^T sum_i r_bi and dW2[v, p] = sum_{b, i >= 1} r_bi[v] [y_b,i-1 = p], both over (B N).
    """
    b, n = y.shape
    r = probs * -weights.T[:, :, None]
    np.put_along_axis(r, y.T[:, :, None],
                      np.take_along_axis(r, y.T[:, :, None], axis=2) + weights.T[:, :, None], axis=2)
    scale = 1.0 / (b * n)
    d1 = x.T @ r.sum(axis=0)
    previous = np.zeros(((n - 1) * b, k))
    previous[np.arange((n - 1) * b), y[:, :-1].T.reshape(-1)] = 1.0
    d2 = r[1:].reshape(-1, k).T @ previous
    return d1 * scale, d2 * scale


def supervised_probs(w1, w2, x, y, k):
    a = x @ w1
    probs = np.empty((y.shape[1], x.shape[0], k))
    for i in range(y.shape[1]):
        z = a if i == 0 else a + w2[:, y[:, i - 1]].T
        probs[i] = np.exp(log_softmax(z))
    return probs


class Adagrad:
    def __init__(self, lr, shapes):
        self.lr = lr
        self.sums = [np.zeros(s) for s in shapes]

    def ascend(self, params, directions):
        for p, g, s in zip(params, directions, self.sums):
            s += g * g
            p += self.lr * g / (np.sqrt(s) + EPS_ADAGRAD)


def run(args):
    rng_data = np.random.default_rng(args.seed)
    rng = np.random.default_rng(args.seed + 1)
    d, k, n = args.d, args.k, args.seq_length
    w1_star = rng_data.normal(size=(d, k))
    w2_star = rng_data.normal(size=(k, k))
    draw = lambda g, m: mixture_inputs(g, m, d, args.num_mix, args.sigma)
    test_x = draw(rng_data, args.test_set_size)
    test_y = greedy(w1_star, w2_star, test_x, n)

    timings = {}
    w1 = np.zeros((d, k))
    w2 = np.zeros((k, k))
    start = time.perf_counter()
    opt = Adagrad(args.lr, [w1.shape, w2.shape])
    for _ in range(args.sup_steps):
        x = draw(rng, args.sup_batch)
        y = greedy(w1_star, w2_star, x, n)
        probs = supervised_probs(w1, w2, x, y, k)
        opt.ascend([w1, w2], gradient(x, y, probs, np.ones((x.shape[0], n)), k))
    timings["supervised"] = time.perf_counter() - start
    base_error = test_error(w1, w2, test_x, test_y)

    start = time.perf_counter()
    opt = Adagrad(args.lr, [w1.shape, w2.shape])
    for _ in range(args.pg_steps):
        x = draw(rng, args.pg_batch)
        y_star = greedy(w1_star, w2_star, x, n)
        y, probs = sample(rng, w1, w2, x, n, k, args.epsilon)
        if args.reward == "outcome":
            r = np.where((y == y_star).all(axis=1), 1.0, -1.0)[:, None].repeat(n, axis=1)
        else:
            r = np.where(np.cumprod(y == y_star, axis=1) > 0, 1.0, -1.0)
        adv = r - r.mean(axis=0, keepdims=True) if args.baseline else r
        opt.ascend([w1, w2], gradient(x, y, probs, adv, k))
    timings["pg"] = time.perf_counter() - start
    final_error = test_error(w1, w2, test_x, test_y)
    return {
        "peer": "numpy " + np.__version__,
        "settings": vars(args),
        "timings_seconds": timings,
        "base_test_error": base_error,
        "final_test_error": final_error,
    }


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--reward", choices=["outcome", "process"], default="outcome")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--d", type=int, default=32)
    p.add_argument("--k", type=int, default=32)
    p.add_argument("--seq-length", type=int, default=128)
    p.add_argument("--num-mix", type=int, default=32)
    p.add_argument("--sigma", type=float, default=0.05)
    p.add_argument("--test-set-size", type=int, default=1024)
    p.add_argument("--sup-steps", type=int, default=1000)
    p.add_argument("--sup-batch", type=int, default=256)
    p.add_argument("--pg-steps", type=int, default=4000)
    p.add_argument("--pg-batch", type=int, default=1024)
    p.add_argument("--lr", type=float, default=0.1)
    p.add_argument("--baseline", type=lambda s: {"true": True, "false": False}[s], default=True)
    p.add_argument("--epsilon", type=float, default=0.0,
                   help="probability of a uniform token (the process config's mixture uses 0.5)")
    print(json.dumps(run(p.parse_args()), indent=2))


if __name__ == "__main__":
    main()
