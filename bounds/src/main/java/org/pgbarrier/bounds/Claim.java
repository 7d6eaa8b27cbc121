package org.pgbarrier.bounds;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One checked statement.
 *
 * <p>A claim of provenance {@link Provenance#PAPER} states what the body of arXiv 2603.06957 says,
 * as reported by the readers in {@link #readers()}, and names the paper statement it checks
 * ({@link #checks()}, a key of {@link PaperStatements}); build it with {@link #paper}. Any other
 * claim may also name the paper statement it checks or illustrates with {@link #checking}, as
 * BMB-13 (the authors' code) does for Figure 1. Wherever a claim names a paper statement, its
 * locus names that statement in both numberings ({@link PaperStatement#locus()}), and the table of
 * the paper's statements in the report is computed from these fields.
 *
 * @param id stable identifier, e.g. {@code BMB-01}; one grep finds registry, test and report
 * @param title short name: the one-line statement of the report's tables
 * @param paper the paper it belongs to
 * @param locus where: theorem (both numberings for a paper statement), equation, "abstract",
 *     "authors' code", and the docs/theory.md section
 * @param provenance where the statement comes from ({@link Provenance})
 * @param readers the secondary readers reporting it: non-empty exactly for {@link
 *     Provenance#PAPER}, and then a subset of its paper statement's readers
 * @param checks the {@link PaperStatement#pmlr()} key of the paper statement this claim checks
 *     (either numbering is accepted and stored as the PMLR key), or null
 * @param alsoChecks further paper statements the same checks bear on (e.g. a lower bound checked
 *     beside the upper bound it matches), each normalised to its PMLR key; empty by default
 * @param statement the statement as checked, with its formula
 * @param declaredChecks the checks that verify it, each named with its kind ({@link
 *     #withExact}, {@link #withStatistical}): a test runs only a declared check, and the
 *     false-alarm budget is split from the statistical ones ({@link ClaimCatalog}); empty by
 *     default
 */
public record Claim(
    String id,
    String title,
    Paper paper,
    String locus,
    Provenance provenance,
    Set<Reader> readers,
    String checks,
    List<String> alsoChecks,
    String statement,
    List<DeclaredCheck> declaredChecks) {
  private static final Pattern ID = Pattern.compile("[A-Z]{3}-\\d{2}");

  public Claim {
    declaredChecks = declaredChecks == null ? List.of() : List.copyOf(declaredChecks);
    Set<String> names = new HashSet<>();
    for (DeclaredCheck c : declaredChecks) {
      if (!names.add(c.name())) {
        throw new IllegalArgumentException("check " + c.name() + " of " + id
            + " is declared twice: each check name is declared once, with one kind");
      }
    }
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException("id = " + id + ": must look like BMB-01");
    }
    for (String[] field :
        new String[][] {{"title", title}, {"locus", locus}, {"statement", statement}}) {
      if (field[1] == null || field[1].isBlank()) {
        throw new IllegalArgumentException(field[0] + " of " + id + " is blank: must be given");
      }
    }
    if (paper == null || provenance == null) {
      throw new IllegalArgumentException("paper and provenance of " + id + " must be given");
    }
    readers = readers == null || readers.isEmpty()
        ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(readers));
    if (provenance == Provenance.PAPER) {
      if (paper != Paper.BASE_MODEL_BARRIER || readers.isEmpty() || checks == null) {
        throw new IllegalArgumentException("claim " + id + " of provenance PAPER: paper = " + paper
            + ", readers = " + readers + ", checks = " + checks + ": must be a statement of "
            + Paper.BASE_MODEL_BARRIER.arxiv() + " naming its readers (A, B, C) and the paper"
            + " statement it checks; build it with Claim.paper(...)");
      }
    } else if (!readers.isEmpty()) {
      throw new IllegalArgumentException("readers of " + id + " = " + readers + ": only a claim of"
          + " provenance PAPER names secondary readers; this one is " + provenance);
    }
    alsoChecks = alsoChecks == null ? List.of() : alsoChecks;
    if (checks == null && !alsoChecks.isEmpty()) {
      throw new IllegalArgumentException("alsoChecks of " + id + " = " + alsoChecks + ": a claim"
          + " names further paper statements only beside the one it checks");
    }
    if (checks != null) {
      if (paper != Paper.BASE_MODEL_BARRIER) {
        throw new IllegalArgumentException("checks of " + id + " = " + checks + ": only a claim"
            + " about " + Paper.BASE_MODEL_BARRIER.arxiv() + " checks one of its statements");
      }
      checks = checkedStatement(id, locus, readers, checks);
      List<String> also = new ArrayList<>();
      for (String other : alsoChecks) {
        also.add(checkedStatement(id, locus, readers, other));
      }
      alsoChecks = List.copyOf(also);
    }
  }

  /** The PMLR key of {@code name}, after checking that the locus and readers fit it. */
  private static String checkedStatement(
      String id, String locus, Set<Reader> readers, String name) {
    PaperStatement s = PaperStatements.get(name);
    if (!locus.contains(s.locus())) {
      throw new IllegalArgumentException("locus of " + id + " = " + locus + ": must name the"
          + " statement it checks in both numberings, \"" + s.locus() + "\"");
    }
    if (!s.readers().containsAll(readers)) {
      throw new IllegalArgumentException("readers of " + id + " = " + readers + ": must be"
          + " among the readers of " + s.pmlr() + ", " + s.readers());
    }
    return s.pmlr();
  }

  /** A claim that declares no check yet ({@link #withExact}, {@link #withStatistical}). */
  public Claim(String id, String title, Paper paper, String locus, Provenance provenance,
      Set<Reader> readers, String checks, List<String> alsoChecks, String statement) {
    this(id, title, paper, locus, provenance, readers, checks, alsoChecks, statement, List.of());
  }

  /** A claim that checks no paper statement and names no reader (any provenance but PAPER). */
  public Claim(
      String id, String title, Paper paper, String locus, Provenance provenance,
      String statement) {
    this(id, title, paper, locus, provenance, Set.of(), null, List.of(), statement);
  }

  /**
   * A claim of provenance {@link Provenance#PAPER}: a statement of the body of arXiv 2603.06957,
   * reported by {@code readers}, that checks the paper statement {@code checks} (e.g. {@code
   * "Theorem 4.1"}, or its arXiv name {@code "Theorem 6"}). The locus is that statement's {@link
   * PaperStatement#locus()} (both numberings), followed by {@code "; " + locusDetail} unless the
   * detail is blank (e.g. {@code "B pp. 26-27; docs/theory.md §5.6"}).
   */
  public static Claim paper(String id, String title, String checks, Set<Reader> readers,
      String locusDetail, String statement) {
    PaperStatement s = PaperStatements.get(checks);
    String locus = locusDetail == null || locusDetail.isBlank()
        ? s.locus() : s.locus() + "; " + locusDetail;
    return new Claim(id, title, Paper.BASE_MODEL_BARRIER, locus, Provenance.PAPER, readers,
        s.pmlr(), List.of(), statement);
  }

  /**
   * This claim, now checking (or illustrating) the paper statement {@code statement} (either
   * numbering); the statement's {@link PaperStatement#locus()} is put in front of the locus unless
   * the locus already names it.
   */
  public Claim checking(String statement) {
    String both = PaperStatements.get(statement).locus();
    String newLocus = locus.contains(both) ? locus : both + "; " + locus;
    return new Claim(id, title, paper, newLocus, provenance, readers, statement, List.of(),
        this.statement, declaredChecks);
  }

  /**
   * This claim, whose checks also bear on the paper statement {@code statement} (either
   * numbering), e.g. the lower bound that an upper bound's check meets from below; the statement
   * is put in front of the locus's detail unless the locus already names it. The claim must
   * already check a statement ({@link #paper} or {@link #checking}).
   */
  public Claim alsoChecking(String statement) {
    String both = PaperStatements.get(statement).locus();
    String newLocus = locus.contains(both) ? locus : locus + "; " + both;
    List<String> also = new ArrayList<>(alsoChecks);
    also.add(statement);
    return new Claim(id, title, paper, newLocus, provenance, readers, checks, also,
        this.statement, declaredChecks);
  }

  /** This claim, also declaring the exact checks {@code names} ({@link CheckKind#EXACT}). */
  public Claim withExact(String... names) {
    return declaring(CheckKind.EXACT, names);
  }

  /**
   * This claim, also declaring the statistical checks {@code names} ({@link
   * CheckKind#STATISTICAL}): each spends a share of the claim's false-alarm allotment ({@link
   * ClaimCatalog}).
   */
  public Claim withStatistical(String... names) {
    return declaring(CheckKind.STATISTICAL, names);
  }

  private Claim declaring(CheckKind kind, String... names) {
    List<DeclaredCheck> all = new ArrayList<>(declaredChecks);
    for (String name : names) {
      all.add(new DeclaredCheck(name, kind));
    }
    return new Claim(id, title, paper, locus, provenance, readers, checks, alsoChecks, statement,
        all);
  }

  /** The declared check {@code name}, if this claim declares it. */
  public Optional<DeclaredCheck> declared(String name) {
    return declaredChecks.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /** The names of the declared checks of kind {@code kind}, in declaration order. */
  public List<String> declaredChecks(CheckKind kind) {
    return declaredChecks.stream().filter(c -> c.kind() == kind).map(DeclaredCheck::name)
        .toList();
  }

  /** Every paper statement this claim checks: {@link #checks()} then {@link #alsoChecks()}. */
  public List<String> statements() {
    if (checks == null) {
      return List.of();
    }
    List<String> all = new ArrayList<>();
    all.add(checks);
    all.addAll(alsoChecks);
    return List.copyOf(all);
  }

  /** Whether exactly one reader reports this {@link Provenance#PAPER} claim. */
  public boolean singleSource() {
    return readers.size() == 1;
  }

  /**
   * The provenance as shown everywhere: {@code PAPER [A,B]}, {@code PAPER [B, single source]},
   * or the bare name ({@code CODE}, {@code RECONSTRUCTED}, ...).
   */
  public String provenanceTag() {
    return provenance == Provenance.PAPER
        ? provenance + " " + readersTag(readers) : provenance.name();
  }

  /** {@code [A,B]}, or {@code [B, single source]} for one reader, readers in order A, B, C. */
  public static String readersTag(Set<Reader> readers) {
    String names = readers.stream().sorted().map(Reader::name).collect(Collectors.joining(","));
    return "[" + names + (readers.size() == 1 ? ", single source" : "") + "]";
  }
}
