package org.pgbarrier.cli.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemSource;
import org.jfree.chart.block.Block;
import org.jfree.chart.block.BlockContainer;
import org.jfree.chart.block.ColumnArrangement;
import org.jfree.chart.block.FlowArrangement;
import org.jfree.chart.block.RectangleConstraint;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.Title;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.Size2D;
import org.jfree.chart.ui.VerticalAlignment;

/**
 * One line of {@link Text} markup as a JFreeChart block: the figure's title, and each legend entry's
 * text ({@link Legend}). JFreeChart's own text blocks draw plain strings only; this one draws
 * subscripts and superscripts, still as text. A title wider than its space is shrunk to fit.
 */
final class MarkupTitle extends Title {
  private static final long serialVersionUID = 1L;

  private final String markup;
  private final Font font;
  private final Color ink;

  MarkupTitle(String markup, Font font, Color ink) {
    this.markup = markup;
    this.font = font;
    this.ink = ink;
  }

  @Override
  public Size2D arrange(Graphics2D g2, RectangleConstraint constraint) {
    Size2D size = new Size2D(calculateTotalWidth(Text.width(font, markup)),
        calculateTotalHeight(Text.height(font)));
    return constraint.calculateConstrainedSize(size);
  }

  @Override
  public void draw(Graphics2D g2, Rectangle2D area) {
    Rectangle2D inner = trimPadding(trimBorder(trimMargin(area)));
    Font f = font;
    while (Text.width(f, markup) > inner.getWidth() + 0.01 && f.getSize2D() > 6) {
      f = f.deriveFont(f.getSize2D() - 0.5f);
    }
    double w = Text.width(f, markup);
    double x = getHorizontalAlignment() == HorizontalAlignment.LEFT ? inner.getX()
        : inner.getCenterX() - w / 2;
    g2.setPaint(ink);
    Text.draw(g2, f, markup, x, inner.getY() + Text.ascent(f));
  }

  @Override
  public Object draw(Graphics2D g2, Rectangle2D area, Object params) {
    draw(g2, area);
    return null;
  }

  /** JFreeChart's legend with each entry's text drawn as markup. */
  static final class Legend extends LegendTitle {
    private static final long serialVersionUID = 1L;

    /** Entries side by side, wrapping, or with {@code column} one below the other. */
    Legend(LegendItemSource source, Font font, boolean column) {
      super(source, column ? new ColumnArrangement(HorizontalAlignment.LEFT,
          VerticalAlignment.TOP, 0, 0) : new FlowArrangement(),
          new ColumnArrangement(HorizontalAlignment.LEFT, VerticalAlignment.TOP, 0, 0));
      setItemFont(font);
    }

    /** JFreeChart's entry (graphic and text side by side), with the text block replaced. */
    @Override
    protected Block createLegendItemBlock(LegendItem item) {
      BlockContainer outer = (BlockContainer) super.createLegendItemBlock(item);
      BlockContainer entry = (BlockContainer) outer.getBlocks().get(0);
      Block graphic = (Block) entry.getBlocks().get(0);
      entry.clear();
      entry.add(graphic, getLegendItemGraphicEdge());
      MarkupTitle text = new MarkupTitle(item.getLabel(), getItemFont(), (Color) getItemPaint());
      text.setPadding(getItemLabelPadding());
      text.setHorizontalAlignment(HorizontalAlignment.LEFT);
      entry.add(text);
      return outer;
    }
  }
}
