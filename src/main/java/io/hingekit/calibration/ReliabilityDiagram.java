package io.hingekit.calibration;

import io.hingekit.files.AtomicFiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Draws a reliability diagram as a PNG: per-bin accuracy against mean top-label confidence before and after
 * calibration, the diagonal of perfect calibration, axis labels, and both expected calibration errors in the legend.
 *
 * <p>Empty bins are left out; each point's area grows with its bin's share of the samples. Rendering needs no
 * display: the class sets {@code java.awt.headless=true} when the property is unset. The file is written to a
 * temporary sibling and renamed over the target ({@link AtomicFiles}), never half-written. Stateless and
 * thread-safe.
 */
public final class ReliabilityDiagram {

    /** Default image width in pixels. */
    public static final int DEFAULT_WIDTH = 640;

    /** Default image height in pixels. */
    public static final int DEFAULT_HEIGHT = 640;

    /** Smallest accepted width or height in pixels. */
    public static final int MIN_SIZE = 200;

    private static final Color BEFORE = new Color(0xD9, 0x5F, 0x02);
    private static final Color AFTER = new Color(0x1F, 0x5F, 0xB4);
    private static final Color GRID = new Color(0xE4, 0xE4, 0xE4);
    private static final Color DIAGONAL = new Color(0x60, 0x60, 0x60);

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private ReliabilityDiagram() {}

    /**
     * Writes the diagram at the default size.
     *
     * @param target the PNG file to create or replace
     * @param title the title line, for example the model and split
     * @param before the reliability table of the uncalibrated probabilities
     * @param after the reliability table of the calibrated probabilities
     * @throws IOException when writing fails; {@code target} is then unchanged
     */
    public static void write(Path target, String title, Reliability before, Reliability after) throws IOException {
        write(target, title, before, after, DEFAULT_WIDTH, DEFAULT_HEIGHT);
    }

    /**
     * Writes the diagram.
     *
     * @param target the PNG file to create or replace
     * @param title the title line
     * @param before the reliability table of the uncalibrated probabilities
     * @param after the reliability table of the calibrated probabilities
     * @param width image width in pixels, &gt;= {@value #MIN_SIZE}
     * @param height image height in pixels, &gt;= {@value #MIN_SIZE}
     * @throws IOException when writing fails; {@code target} is then unchanged
     */
    public static void write(Path target, String title, Reliability before, Reliability after, int width,
            int height) throws IOException {
        BufferedImage image = render(title, before, after, width, height);
        AtomicFiles.write(target, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer available in javax.imageio");
            }
        });
    }

    /**
     * Draws the diagram into an image.
     *
     * @param title the title line
     * @param before the reliability table of the uncalibrated probabilities
     * @param after the reliability table of the calibrated probabilities
     * @param width image width in pixels, &gt;= {@value #MIN_SIZE}
     * @param height image height in pixels, &gt;= {@value #MIN_SIZE}
     * @return an RGB image
     * @throws IllegalArgumentException when a size is too small or a table is null
     */
    public static BufferedImage render(String title, Reliability before, Reliability after, int width, int height) {
        if (width < MIN_SIZE) {
            throw new IllegalArgumentException("width must be >= " + MIN_SIZE + ", got " + width);
        }
        if (height < MIN_SIZE) {
            throw new IllegalArgumentException("height must be >= " + MIN_SIZE + ", got " + height);
        }
        if (before == null || after == null) {
            throw new IllegalArgumentException("before and after must not be null");
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            new Canvas(g, width, height).draw(title == null ? "" : title, before, after);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** One drawing: the plot rectangle and the mapping from [0, 1]^2 into it. */
    private static final class Canvas {
        private final Graphics2D g;
        private final float unit;
        private final Rectangle2D plot;

        Canvas(Graphics2D g, int width, int height) {
            this.g = g;
            this.unit = Math.min(width, height) / 640f;
            double left = 78 * unit;
            double right = 24 * unit;
            double top = 52 * unit;
            double bottom = 64 * unit;
            double side = Math.min(width - left - right, height - top - bottom);
            double x0 = left + (width - left - right - side) / 2;
            double y0 = top + (height - top - bottom - side) / 2;
            this.plot = new Rectangle2D.Double(x0, y0, side, side);
        }

        double x(double v) {
            return plot.getX() + v * plot.getWidth();
        }

        double y(double v) {
            return plot.getMaxY() - v * plot.getHeight();
        }

        void draw(String title, Reliability before, Reliability after) {
            axes(title);
            g.setColor(DIAGONAL);
            g.setStroke(new BasicStroke(1.5f * unit, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {6 * unit, 5 * unit}, 0f));
            g.draw(new Line2D.Double(x(0), y(0), x(1), y(1)));
            series(before, BEFORE);
            series(after, AFTER);
            legend(before, after);
        }

        private void axes(String title) {
            Font ticks = new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(13 * unit));
            Font labels = new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(15 * unit));
            g.setStroke(new BasicStroke(unit));
            g.setFont(ticks);
            FontMetrics fm = g.getFontMetrics();
            for (int i = 0; i <= 5; i++) {
                double v = i / 5.0;
                g.setColor(GRID);
                if (i > 0 && i < 5) {
                    g.draw(new Line2D.Double(x(v), y(0), x(v), y(1)));
                    g.draw(new Line2D.Double(x(0), y(v), x(1), y(v)));
                }
                g.setColor(Color.DARK_GRAY);
                String text = String.format(Locale.ROOT, "%.1f", v);
                g.draw(new Line2D.Double(x(v), y(0), x(v), y(0) + 5 * unit));
                g.draw(new Line2D.Double(x(0) - 5 * unit, y(v), x(0), y(v)));
                g.drawString(text, (float) (x(v) - fm.stringWidth(text) / 2.0),
                        (float) (y(0) + 7 * unit + fm.getAscent()));
                g.drawString(text, (float) (x(0) - 8 * unit - fm.stringWidth(text)),
                        (float) (y(v) + fm.getAscent() / 2.0 - 1));
            }
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(1.2f * unit));
            g.draw(plot);
            g.setFont(labels);
            fm = g.getFontMetrics();
            String xLabel = "Confidence (mean top-label probability in bin)";
            g.drawString(xLabel, (float) (plot.getCenterX() - fm.stringWidth(xLabel) / 2.0),
                    (float) (y(0) + 14 * unit + 2 * fm.getAscent()));
            String yLabel = "Accuracy in bin";
            AffineTransform saved = g.getTransform();
            g.rotate(-Math.PI / 2);
            g.drawString(yLabel, (float) (-plot.getCenterY() - fm.stringWidth(yLabel) / 2.0),
                    (float) (x(0) - 44 * unit));
            g.setTransform(saved);
            g.setFont(labels.deriveFont(Font.BOLD, 17 * unit));
            fm = g.getFontMetrics();
            g.drawString(title, (float) (plot.getCenterX() - fm.stringWidth(title) / 2.0),
                    (float) (plot.getY() - 16 * unit));
        }

        private void series(Reliability table, Color color) {
            Path2D.Double line = new Path2D.Double();
            boolean started = false;
            for (ReliabilityBin bin : table.bins()) {
                if (bin.isEmpty()) {
                    continue;
                }
                if (started) {
                    line.lineTo(x(bin.meanConfidence()), y(bin.accuracy()));
                } else {
                    line.moveTo(x(bin.meanConfidence()), y(bin.accuracy()));
                    started = true;
                }
            }
            g.setColor(color);
            g.setStroke(new BasicStroke(2f * unit, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(line);
            for (ReliabilityBin bin : table.bins()) {
                if (bin.isEmpty()) {
                    continue;
                }
                double share = (double) bin.count() / table.samples();
                double r = (3.0 + 9.0 * Math.sqrt(share)) * unit;
                Ellipse2D.Double dot = new Ellipse2D.Double(x(bin.meanConfidence()) - r, y(bin.accuracy()) - r,
                        2 * r, 2 * r);
                g.setColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 170));
                g.fill(dot);
                g.setColor(color.darker());
                g.setStroke(new BasicStroke(unit));
                g.draw(dot);
            }
        }

        private void legend(Reliability before, Reliability after) {
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(14 * unit)));
            FontMetrics fm = g.getFontMetrics();
            String[] texts = {
                String.format(Locale.ROOT, "Before calibration, ECE = %.4f", before.expectedCalibrationError()),
                String.format(Locale.ROOT, "After calibration, ECE = %.4f", after.expectedCalibrationError()),
                "Perfect calibration",
                String.format(Locale.ROOT, "Point area: share of the %d samples", after.samples()),
            };
            Color[] colors = {BEFORE, AFTER, DIAGONAL, null};
            double lineHeight = fm.getHeight() + 4 * unit;
            double swatch = 26 * unit;
            double textWidth = 0;
            for (String text : texts) {
                textWidth = Math.max(textWidth, fm.stringWidth(text));
            }
            double pad = 8 * unit;
            double boxWidth = pad * 3 + swatch + textWidth;
            double boxHeight = pad * 2 + lineHeight * texts.length - 4 * unit;
            Rectangle2D upperLeft = new Rectangle2D.Double(x(0) + 10 * unit, y(1) + 10 * unit, boxWidth, boxHeight);
            Rectangle2D lowerRight = new Rectangle2D.Double(x(1) - 10 * unit - boxWidth, y(0) - 10 * unit - boxHeight,
                    boxWidth, boxHeight);
            // the corner that hides fewer points (an underconfident model's points sit upper left,
            // an overconfident one's lower right)
            Rectangle2D box = covered(upperLeft, before, after) <= covered(lowerRight, before, after)
                    ? upperLeft : lowerRight;
            g.setColor(new Color(255, 255, 255, 230));
            g.fill(box);
            g.setColor(Color.GRAY);
            g.setStroke(new BasicStroke(unit));
            g.draw(box);
            for (int i = 0; i < texts.length; i++) {
                double baseline = box.getY() + pad + i * lineHeight + fm.getAscent();
                double mid = baseline - fm.getAscent() / 2.0 + 1;
                g.setColor(colors[i] == null ? Color.DARK_GRAY : colors[i]);
                if (colors[i] == null) {
                    double r = 3 * unit;
                    double cx = box.getX() + pad + swatch / 2;
                    g.setStroke(new BasicStroke(unit));
                    g.draw(new Ellipse2D.Double(cx - 9 * unit - r, mid - r, 2 * r, 2 * r));
                    g.draw(new Ellipse2D.Double(cx + 4 * unit - 2 * r, mid - 2 * r, 4 * r, 4 * r));
                } else if (i < 2) {
                    g.setStroke(new BasicStroke(2f * unit));
                    g.draw(new Line2D.Double(box.getX() + pad, mid, box.getX() + pad + swatch, mid));
                    double r = 5 * unit;
                    g.fill(new Ellipse2D.Double(box.getX() + pad + swatch / 2 - r, mid - r, 2 * r, 2 * r));
                } else {
                    g.setStroke(new BasicStroke(1.5f * unit, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                            new float[] {6 * unit, 5 * unit}, 0f));
                    g.draw(new Line2D.Double(box.getX() + pad, mid, box.getX() + pad + swatch, mid));
                }
                g.setColor(Color.BLACK);
                g.drawString(texts[i], (float) (box.getX() + pad * 2 + swatch), (float) baseline);
            }
        }

        private int covered(Rectangle2D box, Reliability... tables) {
            int count = 0;
            for (Reliability table : tables) {
                for (ReliabilityBin bin : table.bins()) {
                    if (!bin.isEmpty() && box.contains(x(bin.meanConfidence()), y(bin.accuracy()))) {
                        count++;
                    }
                }
            }
            return count;
        }
    }
}
