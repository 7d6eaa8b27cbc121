package org.pgbarrier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The usage help of {@code pgbarrier} and of every subcommand: lines break between words, never
 * inside a file name, path, option or {@code key=value} token, and every placeholder comes from
 * one vocabulary, the same name for the same thing.
 */
class HelpTextTest {
  /** A width at which no help text wraps: its tokens are the source text's, whole. */
  private static final int UNWRAPPED = 1000;

  /** The placeholders, one per idea. */
  private static final Map<String, String> VOCABULARY = Map.ofEntries(
      Map.entry("DIR", "a directory"),
      Map.entry("FILE", "a file"),
      Map.entry("IN.json", "eval's input file, beside its output file"),
      Map.entry("OUT.json", "eval's output file, beside its input file"),
      Map.entry("CONFIG", "a config file, or the NAME of configs/NAME.yaml"),
      Map.entry("NAME", "a run or experiment name"),
      Map.entry("KEY=VALUE", "a config override"),
      Map.entry("SEED", "a master seed"),
      Map.entry("A..B", "a range of master seeds"),
      Map.entry("I/N", "shard I of N"),
      Map.entry("N", "a count: threads, shards, cells, contexts, samples, tokens, a budget"),
      Map.entry("P", "a probability"),
      Map.entry("BETA", "a smoothing factor in [0, 1)"),
      Map.entry("STEP", "a policy-gradient step"),
      Map.entry("PATTERN", "claim ids or globs"),
      Map.entry("KIND", "a kind of claim check"),
      Map.entry("COMMAND", "a subcommand, of help"));

  /** eval's --out names a file (OUT.json), every other command's --out a directory. */
  private static final Set<String> OUT_IS_A_FILE = Set.of("pgbarrier eval");

  /**
   * The help at the default width has the tokens (text between whitespace) of the help at a width
   * where nothing wraps, in the same order: a line that ends inside a token splits it in two.
   */
  @Test
  void noHelpLineEndsInsideAToken() {
    Map<String, String> wrapped = usageMessages(cl -> { });
    Map<String, String> unwrapped = usageMessages(cl -> cl.setUsageHelpWidth(UNWRAPPED));
    assertThat(wrapped).hasSizeGreaterThan(7);
    List<String> broken = new ArrayList<>();
    wrapped.forEach((command, help) -> {
      String[] pieces = tokens(help);
      String[] whole = tokens(unwrapped.get(command));
      int i = 0;
      while (i < Math.min(pieces.length, whole.length) && pieces[i].equals(whole[i])) {
        i++;
      }
      if (i < pieces.length || i < whole.length) {
        broken.add(command + ": '" + whole[i] + "' split as '" + pieces[i] + "' + '"
            + pieces[i + 1] + "'");
      }
    });
    assertThat(broken).as("tokens broken across help lines, the first of each command").isEmpty();
  }

  @Test
  void everyPlaceholderIsFromTheVocabularyAndTheSameForTheSameOption() {
    Map<String, String> labelOfOption = new HashMap<>();
    List<String> wrong = new ArrayList<>();
    forEachCommand(Main.commandLine(), cl -> {
      String command = cl.getCommandSpec().qualifiedName();
      for (ArgSpec arg : cl.getCommandSpec().args()) {
        if (arg.arity().max() == 0) {
          continue;
        }
        String label = arg.paramLabel();
        if (!VOCABULARY.containsKey(label)) {
          wrong.add(command + " " + describe(arg) + ": placeholder " + label
              + " is not in the vocabulary");
        }
        if (arg instanceof OptionSpec option && !OUT_IS_A_FILE.contains(command)) {
          String before = labelOfOption.putIfAbsent(option.longestName(), label);
          if (before != null && !before.equals(label)) {
            wrong.add(command + " " + option.longestName() + "=" + label + ", elsewhere "
                + option.longestName() + "=" + before);
          }
        }
      }
    });
    assertThat(wrong).isEmpty();
  }

  private static String describe(ArgSpec arg) {
    return arg instanceof OptionSpec option ? option.longestName() : "positional parameter";
  }

  /** The usage help of every command, by qualified name, rendered without ANSI codes. */
  private static Map<String, String> usageMessages(Consumer<CommandLine> setting) {
    CommandLine root = Main.commandLine();
    setting.accept(root);
    Map<String, String> messages = new TreeMap<>();
    forEachCommand(root, cl ->
        messages.put(cl.getCommandSpec().qualifiedName(), cl.getUsageMessage(Ansi.OFF)));
    return messages;
  }

  private static void forEachCommand(CommandLine command, Consumer<CommandLine> action) {
    action.accept(command);
    for (CommandLine sub : command.getSubcommands().values()) {
      forEachCommand(sub, action);
    }
  }

  private static String[] tokens(String text) {
    return Arrays.stream(text.strip().split("\\s+")).toArray(String[]::new);
  }
}
