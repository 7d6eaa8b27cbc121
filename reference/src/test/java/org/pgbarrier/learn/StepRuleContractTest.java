package org.pgbarrier.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.DoubleFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What every step rule promises: validated parameters and shapes, no non-finite weight. */
class StepRuleContractTest {

  record Rule(String name, DoubleFunction<StepRule> make) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Rule> rules() {
    return List.of(
        new Rule("ConstantStep", ConstantStep::new),
        new Rule("LossNormalisedStep", LossNormalisedStep::new),
        new Rule("AdaGradNormStep", AdaGradNormStep::new),
        new Rule("Adagrad", Adagrad::new));
  }

  @ParameterizedTest
  @MethodSource("rules")
  void parametersThatAreNotFiniteAndPositiveAreRefused(Rule rule) {
    for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThatThrownBy(() -> rule.make().apply(bad))
          .as("%s(%s)", rule, bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(" = " + bad)
          .hasMessageContaining("must be finite and > 0");
    }
  }

  @ParameterizedTest
  @MethodSource("rules")
  void aDirectionOfTheWrongLengthIsRefused(Rule rule) {
    double[] w = {1, 2};
    assertThatThrownBy(() -> rule.make().apply(0.5).apply(w, new double[] {1, 2, 3}, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("direction has length 3: must have length 2");
    assertThat(w).containsExactly(1.0, 2.0);
  }

  @ParameterizedTest
  @MethodSource("rules")
  void aStepToANonFiniteWeightIsRefusedNamingTheRuleAndTheCoordinate(Rule rule) {
    StepRule r = rule.make().apply(0.5);
    double[] w = {1, 2, 3};
    assertThatThrownBy(() -> r.apply(w, new double[] {1, 1, Double.NaN}, 0))
        .isInstanceOf(ArithmeticException.class)
        .hasMessageStartingWith(rule.name() + "(")
        .hasMessageContaining("w[2] = NaN");
    assertThat(w).containsExactly(1.0, 2.0, 3.0);
  }

  @ParameterizedTest
  @MethodSource("rules")
  void aWeightPushedPastTheDoubleRangeIsRefusedAndLeftUnchanged(Rule rule) {
    StepRule r = rule.make().apply(1e300);
    double[] w = {0, Double.MAX_VALUE};
    assertThatThrownBy(() -> r.apply(w, new double[] {1, 1e10}, 0))
        .isInstanceOf(ArithmeticException.class)
        .hasMessageContaining("w[1] = Infinity");
    assertThat(w).containsExactly(0.0, Double.MAX_VALUE);
  }
}
