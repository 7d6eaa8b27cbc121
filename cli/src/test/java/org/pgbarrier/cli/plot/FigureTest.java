package org.pgbarrier.cli.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FigureTest {
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

  @Test
  void writesAPngAnSvgAndAPdfAndNothingElse(@TempDir Path dir) throws IOException {
    Path[] files = new Figure("t", "x", "y")
        .line("a", new double[] {1, 2, 3}, new double[] {1, 4, 9}, Palette.categorical(0))
        .points(null, new double[] {1, 2}, new double[] {2, 3}, Color.BLACK)
        .intervals(new double[] {1, 2}, new double[] {1, 2}, new double[] {3, 4}, Color.BLACK)
        .histogram("h", new double[] {0, 1, 2}, new double[] {3, 5}, Palette.categorical(1))
        .write(dir, "figure");

    assertThat(files).containsExactly(dir.resolve("figure.png"), dir.resolve("figure.svg"),
        dir.resolve("figure.pdf"));
    byte[] png = Files.readAllBytes(files[0]);
    assertThat(png).startsWith(PNG_SIGNATURE);
    assertThat(new String(Files.readAllBytes(files[1]), StandardCharsets.UTF_8)).contains("<svg");
    assertThat(new String(Files.readAllBytes(files[2]), StandardCharsets.ISO_8859_1))
        .startsWith("%PDF-");
    try (Stream<Path> listing = Files.list(dir)) {
      assertThat(listing).containsExactlyInAnyOrder(files);
    }
  }

  @Test
  void drawsValuesBelowALogFloorAtTheFloor() throws IOException {
    Figure figure = new Figure("t", "step", "likelihood").logX(1).logY(1e-30)
        .line("underflowed", new double[] {0, 10, 100}, new double[] {0, 1e-300, 0.5}, Color.RED);

    assertThat(figure.png()).startsWith(PNG_SIGNATURE);
  }

  @Test
  void thePngIs300DpiAndTheSvgKeepsTextAsText() throws IOException {
    Figure figure = new Figure("A title", "PG step", "p_{w}(y^{*}|x)").logY(1e-30)
        .line("curve \u03b1", new double[] {1, 2, 3}, new double[] {1e-20, 1e-3, 1}, Color.RED);

    byte[] png = figure.png();
    java.awt.image.BufferedImage image =
        javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
    assertThat(image.getWidth()).isEqualTo((int) Math.round(Figure.WIDTH * 300 / 72));
    assertThat(image.getHeight()).isEqualTo((int) Math.round(Figure.HEIGHT * 300 / 72));
    // pHYs: 300 dpi = 11811 pixels per metre on both axes, unit 1 (metre)
    assertThat(png).containsSequence('p', 'H', 'Y', 's', 0, 0, 0x2e, 0x23, 0, 0, 0x2e, 0x23, 1);
    String svg = new String(figure.svg(), StandardCharsets.UTF_8);
    assertThat(svg).contains(">A title<").contains(">PG step<").contains(">curve \u03b1<")
        .contains(">p<").contains(">w<").contains(">(y<").contains(">|x)<")
        .contains(">10\u207b\u00b2\u2070<");
  }

  @Test
  void aLogAxisIsLabelledAtDecadesOnlyEveryTwentiethOverOneHundredAndThirtyDecades() {
    String svg = new String(new Figure("t", "x", "y").logY(1e-300)
        .line(null, new double[] {0, 1}, new double[] {1e-128, 1}, Color.RED).svg(),
        StandardCharsets.UTF_8);

    for (int k = -120; k <= -20; k += 20) {
      assertThat(svg).contains(">" + Axes.decade(k, false) + "<");
    }
    assertThat(svg).contains(">10\u2070<").doesNotContain(">" + Axes.decade(-10, false) + "<")
        .doesNotContain(">" + Axes.decade(-110, false) + "<").doesNotContain("E-");
  }

  @Test
  void decadesReadAsPowersOfTenOrAsPlainNumbersNearOne() {
    assertThat(Axes.decade(-12, false)).isEqualTo("10\u207b\u00b9\u00b2");
    assertThat(Axes.decade(3, false)).isEqualTo("10\u00b3");
    assertThat(Axes.decade(3, true)).isEqualTo("1000");
    assertThat(Axes.decade(-2, true)).isEqualTo("0.01");
    assertThat(Axes.plainRange(0, 3)).isTrue();
    assertThat(Axes.plainRange(-10, 0)).isFalse();
  }

  @Test
  void aCountAxisHasWholeNumberTicksOnly() {
    String svg = new String(new Figure("t", "x", "samples").countsOnY()
        .histogram(null, new double[] {0, 10, 20}, new double[] {1, 2}, Color.BLUE).svg(),
        StandardCharsets.UTF_8);

    assertThat(svg).contains(">0<").contains(">1<").contains(">2<").doesNotContain(">0.5<")
        .doesNotContain(">1.5<");
  }

  @Test
  void theSameFigureGivesTheSameBytesInEveryFormat() throws IOException {
    java.util.function.Supplier<Figure> make = () -> new Figure("t \u03b5", "x", "y")
        .logX(1).colourBar("q", 1e-3, 1, true)
        .line(null, new double[] {1, 10, 100}, new double[] {0.1, 0.5, 0.9}, Color.RED);

    assertThat(make.get().png()).isEqualTo(make.get().png());
    assertThat(make.get().svg()).isEqualTo(make.get().svg());
    assertThat(make.get().pdf()).isEqualTo(make.get().pdf());
    String pdf = new String(make.get().pdf(), StandardCharsets.ISO_8859_1);
    // text drawn as glyph outlines: no font to embed or to miss
    assertThat(pdf).startsWith("%PDF-").contains("/CreationDate (D:20000101000000")
        .doesNotContain("/Font");
    assertThat(pdf.strip()).endsWith("%%EOF");
  }

  @Test
  void logYMustComeBeforeTheFirstSeries() {
    Figure figure = new Figure("t", "x", "y").line("a", new double[] {1}, new double[] {1},
        Color.RED);
    assertThatThrownBy(() -> figure.logY(1e-3)).isInstanceOf(IllegalStateException.class)
        .hasMessage("logY must come before the first series");
  }

  @Test
  void twoCurvesMayShareALegendText() throws IOException {
    Figure figure = new Figure("t", "x", "y")
        .line("q = 1.00", new double[] {1, 2}, new double[] {1, 2}, Color.RED)
        .line("q = 1.00", new double[] {1, 2}, new double[] {2, 3}, Color.BLUE);

    assertThat(figure.png()).startsWith(PNG_SIGNATURE);
  }

  @Test
  void refusesNotANumberNamingTheIndex() {
    Figure figure = new Figure("t", "x", "y");
    assertThatThrownBy(() -> figure.line("a", new double[] {1, 2}, new double[] {1, Double.NaN},
        Color.RED)).isInstanceOf(IllegalArgumentException.class).hasMessage(
            "values[1] = NaN: must be finite");
  }

  @Test
  void refusesSeriesOfUnequalLength() {
    Figure figure = new Figure("t", "x", "y");
    assertThatThrownBy(() -> figure.points("a", new double[] {1, 2}, new double[] {1}, Color.RED))
        .hasMessage("y.length = 1: must equal x.length = 2");
  }

  @Test
  void viridisRunsFromPurpleToYellowAndClamps() {
    assertThat(Palette.viridis(0)).isEqualTo(new Color(0x440154));
    assertThat(Palette.viridis(1)).isEqualTo(new Color(0xFDE725));
    assertThat(Palette.viridis(-3)).isEqualTo(Palette.viridis(0));
    assertThat(Palette.viridis(7)).isEqualTo(Palette.viridis(1));
  }
}
