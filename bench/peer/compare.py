"""Runs the NumPy peer and pgbarrier's Java runner side by side and prints the speed ratio.

Both run the authors' outcome_reward or process_reward experiment (d = k = 32, N = 128,
supervised 1000 steps of batch 256, PG 4000 steps of batch 1024, Adagrad lr 0.1) with the step
counts divided by --scale. The peer's BLAS threads are pinned to the Java thread count
(OPENBLAS_NUM_THREADS, OMP_NUM_THREADS, MKL_NUM_THREADS): with OpenBLAS's default threads on a
loaded 2-core machine NumPy runs about 20x slower, an unfair comparison.

The Java side is bench/target/benchmarks.jar's org.pgbarrier.bench.PeerRun (build it with
`mvn -B -DskipTests -pl bench -am package`). Per phase it prints the wall seconds of both, the
per-step times and the ratio peer / Java; wall and CPU seconds of the whole process as well,
since other jobs on a shared machine take CPU from both.

  python3 bench/peer/compare.py --reward outcome --threads 1           # full scale
  python3 bench/peer/compare.py --reward process --threads 2 --scale 20
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SUP_STEPS, PG_STEPS = 1000, 4000


def run(cmd, env):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    out = subprocess.run(cmd, env=env, check=True, capture_output=True, text=True).stdout
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    text = out[out.index("{"):]
    return json.loads(text), wall, cpu


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--reward", choices=["outcome", "process"], default="outcome")
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--scale", type=int, default=1, help="divide both step counts by this")
    p.add_argument("--jar", default=os.path.join(ROOT, "bench", "target", "benchmarks.jar"))
    args = p.parse_args()
    sup, pg = max(1, SUP_STEPS // args.scale), max(1, PG_STEPS // args.scale)
    env = dict(os.environ)
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        env[var] = str(args.threads)
    load = os.getloadavg()
    print(f"{args.reward}_reward: supervised {sup} steps, PG {pg} steps, threads {args.threads}"
          f" (peer BLAS threads pinned to {args.threads}); load average {load[0]:.1f}"
          f" {load[1]:.1f} {load[2]:.1f} on {os.cpu_count()} cores", flush=True)
    java = ["java", "-cp", args.jar, "org.pgbarrier.bench.PeerRun", args.reward, str(sup),
            str(pg), str(args.threads)]
    peer = [sys.executable, os.path.join(HERE, "numpy_peer.py"), "--reward", args.reward,
            "--sup-steps", str(sup), "--pg-steps", str(pg),
            "--baseline", "true" if args.reward == "outcome" else "false"]
    j, j_wall, j_cpu = run(java, env)
    n, n_wall, n_cpu = run(peer, env)
    jt, nt = j["timings_seconds"], n["timings_seconds"]
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
          f" java {j['final_test_error']:.4f}")


if __name__ == "__main__":
    main()
