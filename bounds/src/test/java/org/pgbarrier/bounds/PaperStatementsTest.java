package org.pgbarrier.bounds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pgbarrier.bounds.Reader.A;
import static org.pgbarrier.bounds.Reader.B;
import static org.pgbarrier.bounds.Reader.C;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Provenance tags, the paper's statements and the table computed from the registry. */
class PaperStatementsTest {

  @Test
  void everyStatementIsNamedInBothNumberingsAndFoundByEither() {
    assertThat(PaperStatements.all()).extracting(PaperStatement::pmlr).containsExactly(
        "Prop 2.2", "Theorem 3.1", "Remark 3.3", "Corollary 3.4", "Corollary 3.6", "Theorem 4.1",
        "Corollary 4.2", "Theorem 5.3", "Theorem 5.4", "Theorem 5.5", "Figure 1", "Figure 2",
        "Figure 2a");
    assertThat(PaperStatements.get("Theorem 6")).isSameAs(PaperStatements.get("Theorem 4.1"));
    assertThat(PaperStatements.get("Theorem 4.1").locus())
        .isEqualTo("Theorem 6 (arXiv) / Theorem 4.1 (PMLR)");
    assertThat(PaperStatements.get("Theorem 3").locus())
        .isEqualTo("Theorem 3 (arXiv) / Theorem 3.1 (PMLR, inferred)");
    assertThat(PaperStatements.get("Theorem 5.5").locus())
        .isEqualTo("Theorem 12 (arXiv, inferred) / Theorem 5.5 (PMLR)");
    assertThat(PaperStatements.get("Remark 3.3").locus())
        .isEqualTo("Remark 3.3 (PMLR; arXiv number not reported)");
    assertThat(PaperStatements.get("Figure 1").locus()).isEqualTo("Figure 1 (arXiv and PMLR)");
    assertThat(PaperStatements.get("Remark 3.3").provenanceTag())
        .isEqualTo("PAPER [B, single source]");
    assertThat(PaperStatements.get("Theorem 4.1").provenanceTag()).isEqualTo("PAPER [A,B,C]");
    assertThatThrownBy(() -> PaperStatements.get("Theorem 9"))
        .hasMessageContaining("paper statement = Theorem 9: not known")
        .hasMessageContaining("Corollary 3.6");
  }

  @Test
  void whichStatementsAreCheckedIsComputedFromTheRegistry() {
    PaperStatement figure1 = PaperStatements.get("Figure 1");
    assertThat(figure1.checkedBy()).extracting(Claim::id).contains("BMB-13");
    assertThat(ClaimRegistry.get("BMB-13").provenance()).isEqualTo(Provenance.CODE);
    assertThat(ClaimRegistry.get("BMB-13").locus()).startsWith("Figure 1 (arXiv and PMLR); ");
    PaperStatement cor42 = PaperStatements.get("Corollary 4.2");
    assertThat(cor42.uncheckable()).contains("Assumption B.3");
    long linked = ClaimRegistry.all().stream().mapToLong(c -> c.statements().size()).sum();
    assertThat(PaperStatements.all().stream().mapToLong(s -> s.checkedBy().size()).sum())
        .isEqualTo(linked);
    assertThat(PaperStatements.checkedCount())
        .isEqualTo(PaperStatements.all().stream().filter(s -> !s.checkedBy().isEmpty()).count())
        .isPositive();
  }

  @Test
  void aPaperClaimNamesItsReadersAndItsStatementInBothNumberings() {
    Claim c = Claim.paper("BMB-90", "PRM queries linear in N", "Theorem 6", Set.of(B, A),
        "docs/theory.md §5.6", "Q grows about linearly in N");
    assertThat(c.checks()).isEqualTo("Theorem 4.1");
    assertThat(c.locus()).isEqualTo("Theorem 6 (arXiv) / Theorem 4.1 (PMLR); docs/theory.md §5.6");
    assertThat(c.provenanceTag()).isEqualTo("PAPER [A,B]");
    assertThat(c.singleSource()).isFalse();
    Claim single = Claim.paper("BMB-91", "online", "Remark 3.3", Set.of(B), "", "s");
    assertThat(single.provenanceTag()).isEqualTo("PAPER [B, single source]");
    assertThat(single.locus()).isEqualTo("Remark 3.3 (PMLR; arXiv number not reported)");
    Claim code = new Claim("BMB-92", "t", Paper.BASE_MODEL_BARRIER, "authors' code",
        Provenance.CODE, "s").checking("Figure 1");
    assertThat(code.locus()).isEqualTo("Figure 1 (arXiv and PMLR); authors' code");
    assertThat(code.provenanceTag()).isEqualTo("CODE");
  }

  @Test
  void provenanceAndReadersThatDisagreeAreRejected() {
    assertThatThrownBy(() -> new Claim("BMB-90", "t", Paper.BASE_MODEL_BARRIER, "l",
        Provenance.PAPER, "s")).hasMessageContaining("provenance PAPER")
        .hasMessageContaining("Claim.paper(...)");
    assertThatThrownBy(() -> new Claim("BMB-90", "t", Paper.BASE_MODEL_BARRIER, "l",
        Provenance.RECONSTRUCTED, Set.of(A), null, List.of(), "s"))
        .hasMessageContaining("readers of BMB-90 = [A]: only a claim of provenance PAPER");
    assertThatThrownBy(() -> Claim.paper("BMB-90", "t", "Theorem 3.1", Set.of(B), "", "s"))
        .hasMessageContaining("readers of BMB-90 = [B]: must be among the readers of Theorem"
            + " 3.1, [A, C]");
    assertThatThrownBy(() -> new Claim("BMB-90", "t", Paper.BASE_MODEL_BARRIER, "Theorem 4.1",
        Provenance.PAPER, Set.of(C), "Theorem 4.1", List.of(), "s"))
        .hasMessageContaining("must name the statement it checks in both numberings,"
            + " \"Theorem 6 (arXiv) / Theorem 4.1 (PMLR)\"");
    assertThatThrownBy(() -> new Claim("SHP-90", "t", Paper.SHARPENING, "l", Provenance.SOURCE,
        "s").checking("Figure 1")).hasMessageContaining("only a claim about arXiv:2603.06957");
  }

  @Test
  void aClaimMayAlsoBearOnASecondStatementAndBothTablesRowsListIt() {
    Claim c = Claim.paper("BMB-93", "online", "Remark 3.3", Set.of(B), "", "s")
        .alsoChecking("Theorem 11");
    assertThat(c.statements()).containsExactly("Remark 3.3", "Theorem 5.4");
    assertThat(c.locus()).contains(PaperStatements.get("Theorem 5.4").locus());
    assertThatThrownBy(() -> new Claim("BMB-94", "t", Paper.BASE_MODEL_BARRIER, "l",
        Provenance.CODE, Set.of(), null, List.of("Figure 1"), "s"))
        .hasMessageContaining("only beside the one it checks");
    assertThat(PaperStatements.get("Theorem 5.4").checkedBy()).extracting(Claim::id)
        .contains("BMB-17");
  }

  @Test
  void noClaimCitesNotesOutsideTheRepository() {
    for (Claim c : ClaimRegistry.all()) {
      for (String text : new String[] {c.locus(), c.statement()}) {
        assertThat(text).as(c.id()).doesNotContain("shared/").doesNotContain("theory notes");
      }
    }
  }
}
