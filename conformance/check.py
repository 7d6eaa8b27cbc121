#!/usr/bin/env python3
"""Compares an implementation's output with a golden NAME.expected.json (docs/conformance.md).

    python3 conformance/check.py EXPECTED.json ACTUAL.json     (ACTUAL may be - for stdin)
    python3 conformance/check.py --random EXPECTED.json ACTUAL.json

Formats: pgbarrier/bigram-v1-eval, pgbarrier/lq-v1-eval, pgbarrier/pg-step-v1-eval, chosen by
the expected file's "format" key. The rules are those of docs/conformance.md sections 3, 5, 6.3,
7.3 and 7.5, as ConformanceGoldenTest applies them:

* the same keys, in the same order, with the same shapes;
* exact fields: "format" (the same string), "greedy" (the same integers), and the lq-v1 "eps"
  (the same canonical decimal texts: 0.30 and 3e-1 must be written 0.3);
* every other number a against the expected b: |a - b| <= 1e-12 |b| or |a - b| <= 1e-300.

--random applies the rule of section 5 for random bigram-v1 instances (tol = 1e-9), where tokens
of probability near 1 occur: token_logprob and seq_logprob within tol * max(|b|, 1), grad_W1 and
grad_W2 entries within tol * max(|b|, max |entry of that expected block|). It changes nothing for
the other two formats (section 7.5 asks for the golden tolerance there too).

Prints one line per disagreement (field, index, expected, actual, relative error, tolerance),
at most --max-lines of them, then a summary line. Exit 0 when everything agrees, 1 when
something disagrees, 2 when an input is unusable (one line on stderr, nothing on stdout).
Standard library and NumPy only; Python 3.9+.
"""

import argparse
import json
import math
import sys

import numpy as np

FORMATS = ("pgbarrier/bigram-v1-eval", "pgbarrier/lq-v1-eval", "pgbarrier/pg-step-v1-eval")
RELATIVE = 1e-12
ABSOLUTE = 1e-300
RANDOM_TOLERANCE = 1e-9
LOG_PROBABILITY_FIELDS = ("token_logprob", "seq_logprob")
GRADIENT_FIELDS = ("grad_W1", "grad_W2")


class Unusable(Exception):
    """An input the checker cannot compare; the message is the one line printed."""


class Number:
    """A JSON number with its text kept: compared as a double, or as text for exact fields."""

    __slots__ = ("text", "value", "integer")

    def __init__(self, text, integer):
        self.text = text
        self.value = float(text)
        self.integer = integer


def _refuse_duplicates(pairs):
    keys = [key for key, _ in pairs]
    for key in keys:
        if keys.count(key) > 1:
            raise Unusable('duplicate key "%s"' % key)
    return dict(pairs)


def load(path):
    """Reads one output file (or stdin for -), keeping number texts and key order."""
    name = "<stdin>" if path == "-" else path
    try:
        if path == "-":
            text = sys.stdin.read()
        else:
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
    except (OSError, UnicodeDecodeError) as error:
        raise Unusable("%s: cannot read: %s" % (name, getattr(error, "strerror", None) or error))
    try:
        document = json.loads(
            text,
            object_pairs_hook=_refuse_duplicates,
            parse_float=lambda s: Number(s, False),
            parse_int=lambda s: Number(s, True),
            parse_constant=lambda s: Number(s, False))
    except Unusable as error:
        raise Unusable("%s: %s" % (name, error))
    except ValueError as error:
        raise Unusable("%s: invalid JSON: %s" % (name, error))
    if not isinstance(document, dict):
        raise Unusable("%s: not a JSON object" % name)
    return document


class Comparison:
    """Walks the expected document and records every disagreement of the actual one."""

    def __init__(self, random_rule):
        self.random_rule = random_rule
        self.compared = 0
        self.disagreements = []

    def disagree(self, field, index, message):
        self.disagreements.append("%s%s: %s" % (field, index, message))

    def run(self, expected, actual):
        expected_keys, actual_keys = list(expected), list(actual)
        missing = [key for key in expected_keys if key not in actual]
        extra = [key for key in actual_keys if key not in expected]
        for key in missing:
            self.disagree(key, "", "missing from the actual output")
        for key in extra:
            self.disagree(key, "", "not a key of %s" % expected["format"])
        common = [key for key in actual_keys if key in expected]
        if not missing and not extra and common != expected_keys:
            self.disagree("keys", "", "in the order %s, expected %s"
                          % (", ".join(common), ", ".join(expected_keys)))
        for key in expected_keys:
            if key not in actual:
                continue
            if key == "format":
                self.exact_string(key, expected[key], actual[key])
            elif key == "greedy":
                self.walk(key, "", expected[key], actual[key], self.exact_integer)
            elif key == "eps" and expected["format"] == "pgbarrier/lq-v1-eval":
                self.walk(key, "", expected[key], actual[key], self.exact_decimal_text)
            else:
                self.walk(key, "", expected[key], actual[key], self.numeric(key, expected[key]))

    def exact_string(self, field, expected, actual):
        self.compared += 1
        if expected != actual:
            self.disagree(field, "", "expected %s, actual %s (exact)"
                          % (json.dumps(expected), _show(actual)))

    def walk(self, field, index, expected, actual, leaf):
        if isinstance(expected, list):
            if not isinstance(actual, list):
                self.compared += _count(expected)
                self.disagree(field, index, "expected an array of %d, actual %s"
                              % (len(expected), _show(actual)))
                return
            if len(actual) != len(expected):
                self.compared += _count(expected)
                self.disagree(field, index, "expected %d entries, actual %d"
                              % (len(expected), len(actual)))
                return
            for i, (e, a) in enumerate(zip(expected, actual)):
                self.walk(field, "%s[%d]" % (index, i), e, a, leaf)
            return
        self.compared += 1
        if not isinstance(actual, Number):
            self.disagree(field, index, "expected %s, actual %s (not a number)"
                          % (expected.text, _show(actual)))
            return
        leaf(field, index, expected, actual)

    def exact_integer(self, field, index, expected, actual):
        if not actual.integer or actual.value != expected.value:
            self.disagree(field, index, "expected %s, actual %s (exact integer)"
                          % (expected.text, actual.text))

    def exact_decimal_text(self, field, index, expected, actual):
        if actual.text != expected.text:
            self.disagree(field, index, "expected %s, actual %s (exact canonical decimal text)"
                          % (expected.text, actual.text))

    def numeric(self, field, expected_block):
        """The leaf rule of one field: golden (relative) or, with --random, scaled absolute."""
        scale_of = None
        if self.random_rule and field in LOG_PROBABILITY_FIELDS:
            scale_of = lambda b: max(abs(b), 1.0)
            rule = "1e-09 x max(|expected|, 1)"
        elif self.random_rule and field in GRADIENT_FIELDS:
            block = np.abs(np.array(_floats(expected_block), dtype=np.float64))
            block_max = float(block.max()) if block.size else 0.0
            scale_of = lambda b: max(abs(b), block_max)
            rule = "1e-09 x max(|expected|, %s = max |%s|)" % (repr(block_max), field)

        def leaf(field, index, expected, actual):
            a, b = actual.value, expected.value
            error = abs(a - b)
            relative = error / abs(b) if b != 0 else math.inf if error > 0 else 0.0
            if scale_of is None:
                ok = error <= RELATIVE * abs(b) or error <= ABSOLUTE
                tolerance = "%g relative (or %g absolute)" % (RELATIVE, ABSOLUTE)
            else:
                allowed = RANDOM_TOLERANCE * scale_of(b)
                ok = error <= allowed or error <= ABSOLUTE
                tolerance = "%.3g absolute = %s" % (allowed, rule)
            if not ok:  # also catches NaN, whose comparisons are all false
                self.disagree(field, index,
                              "expected %s, actual %s, |difference| %.3g, relative error %.3g, "
                              "tolerance %s" % (expected.text, actual.text, error, relative,
                                                tolerance))
        return leaf


def _floats(node):
    if isinstance(node, list):
        out = []
        for child in node:
            out.extend(_floats(child))
        return out
    return [node.value] if isinstance(node, Number) else []


def _count(node):
    return sum(_count(child) for child in node) if isinstance(node, list) else 1


def _show(node):
    if isinstance(node, Number):
        return node.text
    if isinstance(node, list):
        return "an array of %d" % len(node)
    if isinstance(node, dict):
        return "an object"
    return json.dumps(node)


def check(expected_path, actual_path, random_rule=False):
    """Returns the Comparison of two files; raises Unusable for an unusable input."""
    expected = load(expected_path)
    fmt = expected.get("format")
    if fmt not in FORMATS:
        raise Unusable('%s: format = %s: must be one of %s' % (
            expected_path, json.dumps(fmt if isinstance(fmt, str) else _show(fmt)),
            ", ".join('"%s"' % f for f in FORMATS)))
    actual = load(actual_path)
    comparison = Comparison(random_rule)
    comparison.run(expected, actual)
    return comparison


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="check.py",
        description="Compare an implementation's output with a pgbarrier *.expected.json "
                    "(docs/conformance.md). Exit 0: all agree; 1: some disagree; 2: unusable input.")
    parser.add_argument("expected", help="the golden NAME.expected.json (or ./pgbarrier eval's output)")
    parser.add_argument("actual", help="the implementation's output, or - for standard input")
    parser.add_argument("--random", action="store_true",
                        help="bigram-v1 tolerance of docs/conformance.md section 5 for random "
                             "instances (1e-9, log-probabilities and gradients scaled)")
    parser.add_argument("--max-lines", type=int, default=100, metavar="M",
                        help="print at most M disagreements (default 100)")

    def usage_error(message):
        sys.stderr.write("check.py: %s (usage: check.py [--random] EXPECTED.json ACTUAL.json)\n"
                         % message)
        sys.exit(2)
    parser.error = usage_error
    args = parser.parse_args(argv)
    if args.max_lines < 0:
        usage_error("--max-lines = %d: must be >= 0" % args.max_lines)
    try:
        comparison = check(args.expected, args.actual, args.random)
    except Unusable as error:
        sys.stderr.write("check.py: %s\n" % error)
        return 2
    actual_name = "<stdin>" if args.actual == "-" else args.actual
    what = "%s against %s" % (actual_name, args.expected)
    if not comparison.disagreements:
        print("check.py: all %d values agree: %s" % (comparison.compared, what))
        return 0
    for line in comparison.disagreements[:args.max_lines]:
        print(line)
    hidden = len(comparison.disagreements) - args.max_lines
    if hidden > 0:
        print("... and %d more" % hidden)
    print("check.py: %d of %d values disagree: %s"
          % (len(comparison.disagreements), comparison.compared, what))
    return 1


if __name__ == "__main__":
    sys.exit(main())
