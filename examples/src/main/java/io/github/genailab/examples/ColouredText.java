package io.github.genailab.examples;

import io.github.genailab.core.math.Checks;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;

/**
 * Draws a passage as a sequence of pieces (tokens), each on its own background colour, wrapped to a fixed
 * width, under a title and above a legend; the watermark lecture uses it to show green and red tokens.
 *
 * <p>Pure Java2D, so it works headless. A newline inside a piece starts a new line; other control
 * characters are shown as spaces.
 */
public final class ColouredText {

    private static final int WIDTH = 1000;
    private static final int MARGIN = 20;
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 18);
    private static final Font TEXT = new Font(Font.SERIF, Font.PLAIN, 17);

    private ColouredText() {
    }

    /**
     * Renders the passage.
     *
     * @param title the line drawn above the passage
     * @param pieces the pieces of text, in order
     * @param backgrounds the background colour of each piece
     * @param legend colour meanings drawn below the passage, in iteration order
     * @return the image, 1000 pixels wide
     * @throws IllegalArgumentException if {@code pieces} and {@code backgrounds} differ in length
     * @throws NullPointerException if an argument is null
     */
    public static BufferedImage render(String title, List<String> pieces, List<Color> backgrounds,
            Map<String, Color> legend) {
        Checks.notNull(title, "title");
        Checks.notNull(pieces, "pieces");
        Checks.notNull(backgrounds, "backgrounds");
        Checks.notNull(legend, "legend");
        Checks.sameLength(pieces.size(), backgrounds.size(), "pieces", "backgrounds");
        int height = layout(pieces, backgrounds, legend, title, null);
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, height);
            layout(pieces, backgrounds, legend, title, g);
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * Stacks images vertically on a white background, left-aligned, separated by a thin grey rule.
     *
     * @param images the images, top first
     * @return the stacked image
     * @throws IllegalArgumentException if {@code images} is empty
     * @throws NullPointerException if {@code images} or one of them is null
     */
    public static BufferedImage stack(List<BufferedImage> images) {
        Checks.notNull(images, "images");
        if (images.isEmpty()) {
            throw Checks.fail("images", "not be empty", "[]");
        }
        int width = 0;
        int height = 0;
        for (int i = 0; i < images.size(); i++) {
            BufferedImage image = Checks.notNull(images.get(i), "images[" + i + "]");
            width = Math.max(width, image.getWidth());
            height += image.getHeight() + (i > 0 ? 1 : 0);
        }
        BufferedImage stacked = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = stacked.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            int y = 0;
            for (BufferedImage image : images) {
                if (y > 0) {
                    g.setColor(Color.LIGHT_GRAY);
                    g.drawLine(0, y, width, y);
                    y++;
                }
                g.drawImage(image, 0, y, null);
                y += image.getHeight();
            }
        } finally {
            g.dispose();
        }
        return stacked;
    }

    /**
     * Lays the passage out, drawing it if {@code g} is not null; returns the height it needs. Measuring
     * uses a scratch image so the same code decides the wrapping in both passes.
     */
    private static int layout(List<String> pieces, List<Color> backgrounds, Map<String, Color> legend,
            String title, Graphics2D g) {
        Graphics2D measure = g != null ? g : new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        measure.setFont(TITLE);
        int titleHeight = measure.getFontMetrics().getHeight();
        if (g != null) {
            g.setColor(Color.BLACK);
            g.drawString(title, MARGIN, MARGIN + measure.getFontMetrics().getAscent());
        }
        measure.setFont(TEXT);
        FontMetrics metrics = measure.getFontMetrics();
        int lineHeight = metrics.getHeight() + 4;
        int x = MARGIN;
        int y = MARGIN + titleHeight + 10;
        for (int i = 0; i < pieces.size(); i++) {
            String[] lines = pieces.get(i).replaceAll("[\\p{Cntrl}&&[^\n]]", " ").split("\n", -1);
            for (int l = 0; l < lines.length; l++) {
                if (l > 0) {
                    x = MARGIN;
                    y += lineHeight;
                }
                int w = metrics.stringWidth(lines[l]);
                if (x + w > WIDTH - MARGIN && x > MARGIN) {
                    x = MARGIN;
                    y += lineHeight;
                }
                if (g != null && w > 0) {
                    g.setColor(backgrounds.get(i));
                    g.fillRect(x, y, w, metrics.getHeight());
                    g.setColor(Color.BLACK);
                    g.drawString(lines[l], x, y + metrics.getAscent());
                }
                x += w;
            }
        }
        y += lineHeight + 12;
        int legendX = MARGIN;
        for (Map.Entry<String, Color> entry : legend.entrySet()) {
            int w = metrics.stringWidth(entry.getKey());
            if (g != null) {
                g.setColor(entry.getValue());
                g.fillRect(legendX, y, 24, metrics.getHeight());
                g.setColor(Color.BLACK);
                g.drawRect(legendX, y, 24, metrics.getHeight());
                g.drawString(entry.getKey(), legendX + 32, y + metrics.getAscent());
            }
            legendX += 32 + w + 30;
        }
        if (g == null) {
            measure.dispose();
        }
        return y + metrics.getHeight() + MARGIN;
    }
}
