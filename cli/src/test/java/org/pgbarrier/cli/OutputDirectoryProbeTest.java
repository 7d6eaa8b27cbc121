package org.pgbarrier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writability probe of an output directory: the cells of a sweep probe the same directory from
 * several threads at once, so no two probes may share a file name (with one name per process, the
 * second probe found the first's file and was reported as "the file system refuses new files").
 */
class OutputDirectoryProbeTest {
  @TempDir Path temp;

  @Test
  void concurrentProbesOfOneDirectoryAllSucceedAndLeaveNothing() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> probes = new ArrayList<>();
      for (int i = 0; i < 2000; i++) {
        probes.add(pool.submit(() -> OutputDirectory.probe("output_dir", temp.toString(), temp,
            "cannot be created")));
      }
      for (Future<?> probe : probes) {
        probe.get();
      }
    } finally {
      pool.shutdown();
    }
    try (Stream<Path> left = Files.list(temp)) {
      assertThat(left).isEmpty();
    }
  }
}
