#!/usr/bin/env bash
# ./pgbarrier verify reproduces mvn -B verify's claims: runs the same checks (default: two cheap
# statistical checks) under the default master seed through Surefire and through the CLI, and
# compares every record's verdict, statistic, bound, false-alarm probability, mutant verdict,
# check seed and instance. Prints one line per check and exits 1 on any difference.
#   cluster/verify-smoke.sh ['SHP-01/monte-carlo-matches-exact-law,SHP-05/stopping-law-and-miss-rate']
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
pattern="${1:-SHP-01/monte-carlo-matches-exact-law,SHP-05/stopping-law-and-miss-rate}"
out="$(mktemp -d "${TMPDIR:-/tmp}/pgbarrier-verify-smoke.XXXXXX")"
trap 'rm -rf "$out"' EXIT

(cd "$root" && mvn -q -B -Dstyle.color=never -pl properties -am verify \
  -Dtest='*Properties' -Dsurefire.failIfNoSpecifiedTests=false \
  -Dpgbarrier.claims="$pattern" -Dpgbarrier.claims.dir="$out/surefire" >"$out/mvn.log" 2>&1) \
  || { sed 's/\x1b\[[0-9;]*m//g' "$out/mvn.log" >&2; exit 1; }
"$root/pgbarrier" verify --claims "$pattern" --out "$out/verify" >/dev/null

python3 - "$out/surefire/claims.json" "$out/verify/seed-20260307/claims.json" <<'PY'
import json, sys
keys = ['verdict', 'statistic', 'comparison', 'bound', 'false_alarm', 'mutant_rejected',
        'seed', 'instance', 'tries']
a = {(r['id'], r['check']): r for r in json.load(open(sys.argv[1]))}
b = {(r['id'], r['check']): r for r in json.load(open(sys.argv[2]))}
ok = a.keys() == b.keys() and len(a) > 0
for k in sorted(a.keys() | b.keys()):
    ra, rb = a.get(k), b.get(k)
    diff = ['absent'] if ra is None or rb is None else [f for f in keys if ra[f] != rb[f]]
    ok = ok and not diff
    print(f"{k[0]}/{k[1]}: {'same' if not diff else 'DIFFERS in ' + ', '.join(diff)}"
          + (f" ({ra['verdict']}, statistic {ra['statistic']}, bound {ra['bound']})" if ra else ""))
print("verify matches surefire" if ok else "verify DIFFERS from surefire")
sys.exit(0 if ok else 1)
PY
