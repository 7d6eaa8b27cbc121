package org.pgbarrier.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The multirun grid ({@link SweepGrid}) and the dealing of cells to shards ({@link Shard}), against
 * grids written out by hand.
 */
class SweepGridTest {
  @Test
  void commaListsAndRangesGiveTheProductWithTheLastAxisFastest() {
    SweepGrid grid = SweepGrid.parse(List.of("experiment.pg.steps=10", "global.seq_length=16,32",
        "global.seed=range(0,3)"));
    assertThat(grid.fixed()).containsExactly("experiment.pg.steps=10");
    assertThat(grid.size()).isEqualTo(6);
    assertThat(grid.cells().stream().map(grid::overrides).toList()).containsExactly(
        List.of("global.seq_length=16", "global.seed=0"),
        List.of("global.seq_length=16", "global.seed=1"),
        List.of("global.seq_length=16", "global.seed=2"),
        List.of("global.seq_length=32", "global.seed=0"),
        List.of("global.seq_length=32", "global.seed=1"),
        List.of("global.seq_length=32", "global.seed=2"));
    assertThat(grid.id(0)).isEqualTo("0");
  }

  @Test
  void rangeTakesAStepAndStopIsExcludedAsInPython() {
    assertThat(SweepGrid.parse(List.of("a.b=range(1,10,3)")).axes().get(0).values())
        .containsExactly("1", "4", "7");
    assertThat(SweepGrid.parse(List.of("a.b=range(5,0,-2)")).axes().get(0).values())
        .containsExactly("5", "3", "1");
    assertThat(SweepGrid.parse(List.of("a.b=range(3)")).axes().get(0).values())
        .containsExactly("0", "1", "2");
  }

  @Test
  void commasInsideBracesAndQuotesDoNotSplitAndPlusKeysSweep() {
    SweepGrid grid = SweepGrid.parse(List.of(
        "experiment.pg.behavior={_target_: A, epsilon: 0.1},{_target_: B}",
        "+experiment.x='a,b'", "~experiment.y"));
    assertThat(grid.axes()).hasSize(1);
    assertThat(grid.axes().get(0).values())
        .containsExactly("{_target_: A, epsilon: 0.1}", "{_target_: B}");
    assertThat(grid.fixed()).containsExactly("+experiment.x='a,b'", "~experiment.y");
  }

  @Test
  void idsAreZeroPaddedToTheWidthOfTheLast() {
    SweepGrid grid = SweepGrid.parse(List.of("a.b=range(0,12)"));
    assertThat(grid.id(3)).isEqualTo("03");
    assertThat(grid.id(11)).isEqualTo("11");
  }

  @Test
  void malformedItemsAreRefusedNamingTheItemAndTheRule() {
    assertRefused("a.b=1,,2", "--multirun a.b=1,,2: an empty value in the comma list");
    assertRefused("a.b=1,2,", "--multirun a.b=1,2,: an empty value");
    assertRefused("a.b=1,2,1", "the value 1 is listed twice");
    assertRefused("a.b=range(0,8", "--multirun a.b=range(0,8: range(start,stop[,step]) must end");
    assertRefused("a.b=range(0,x)", "takes integers, not 'x'");
    assertRefused("a.b=range(0,8,0)", "the step of range must not be 0");
    assertRefused("a.b=range(4,2)", "the range is empty");
    assertRefused("a.b=range(1,2,3,4)", "range takes start,stop[,step]");
    assertRefused("a.b={x: 1,2", "a bracket is not closed");
    assertRefused("a.b='x,2", "a quote is not closed");
    assertRefused("global.output_dir=a,b", "cannot be swept");
    assertThatThrownBy(() -> SweepGrid.parse(List.of("a.b=1,2", "a.b=3,4")))
        .isInstanceOf(UsageException.class).hasMessage("--multirun a.b=3,4: a.b is swept twice:"
            + " give all its values in one item");
    assertThatThrownBy(() -> SweepGrid.parse(List.of("a.b=range(0,1000)", "a.c=range(0,1000)")))
        .isInstanceOf(UsageException.class).hasMessageContaining("more than 100000 cells");
  }

  private static void assertRefused(String item, String message) {
    assertThatThrownBy(() -> SweepGrid.parse(List.of(item)))
        .isInstanceOf(UsageException.class).hasMessageContaining(message)
        .hasMessageStartingWith("--multirun " + item + ": ");
  }

  @Test
  void cellsAreDealtRoundRobinSoEveryCellHasExactlyOneShard() {
    int[] owners = new int[10];
    for (int s = 0; s < 4; s++) {
      Shard shard = new Shard(s, 4);
      for (int cell = 0; cell < 10; cell++) {
        if (shard.owns(cell)) {
          owners[cell]++;
          assertThat(cell % 4).isEqualTo(s);
        }
      }
    }
    assertThat(owners).containsOnly(1);
  }

  @Test
  void shardsAreReadFromTheOptionSlurmOrAnIndexedJob() {
    assertThat(Shard.parse("3/4")).isEqualTo(new Shard(3, 4));
    assertThat(Shard.fromEnvironment(Map.of("SLURM_ARRAY_TASK_ID", "2",
        "SLURM_ARRAY_TASK_COUNT", "4"), null)).isEqualTo(new Shard(2, 4));
    assertThat(Shard.fromEnvironment(Map.of("JOB_COMPLETION_INDEX", "1"), 3))
        .isEqualTo(new Shard(1, 3));
    assertThat(Shard.fromEnvironment(Map.of(), 3)).isNull();
  }

  @Test
  void shardsOutOfRangeOrMalformedAreRefused() {
    assertThatThrownBy(() -> Shard.parse("4/4")).isInstanceOf(UsageException.class)
        .hasMessage("--shard 4/4: the index 4 must be from 0 to 3 (I/N with 0 <= I < N)");
    assertThatThrownBy(() -> Shard.parse("0/0")).isInstanceOf(UsageException.class)
        .hasMessageStartingWith("--shard 0/0: the index 0 must be from 0 to -1");
    assertThatThrownBy(() -> Shard.parse("1-4")).isInstanceOf(UsageException.class)
        .hasMessageStartingWith("--shard 1-4: must be I/N");
    assertThatThrownBy(() -> Shard.fromEnvironment(Map.of("SLURM_ARRAY_TASK_ID", "4",
        "SLURM_ARRAY_TASK_COUNT", "4"), null)).isInstanceOf(UsageException.class)
        .hasMessageStartingWith("SLURM_ARRAY_TASK_ID=4 SLURM_ARRAY_TASK_COUNT=4: the shard index"
            + " must be an integer from 0 to the count minus 1");
    assertThatThrownBy(() -> Shard.fromEnvironment(Map.of("JOB_COMPLETION_INDEX", "0"), null))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("the shard count is read from the sweep's sweep.json");
  }
}
