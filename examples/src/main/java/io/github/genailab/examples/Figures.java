package io.github.genailab.examples;

import io.github.genailab.core.math.Checks;
import java.awt.image.RenderedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.IChart;

/**
 * Writes a lecture's figures as PNG files into one directory and prints each file's absolute path.
 *
 * <p>Runs headless: the lecture programs set {@code java.awt.headless=true} before any chart exists.
 */
public final class Figures {

    private final Path dir;
    private final PrintStream out;

    private Figures(Path dir, PrintStream out) {
        this.dir = dir;
        this.out = out;
    }

    /**
     * Creates the directory (and its parents) if needed.
     *
     * @param dir where the figures go
     * @param out where their paths are printed
     * @return the writer
     * @throws IOException if the directory cannot be created
     * @throws NullPointerException if an argument is null
     */
    public static Figures in(Path dir, PrintStream out) throws IOException {
        Checks.notNull(dir, "dir");
        Checks.notNull(out, "out");
        System.setProperty("java.awt.headless", "true");
        return new Figures(Files.createDirectories(dir.toAbsolutePath().normalize()), out);
    }

    /**
     * Writes one chart as {@code <name>.png}.
     *
     * @param chart the chart
     * @param name the file name without extension
     * @param caption what the figure shows, printed next to its path
     * @return the written file
     * @throws IOException if the file cannot be written
     */
    public Path save(IChart chart, String name, String caption) throws IOException {
        return save(BitmapEncoder.getBufferedImage(chart), name, caption);
    }

    /**
     * Writes several charts side by side in one PNG, on a grid of {@code rows × columns}.
     *
     * @param charts the charts, row by row
     * @param rows the number of grid rows
     * @param columns the number of grid columns
     * @param name the file name without extension
     * @param caption what the figure shows, printed next to its path
     * @return the written file
     * @throws IOException if the file cannot be written
     */
    public Path save(List<? extends IChart> charts, int rows, int columns, String name, String caption)
            throws IOException {
        Path file = file(name);
        try (OutputStream stream = Files.newOutputStream(file)) {
            BitmapEncoder.saveBitmap(charts, rows, columns, stream, BitmapEncoder.BitmapFormat.PNG);
        }
        return announce(file, caption);
    }

    /**
     * Writes an image drawn with Java2D as {@code <name>.png}.
     *
     * @param image the image
     * @param name the file name without extension
     * @param caption what the figure shows, printed next to its path
     * @return the written file
     * @throws IOException if the file cannot be written
     */
    public Path save(RenderedImage image, String name, String caption) throws IOException {
        Path file = file(name);
        ImageIO.write(image, "png", file.toFile());
        return announce(file, caption);
    }

    private Path file(String name) {
        Checks.notNull(name, "name");
        return dir.resolve(name + ".png");
    }

    private Path announce(Path file, String caption) {
        out.println("  figure: " + file + "  (" + caption + ")");
        return file;
    }
}
