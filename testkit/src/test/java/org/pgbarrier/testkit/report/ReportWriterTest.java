package org.pgbarrier.testkit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pgbarrier.bounds.Claim;
import org.pgbarrier.bounds.ClaimRegistry;
import org.pgbarrier.testkit.stats.FalseAlarmBudget;
import org.pgbarrier.bounds.PaperStatement;
import org.pgbarrier.bounds.PaperStatements;
import org.pgbarrier.testkit.engine.ClaimLedger;
import org.pgbarrier.testkit.engine.ClaimRecord;
import org.pgbarrier.testkit.engine.Comparison;
import org.pgbarrier.testkit.engine.Series;
import org.w3c.dom.Document;

/** The report writer on a small synthetic claims.json. */
class ReportWriterTest {
  private static final List<String> STATISTICAL =
      List.of("BMB-05/slope", "BMB-05/error-slope-in-gamma");
  private static final String RUN = "run-2";

  @TempDir
  Path dir;

  /** A record of {@code claim} as the engine writes it, without a figure. */
  static ClaimRecord record(String id, String check, String verdict, double statistic,
      Comparison comparison, double bound, double falseAlarm, Boolean mutantRejected,
      String instance, int tries, String replay) {
    return ClaimRecord.of(ClaimRegistry.get(id), check, verdict, statistic, comparison, bound,
        "rule of " + check, falseAlarm, mutantRejected, mutantRejected == null ? null : "m", 7,
        instance, tries, 12, replay, List.of());
  }

  /** The report of pgbarrier's catalog over this run's records in {@code dir}. */
  private ClaimsReport write() {
    return ReportWriter.write(dir, ClaimRegistry.BUILT_IN,
        FalseAlarmBudget.of(ClaimRegistry.BUILT_IN), 42, RUN);
  }

  private ClaimsReport writeSynthetic() throws Exception {
    Claim first = ClaimRegistry.all().get(0);
    Series series = new Series("n", "median error", Series.Scale.LOG_LOG, List.of(
        new Series.Point(100, 0.1, 0.05, 0.2), new Series.Point(1000, 0.011, 0, 0.02),
        new Series.Point(10000, 0.0009, 0.0005, Double.POSITIVE_INFINITY)), -1.04, -1);
    List<ClaimRecord> records = List.of(
        ClaimRecord.of(first, "exact-without-mutant", "PASS", 0.5, Comparison.AT_MOST, 1,
            "x <= 1 & y < 2", 0, null, null, 7, "k=2", 100, 12, "mvn ...", List.of()),
        ClaimRecord.of(ClaimRegistry.get("BMB-05"), "slope", "FAIL", -0.5, Comparison.CONSISTENT,
            -1, "slope set contains -1", 5e-4, true, "eta/sqrt(t)", 9,
            "G1 eps=4.1666666666666665E-5 || mutant: G1 slope -0.2", 1, 3400, "mvn ...",
            List.of(series)).withReplicate(new ClaimRecord.ReplicateReplay(3,
                "the largest observation", 812.0, "mvn ... -Dpgbarrier.replay='BMB-05/slope@9#3'")),
        record("BMB-13", "off-support-likelihood", "PASS", 0.0020833333333333333,
            Comparison.ABOVE, 2.0833333333333333E-5, 2.0833333333333333E-5, true, "G3", 1,
            "mvn ..."));
    records.forEach(r -> ClaimLedger.record(dir, RUN, r));
    return write();
  }

  @Test
  void everyRegisteredClaimIsListedAndAClaimWithoutRecordIsNotRun() throws Exception {
    ClaimsReport report = writeSynthetic();
    String md = Files.readString(dir.resolve("report.md"));
    for (Claim c : ClaimRegistry.all()) {
      assertThat(md).contains("### " + c.id() + ": ").contains("*" + c.provenanceTag() + "*, "
          + c.paper().arxiv() + ", " + c.locus());
    }
    assertThat(report.sections()).hasSize(ClaimRegistry.all().size());
    assertThat(md).contains(
        "| [BMB-05/error-slope-in-gamma](#bmb-05-error-slope-in-gamma) | **NOT RUN** |");
    // every declared check is a row; the synthetic records add two undeclared checks of claims
    // that have records (first/exact-without-mutant, BMB-05/slope) and run one declared check
    long declared = ClaimRegistry.all().stream()
        .mapToLong(c -> Math.max(1, c.declaredChecks().size())).sum();
    assertThat(report.count("NOT RUN")).isEqualTo(declared - 1);
    assertThat(report.rows()).hasSize((int) declared + 2);
  }

  @Test
  void eachRowLeadsWithIdVerdictProvenanceAndTheComparisonItRequires() throws Exception {
    ClaimsReport report = writeSynthetic();
    String md = Files.readString(dir.resolve("report.md"));
    String html = Files.readString(dir.resolve("report.html"));
    assertThat(md).contains("| [BMB-05/slope](#bmb-05-slope) | **FAIL** | RECONSTRUCTED |"
        + " `-0.5 ~ -1` | rejected | Statistical rate of SGD with adaptive step |");
    assertThat(md).contains("| [BMB-13/off-support-likelihood](#bmb-13-off-support-likelihood)"
        + " | PASS | CODE | `0.00208 > 2.08e-5` | rejected |");
    assertThat(md).containsPattern("exact-without-mutant\\) \\| PASS \\|.*\\*\\*NO MUTANT\\*\\*");
    assertThat(md).contains("x <= 1 & y < 2").contains("- instance: G1 eps=4.17e-5\n")
        .contains("- mutant run: G1 slope -0.2\n")
        .contains("- replay one replicate 3 (the largest observation, observed 812.0):"
            + " `mvn ... -Dpgbarrier.replay='BMB-05/slope@9#3'`\n");
    assertThat(md).containsOnlyOnce("- replay one ");
    assertThat(html).contains("<td class=\"nomutant nowrap\">NO MUTANT</td>")
        .contains("<td class=\"FAIL\">FAIL</td>").contains("x &lt;= 1 &amp; y &lt; 2")
        .contains("<span class=\"prov CODE\">CODE</span>")
        .contains("<tr class=\"detail\"><td colspan=\"6\"><details>")
        .contains("<li>replay one replicate 3 (the largest observation, observed 812.0): <code>mvn"
            + " ... -Dpgbarrier.replay='BMB-05/slope@9#3'</code></li>");
    assertThat(report.total()).contains("2 PASS, 1 FAIL").contains("1 checks with NO MUTANT");
    assertThat(ConsoleSummary.render(report))
        .containsPattern("BMB-05/slope +FAIL +RECONSTRUCTED +measured -0.5 ~ -1  mutant rejected")
        .containsPattern("BMB-13/off-support-likelihood +PASS +CODE +measured 0.00208 > 2.08e-5");
    JsonAssert.hasFields(Files.readString(dir.resolve("claims.json")));
  }

  @Test
  void theReportOpensWithThePapersStatementsThenTheClaimsByProvenance() throws Exception {
    ClaimsReport report = writeSynthetic();
    String md = Files.readString(dir.resolve("report.md"));
    long checked = PaperStatements.checkedCount();
    assertThat(report.statementsChecked()).isEqualTo(checked);
    assertThat(report.statements()).hasSize(PaperStatements.all().size());
    long cannot = PaperStatements.all().stream().filter(st -> st.uncheckable() != null).count();
    assertThat(cannot).isEqualTo(2); // Corollary 4.2 (Assumption B.3) and Figure 2a (an LLM)
    assertThat(md).contains("## The paper's statements (" + checked + " of "
        + PaperStatements.all().size() + " checked, " + cannot + " cannot be)");
    // BMB-13 declares two checks and the synthetic ledger ran one: the statement is not yet PASS
    assertThat(md).contains("| Figure 1 (arXiv and PMLR) | A,B,C; authors' code | **NOT RUN** |"
        + " [BMB-13](#bmb-13) |");
    assertThat(md).contains("| Corollary 7 (arXiv, inferred) / Corollary 4.2 (PMLR) | B, single source |"
        + " cannot be checked | needs Assumption B.3, which no source describes |");
    for (PaperStatement s : PaperStatements.all()) {
      String row = "| " + s.locus() + " | ";
      assertThat(md).as(s.pmlr()).contains(row);
      String line = md.substring(md.indexOf(row), md.indexOf('\n', md.indexOf(row)));
      if (s.uncheckable() == null && s.checkedBy().isEmpty()) {
        assertThat(line).as(s.pmlr()).contains("| not checked | no claim checks it yet |");
      }
      for (Claim c : s.checkedBy()) {
        assertThat(line).as(s.pmlr()).contains("[" + c.id() + "](#" + c.id().toLowerCase() + ")");
      }
    }
    int statements = md.indexOf("## The paper's statements");
    int code = md.indexOf("## The authors' code");
    int reconstruction = md.indexOf("## Our reconstruction and lemmas");
    int conjectures = md.indexOf("## Conjectures");
    int oneByOne = md.indexOf("## The claims one by one");
    assertThat(statements).isPositive().isLessThan(code);
    assertThat(code).isLessThan(reconstruction);
    assertThat(reconstruction).isLessThan(conjectures);
    assertThat(conjectures).isLessThan(oneByOne);
    assertThat(report.groups()).extracting(ClaimsReport.Group::title)
        .containsExactly("Checks of the paper's statements", "The authors' code",
            "Our reconstruction and lemmas",
            "Statements read in a primary text", "Conjectures");
    String conjectureTable = md.substring(conjectures, oneByOne);
    assertThat(conjectureTable).contains("BMB-08").contains("BMB-14").doesNotContain("BMB-05");
  }

  @Test
  void aStatementIsAsGoodAsItsWorstCheck() throws Exception {
    ClaimLedger.record(dir, RUN, record("BMB-13", "off-support-likelihood", "PASS", 1,
        Comparison.ABOVE, 0, 1e-4, true, "G3", 1, "mvn ..."));
    ClaimsReport onePassOneNotRun =
        write();
    assertThat(figure1(onePassOneNotRun).verdict()).isEqualTo("NOT RUN");
    ClaimLedger.record(dir, RUN, record("BMB-13", "process-lowers-test-error", "FAIL", 1,
        Comparison.ABOVE, 2, 1e-4, true, "G3", 1, "mvn ..."));
    ClaimsReport failed =
        write();
    assertThat(figure1(failed).verdict()).isEqualTo("FAIL");
    assertThat(Files.readString(dir.resolve("report.md")))
        .contains("| Figure 1 (arXiv and PMLR) | A,B,C; authors' code | **FAIL** |");
  }

  private static ClaimsReport.StatementRow figure1(ClaimsReport report) {
    return report.statements().stream()
        .filter(s -> s.statement().pmlr().equals("Figure 1")).findFirst().orElseThrow();
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
        .contains("fitted slope -1.04").contains("predicted slope -1")
        .contains("class=\"figure\"").contains("median error (log scale)");
  }

  @Test
  void theClaimsFilesAreReadableByEveryone() throws Exception {
    writeSynthetic();
    for (String name : List.of("claims.json", "report.md", "report.html")) {
      assertThat(Files.getPosixFilePermissions(dir.resolve(name))).as(name)
          .contains(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
              PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
    }
  }

  @Test
  void recordsOfAnEarlierRunNeverReachTheReport() throws Exception {
    ClaimRecord renamed = record("BMB-05", "renamed-since", "FAIL", 1, Comparison.AT_MOST, 0,
        5e-4, true, "G1", 1, "mvn ...");
    ClaimLedger.record(dir, "run-1", renamed);
    write();
    assertThat(Files.readString(dir.resolve("report.md"))).doesNotContain("renamed-since");
    ClaimsReport report = writeSynthetic();
    assertThat(Files.readString(dir.resolve("report.md"))).doesNotContain("renamed-since");
    assertThat(Files.readString(dir.resolve("claims.json"))).doesNotContain("renamed-since");
    assertThat(report.count("FAIL")).isEqualTo(1);
    assertThat(Files.exists(dir.resolve("records/BMB-05__renamed-since.json"))).isTrue();
  }

  @Test
  void aConjectureShowsWhetherItHeldOrItsCounterexample() throws Exception {
    ClaimRecord refuted = record("BMB-14", "lq-monotone", "REFUTED", 0.2, Comparison.AT_MOST,
        1e-12, 0, true, "counterexample k=2 (shrunk from k=4; fails on 3 of 200 cases)", 200,
        "mvn ... -Dpgbarrier.replay='BMB-14/lq-monotone@7@k=2'");
    ClaimRecord holds = record("BMB-08", "monotone", "PASS", 0, Comparison.AT_MOST, 1, 0, true,
        "k=3", 200, "mvn ...");
    ClaimLedger.record(dir, RUN, refuted);
    ClaimLedger.record(dir, RUN, holds);
    ClaimsReport report = write();
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
    List<String> verdicts = List.of("PASS", "FAIL");
    for (int s = 0; s < verdicts.size(); s++) {
      Path seed = Files.createDirectories(dir.resolve("seed-" + (s + 1)));
      Files.write(seed.resolve("claims.json"), json.writeValueAsBytes(List.of(record("BMB-05",
          "slope", verdicts.get(s), 0, Comparison.AT_MOST, 0, 5e-4, true, "G1", 1, "mvn ..."))));
    }
    SoakTally tally = SoakTally.write(dir, STATISTICAL);
    SoakTally.Tally slope = tally.tallies().get("BMB-05/slope");
    assertThat(List.of(slope.runs(), slope.rejected(), slope.mutantMissed()))
        .containsExactly(2, 1, 0);
    // P[Bin(2, a) >= 1] = 1 - (1 - a)^2 = 2a - a^2, by hand; one check tallied: level 1e-3
    assertThat(slope.pValue()).isCloseTo(2 * 5e-4 - 5e-4 * 5e-4, within(1e-15));
    assertThat(slope.alarm()).isTrue();
    assertThat(tally.tallies().get("BMB-05/error-slope-in-gamma").runs()).isZero();
    assertThat(tally.alarms()).containsExactly("BMB-05/slope");
    assertThat(Files.readString(dir.resolve("soak.md")))
        .contains("soak: 2 master seeds, 2 statistical check runs, 1 rejected (0 of them"
            + " REFUTED, questions), 1 alarms");
    assertThat(json.readTree(dir.resolve("soak.json").toFile()).path("checks").get(0)
        .path("alarm").asBoolean()).isTrue();
  }

  @Test
  void aSoakAlarmsOnACheckRejectingMoreOftenThanItStatesAndNotOnOneRejectionWithinIt()
      throws Exception {
    // 50 seeds; K = 3 checks tallied, so each check's level is 1e-3 / 3.
    // fair: 1 rejection at a = 4e-5: p = 1 - (1 - a)^50 ~ 2.0e-3 > 3.3e-4, no alarm.
    // understated (the mutant twin: a check whose real false alarm is far above its stated a):
    // 3 rejections at a = 4e-5: p ~ C(50,3) a^3 = 19600 * 6.4e-14 ~ 1.25e-9, an alarm.
    // question: REFUTED on every seed, tallied but never an alarm.
    ObjectMapper json = new ObjectMapper();
    Files.writeString(dir.resolve("verify.json"), "{\"code\": \"0123456789ab-dirty\"}");
    for (int s = 1; s <= 50; s++) {
      Path seed = Files.createDirectories(dir.resolve("seed-" + s));
      Files.write(seed.resolve("claims.json"), json.writeValueAsBytes(List.of(
          record("BMB-05", "slope", s == 7 ? "FAIL" : "PASS", 0, Comparison.AT_MOST, 0, 4e-5,
              true, "G1", 1, "mvn ..."),
          record("BMB-05", "error-slope-in-gamma", s % 20 == 3 ? "FAIL" : "PASS", 0,
              Comparison.AT_MOST, 0, 4e-5, true, "G1", 1, "mvn ..."),
          record("BMB-05", "question", "REFUTED", 0, Comparison.AT_MOST, 0, 4e-5, true, "G1", 1,
              "mvn ..."))));
      Files.writeString(seed.resolve("complete.json"), "{}");
    }
    Files.createDirectories(dir.resolve("seed-51"));
    SoakTally tally = SoakTally.read(dir,
        List.of("BMB-05/slope", "BMB-05/error-slope-in-gamma", "BMB-05/question"));
    assertThat(tally.seeds()).hasSize(50);
    assertThat(tally.incomplete()).containsExactly("seed-51");
    assertThat(tally.code()).isEqualTo("0123456789ab-dirty");
    assertThat(tally.render()).contains("\ncode: 0123456789ab-dirty\n");
    assertThat(tally.toJson().path("code").asText()).isEqualTo("0123456789ab-dirty");
    assertThat(tally.perCheckLevel()).isCloseTo(1e-3 / 3, within(1e-18));
    double a = 4e-5;
    // by hand: 1 - (1 - a)^50 without cancellation
    assertThat(tally.tallies().get("BMB-05/slope").pValue())
        .isCloseTo(-Math.expm1(50 * Math.log1p(-a)), within(1e-17));
    // by hand: P[X >= 3] = sum_{j=3..50} C(50,j) a^j (1-a)^(50-j); terms beyond j = 6 add less
    // than 1e-11 of the sum
    double tail = 0;
    double[] binom = {19600, 230300, 2118760, 15890700};
    for (int j = 3; j <= 6; j++) {
      tail += binom[j - 3] * Math.pow(a, j) * Math.pow(1 - a, 50 - j);
    }
    assertThat(tally.tallies().get("BMB-05/error-slope-in-gamma").pValue())
        .isCloseTo(tail, within(1e-9 * tail));
    assertThat(tally.alarms()).containsExactly("BMB-05/error-slope-in-gamma");
    assertThat(tally.tallies().get("BMB-05/question").outcome()).isEqualTo("refuted (question)");
    assertThat(SoakTally.seedRanges(tally.seeds())).isEqualTo("1..50");
  }

  /** The fields every claims.json record carries. */
  private static final class JsonAssert {
    static void hasFields(String claimsJson) throws Exception {
      for (var r : new ObjectMapper().readTree(claimsJson)) {
        for (String field : List.of("provenance", "locus", "comparison", "statistic", "bound")) {
          assertThat(r.has(field)).as(r.path("id") + "/" + r.path("check") + " " + field).isTrue();
        }
      }
      var bmb13 = new ObjectMapper().readTree(claimsJson).findParents("id").stream()
          .filter(r -> r.path("id").asText().equals("BMB-13")).findFirst().orElseThrow();
      assertThat(bmb13.path("provenance").asText()).isEqualTo("CODE");
      assertThat(bmb13.path("paper_statement").asText()).isEqualTo("Figure 1");
      assertThat(bmb13.path("comparison").asText()).isEqualTo(">");
      assertThat(bmb13.path("locus").asText()).startsWith("Figure 1 (arXiv and PMLR); ");
    }
  }
}
