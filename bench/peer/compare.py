"""Runs the NumPy peer and pgbarrier's CLI side by side and prints the speed ratio.

Both run the authors' outcome_reward or process_reward experiment (configs/<reward>_reward.yaml:
d = k = 32, N = 128, supervised 1000 steps of batch 256, PG 4000 steps of batch 1024, Adagrad lr
0.1; outcome with the mean baseline, process without, both on-policy) with the step counts divided
by --scale. The Java side is

  ./pgbarrier run configs/<reward>_reward.yaml global.output_dir=<tmp>
      experiment.supervised.steps=S experiment.pg.steps=P --threads N --quiet

and its per-phase wall seconds are read from the timings.json it writes. Build its jar first with
`mvn -B -DskipTests -pl cli -am package` (./pgbarrier rebuilds a stale jar with `mvn install`).
The Java run does more than the peer: it also measures the test error every 50 steps and tracks
the likelihoods of the mixture centres every PG step (the authors' settings); the peer does
neither. The peer's BLAS threads are pinned to N (OPENBLAS_NUM_THREADS, OMP_NUM_THREADS,
MKL_NUM_THREADS): with OpenBLAS's default threads on a loaded 2-core machine NumPy runs about 20x
slower, an unfair comparison.

Per phase it prints the wall seconds of both, the per-step times and the ratio peer / Java; the
wall and CPU seconds of both whole processes as well (Java's include the JVM start, the data and
the figures), and the load average before and after, since other jobs on a shared machine take
CPU from both.

  python3 bench/peer/compare.py --reward outcome --threads 1           # full scale
  python3 bench/peer/compare.py --reward process --threads 2 --scale 20
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SUP_STEPS, PG_STEPS = 1000, 4000


def run(cmd, env):
    """Runs cmd; returns its standard output, wall seconds and CPU seconds (user + system)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    out = subprocess.run(cmd, env=env, cwd=ROOT, check=True, capture_output=True,
                         text=True).stdout
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return out, wall, cpu


def load():
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--reward", choices=["outcome", "process"], default="outcome")
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--scale", type=int, default=1, help="divide both step counts by this")
    args = p.parse_args()
    sup, pg = max(1, SUP_STEPS // args.scale), max(1, PG_STEPS // args.scale)
    env = dict(os.environ)
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        env[var] = str(args.threads)
    print(f"{args.reward}_reward: supervised {sup} steps, PG {pg} steps, threads {args.threads}"
          f" (peer BLAS threads pinned to {args.threads}); load average {load()}"
          f" on {os.cpu_count()} cores", flush=True)
    with tempfile.TemporaryDirectory(prefix="pgbarrier-compare-") as out:
        java = [os.path.join(ROOT, "pgbarrier"), "run",
                os.path.join(ROOT, "configs", f"{args.reward}_reward.yaml"),
                f"global.output_dir={out}", f"experiment.supervised.steps={sup}",
                f"experiment.pg.steps={pg}", "--threads", str(args.threads), "--quiet"]
        print(" ".join(java[:2] + [os.path.relpath(java[2], ROOT)] + java[3:]), flush=True)
        _, j_wall, j_cpu = run(java, env)
        with open(os.path.join(out, "timings.json")) as f:
            jt = next(iter(json.load(f).values()))
        j_error = last_test_error(out)
    print(f"java done, load average {load()}", flush=True)
    peer = [sys.executable, os.path.join(HERE, "numpy_peer.py"), "--reward", args.reward,
            "--sup-steps", str(sup), "--pg-steps", str(pg),
            "--baseline", "true" if args.reward == "outcome" else "false"]
    out, n_wall, n_cpu = run(peer, env)
    n = json.loads(out[out.index("{"):])
    nt = n["timings_seconds"]
    print(f"numpy done, load average {load()}")
    print(f"{'phase':12} {'numpy s':>10} {'java s':>10} {'numpy/step':>12} {'java/step':>12}"
          f" {'ratio':>8}")
    for phase, steps in (("supervised", sup), ("pg", pg)):
        print(f"{phase:12} {nt[phase]:10.2f} {jt[phase]:10.3f} {nt[phase] / steps * 1e3:10.2f}ms"
              f" {jt[phase] / steps * 1e3:10.3f}ms {nt[phase] / jt[phase]:8.1f}")
    n_run = nt["supervised"] + nt["pg"]
    j_run = jt["supervised"] + jt["pg"]
    print(f"{'both phases':12} {n_run:10.2f} {j_run:10.3f} {'':>12} {'':>12}"
          f" {n_run / j_run:8.1f}")
    print(f"{'process wall':12} {n_wall:10.2f} {j_wall:10.3f} {'':>12} {'':>12}"
          f" {n_wall / j_wall:8.1f}")
    print(f"{'process cpu':12} {n_cpu:10.2f} {j_cpu:10.3f} {'':>12} {'':>12}"
          f" {n_cpu / j_cpu:8.1f}")
    print(f"final test error: numpy {n['final_test_error']:.4f} (its own random streams),"
          f" java {j_error:.4f}")


def last_test_error(out):
    """The last PG test error in the *_test_error.csv (rows phase,step,error) in out."""
    name = next(f for f in os.listdir(out) if f.endswith("_test_error.csv"))
    with open(os.path.join(out, name)) as f:
        return float(f.read().split()[-1].split(",")[-1])


if __name__ == "__main__":
    main()
