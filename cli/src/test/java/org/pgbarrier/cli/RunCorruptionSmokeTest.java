package org.pgbarrier.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pgbarrier.cli.OneLineError.assertOneLineError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pgbarrier.random.Seeds;

/**
 * A smoke version, through {@code pgbarrier run}, of the reference module's generated config
 * corruptions ({@code io/config/ConfigCorruptionTest}): for each shipped config, seeded
 * corruptions that no valid config survives (a {@code key: value} line duplicated, a scalar
 * replaced by a list, the text cut before the {@code experiment:} block, a bracket left open)
 * are each one line, exit 2, and create no output directory.
 */
class RunCorruptionSmokeTest {
  private static final long SEED = 8L;

  @TempDir Path temp;

  @Test
  void corruptedShippedConfigsAreRefusedWithExitTwoAndNoOutputDirectory() throws IOException {
    int index = 0;
    for (String name : ReproduceCommand.CONFIGS) {
      Path out = temp.resolve("out");
      String text = Files.readString(Cli.repositoryRoot().resolve("configs").resolve(name))
          .replaceAll("output_dir: \\S+", "output_dir: " + out);
      List<Integer> scalars = new ArrayList<>();
      String[] lines = text.split("\n", -1);
      for (int j = 0; j < lines.length; j++) {
        if (lines[j].matches("\\s*\\w+: [^#\\s].*")) {
          scalars.add(j);
        }
      }
      for (String kind : List.of("duplicate", "list", "cut", "bracket")) {
        SplittableRandom rng = Seeds.stream(SEED, index++);
        int line = scalars.get(rng.nextInt(scalars.size()));
        String[] edited = lines.clone();
        String corrupted = switch (kind) {
          case "duplicate" -> {
            edited[line] = lines[line] + "\n" + lines[line];
            yield String.join("\n", edited);
          }
          case "list" -> {
            edited[line] = lines[line].replaceFirst(": ([^#]*?)(\\s*#.*)?$", ": [$1, $1]");
            yield String.join("\n", edited);
          }
          case "cut" -> text.substring(0, rng.nextInt(text.indexOf("\nexperiment:")));
          default -> {
            edited[line] = lines[line].replaceFirst(": ", ": [");
            yield String.join("\n", edited);
          }
        };
        Path config = Files.writeString(temp.resolve(name), corrupted);
        Cli result = Cli.run("run", config.toString(), "--quiet");
        assertThat(result.exitCode()).as("%s of line %d of %s:%n%s", kind, line + 1, name,
            corrupted).isEqualTo(2);
        assertOneLineError(result, 2, name);
        assertThat(out).doesNotExist();
      }
    }
  }
}
