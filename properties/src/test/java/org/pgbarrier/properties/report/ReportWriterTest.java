package org.pgbarrier.properties.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pgbarrier.bounds.Claim;
import org.pgbarrier.bounds.ClaimRegistry;
import org.pgbarrier.properties.engine.ClaimLedger;
import org.pgbarrier.properties.engine.ClaimRecord;
import org.pgbarrier.properties.engine.Series;
import org.w3c.dom.Document;

/** The report writer on a small synthetic claims.json. */
class ReportWriterTest {
  private static final List<String> STATISTICAL = List.of("BMB-05/slope", "BMB-05/never-ran");
  private static final String RUN = "run-2";

  @TempDir
  Path dir;

  private ClaimsReport writeSynthetic() throws Exception {
    Claim first = ClaimRegistry.all().get(0);
    Series series = new Series("n", "median error", Series.Scale.LOG_LOG, List.of(
        new Series.Point(100, 0.1, 0.05, 0.2), new Series.Point(1000, 0.011, 0, 0.02),
        new Series.Point(10000, 0.0009, 0.0005, Double.POSITIVE_INFINITY)), -1.04, -1);
    List<ClaimRecord> records = List.of(
        new ClaimRecord(first.id(), "exact-without-mutant", "t", "arXiv:x", "RECONSTRUCTED",
            "PASS", 0.5, 1, "x <= 1 & y < 2", 0, null, null, 7, "k=2", 100, 12, "mvn ..."),
        new ClaimRecord("BMB-05", "slope", "t", "arXiv:x", "RECONSTRUCTED", "FAIL", -0.5, -1,
            "slope set contains -1", 5e-4, true, "eta/sqrt(t)", 9, "G1", 1, 3400, "mvn ...",
            List.of(series)));
    records.forEach(r -> ClaimLedger.record(dir, RUN, r));
    return ReportWriter.write(dir, ClaimRegistry.all(), STATISTICAL, 1e-3, 42, RUN);
  }

  @Test
  void everyRegisteredClaimIsListedAndAClaimWithoutRecordIsNotRun() throws Exception {
    ClaimsReport report = writeSynthetic();
    String md = Files.readString(dir.resolve("report.md"));
    for (Claim c : ClaimRegistry.all()) {
      assertThat(md).contains("## " + c.id() + ": ");
    }
    assertThat(report.sections()).hasSize(ClaimRegistry.all().size());
    assertThat(md).contains("BMB-05](#bmb-05)/never-ran | ").contains("NOT RUN");
    Claim first = ClaimRegistry.all().get(0);
    assertThat(md).contains("| " + first.paper().arxiv() + ", " + first.locus() + " | "
        + first.provenance() + " | " + first.statement().replace("|", "\\|") + " | ");
    assertThat(report.count("NOT RUN")).isEqualTo(ClaimRegistry.all().size() - 1);
  }

  @Test
  void aCheckWithoutMutantIsMarkedAndAFailingClaimIsShown() throws Exception {
    ClaimsReport report = writeSynthetic();
    String md = Files.readString(dir.resolve("report.md"));
    String html = Files.readString(dir.resolve("report.html"));
    assertThat(md).containsPattern("exact-without-mutant \\|.*\\*\\*NO MUTANT\\*\\*");
    assertThat(md).containsPattern("/slope \\| .*\\| -0.5000 vs -1 \\| \\*\\*FAIL\\*\\* \\|");
    assertThat(md).contains("x <= 1 & y < 2");
    assertThat(html).contains("<td class=\"nomutant\">NO MUTANT</td>")
        .contains("<td class=\"FAIL\">FAIL</td>").contains("x &lt;= 1 &amp; y &lt; 2");
    assertThat(report.total()).contains("1 PASS, 1 FAIL").contains("1 checks with NO MUTANT");
    assertThat(ConsoleSummary.render(report)).containsPattern("BMB-05/slope +FAIL +measured"
        + " -0.5000 vs -1");
  }

  @Test
  void theHtmlIsWellFormedAndSelfContainedWithTheFigureInline() throws Exception {
    writeSynthetic();
    byte[] html = Files.readAllBytes(dir.resolve("report.html"));
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(html));
    assertThat(doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg").getLength())
        .isEqualTo(1);
    assertThat(doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "circle").getLength())
        .isEqualTo(3);
    String text = new String(html, StandardCharsets.UTF_8);
    assertThat(text).doesNotContain("src=").doesNotContain("href=\"http")
        .contains("fitted slope -1.040").contains("predicted slope -1");
  }

  @Test
  void recordsOfAnEarlierRunNeverReachTheReport() throws Exception {
    ClaimRecord renamed = new ClaimRecord("BMB-05", "renamed-since", "t", "arXiv:x",
        "RECONSTRUCTED", "FAIL", 1, 0, "r", 5e-4, true, "m", 1, "G1", 1, 1, "mvn ...");
    ClaimLedger.record(dir, "run-1", renamed);
    ReportWriter.write(dir, ClaimRegistry.all(), STATISTICAL, 1e-3, 42, RUN);
    assertThat(Files.readString(dir.resolve("report.md"))).doesNotContain("renamed-since");
    ClaimsReport report = writeSynthetic();
    assertThat(Files.readString(dir.resolve("report.md"))).doesNotContain("renamed-since");
    assertThat(Files.readString(dir.resolve("claims.json"))).doesNotContain("renamed-since");
    assertThat(report.count("FAIL")).isEqualTo(1);
    assertThat(Files.exists(dir.resolve("records/BMB-05__renamed-since.json"))).isTrue();
  }

  @Test
  void aConjectureShowsWhetherItHeldOrItsCounterexample() throws Exception {
    ClaimRecord refuted = new ClaimRecord("BMB-14", "lq-monotone", "t", "arXiv:x", "CONJECTURE",
        "REFUTED", 0.2, 1e-12, "r", 0, true, "m", 1,
        "counterexample k=2 (shrunk from k=4; fails on 3 of 200 cases)", 200, 5,
        "mvn ... -Dpgbarrier.replay='BMB-14/lq-monotone@7@k=2'");
    ClaimRecord holds = new ClaimRecord("BMB-08", "monotone", "t", "arXiv:x", "CONJECTURE",
        "PASS", 0, 1, "r", 0, true, "m", 1, "k=3", 200, 5, "mvn ...");
    ClaimLedger.record(dir, RUN, refuted);
    ClaimLedger.record(dir, RUN, holds);
    ClaimsReport report = ReportWriter.write(dir, ClaimRegistry.all(), STATISTICAL, 1e-3, 42, RUN);
    String md = Files.readString(dir.resolve("report.md"));
    assertThat(md).contains("| **REFUTED**: counterexample below |")
        .contains("| PASS: holds on 200 case(s) |")
        .contains("-Dpgbarrier.replay='BMB-14/lq-monotone@7@k=2'");
    assertThat(Files.readString(dir.resolve("report.html")))
        .contains("<td class=\"REFUTED\">REFUTED: counterexample below</td>");
    assertThat(report.total()).contains("1 PASS, 0 FAIL, 1 REFUTED");
    assertThat(ConsoleSummary.render(report)).containsPattern("BMB-14/lq-monotone +REFUTED");
  }

  @Test
  void theSoakTallyCountsRejectionsOfStatisticalChecksOverSeeds() throws Exception {
    ObjectMapper json = new ObjectMapper();
    for (String verdict : List.of("PASS", "FAIL")) {
      Path seed = Files.createDirectories(dir.resolve("seed-" + verdict));
      Files.write(seed.resolve("claims.json"), json.writeValueAsBytes(List.of(new ClaimRecord(
          "BMB-05", "slope", "t", "arXiv:x", "RECONSTRUCTED", verdict, 0, 0, "r", 5e-4, true,
          "m", 1, "G1", 1, 1, "mvn ..."))));
    }
    SoakTally tally = SoakTally.write(dir, STATISTICAL);
    assertThat(tally.tallies().get("BMB-05/slope")).isEqualTo(new SoakTally.Tally(2, 1, 0));
    assertThat(tally.tallies().get("BMB-05/never-ran")).isEqualTo(new SoakTally.Tally(0, 0, 0));
    assertThat(Files.readString(dir.resolve("soak.md")))
        .contains("soak: 2 master seeds, 2 statistical check runs, 1 rejected (design: 0)");
  }
}
