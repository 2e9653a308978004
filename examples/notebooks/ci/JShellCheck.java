import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;

/**
 * Kernel-free notebook check: runs the Java cells of one notebook (extracted by {@code nbtool.py extract}
 * into {@code cell-NNN.jsh} files) through JShell, the engine behind IJava-family kernels, and writes each
 * cell's output to {@code cell-NNN.out}. Exits with status 1 at the first cell that does not compile,
 * throws, or leaves a definition unresolved.
 *
 * <p>Run as a single-file program: {@code java JShellCheck.java CLASSPATH CELL_DIR...} (one fresh JShell per
 * directory).
 */
public final class JShellCheck {

    /**
     * What the kernels predefine: the default imports that both IJava and the rapaio kernel add (nothing
     * more, so a notebook that passes here imports what it needs), and a stand-in for their display()
     * that prints a line the checker recognises as an image.
     */
    private static final String KERNEL_PRELUDE = """
            import java.io.*;
            import java.math.*;
            import java.net.*;
            import java.util.*;
            import java.util.concurrent.*;
            import java.util.prefs.*;
            import java.util.regex.*;
            String display(Object o) {
                String shown = o instanceof java.awt.image.RenderedImage image
                        ? "image " + image.getWidth() + "x" + image.getHeight() : o.getClass().getSimpleName();
                System.out.println("[display " + shown + "]");
                return shown;
            }
            """;

    private JShellCheck() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: java JShellCheck.java CLASSPATH CELL_DIR...");
            System.exit(2);
        }
        for (int i = 1; i < args.length; i++) {
            long start = System.nanoTime();
            if (!runNotebook(args[0], Path.of(args[i]))) {
                System.exit(1);
            }
            System.out.printf(Locale.ROOT, "%s: JShell ran every cell in %.1f s%n", args[i], (System.nanoTime() - start) / 1e9);
        }
    }

    /** Runs one notebook's cells in a fresh JShell; false at the first failing cell. */
    private static boolean runNotebook(String classpath, Path dir) throws IOException {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);
        try (JShell shell = JShell.builder().out(out).err(out)
                .remoteVMOptions("-Djava.awt.headless=true").build()) {
            for (String entry : classpath.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    shell.addToClasspath(entry);
                }
            }
            if (!evaluate(shell, KERNEL_PRELUDE, "kernel prelude", out)) {
                return false;
            }
            for (Path cell : cells(dir)) {
                captured.reset();
                boolean ok = evaluate(shell, Files.readString(cell), cell.getFileName().toString(), out);
                out.flush();
                String text = captured.toString(StandardCharsets.UTF_8);
                Files.writeString(Path.of(cell.toString().replace(".jsh", ".out")), text);
                if (!ok) {
                    System.err.println("--- output of " + cell + ":\n" + text);
                    return false;
                }
            }
        }
        return true;
    }

    private static List<Path> cells(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".jsh")).sorted().collect(Collectors.toList());
        }
    }

    /** Evaluates a cell snippet by snippet, printing each expression's value as a kernel would. */
    private static boolean evaluate(JShell shell, String source, String label, PrintStream out) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String remaining = source;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                break; // only comments left
            }
            if (!info.completeness().isComplete()) {
                System.err.println(label + ": incomplete Java source:\n" + remaining);
                return false;
            }
            for (SnippetEvent event : shell.eval(info.source())) {
                if (!accepted(shell, event, label, out)) {
                    return false;
                }
            }
            remaining = info.remaining();
        }
        return true;
    }

    private static boolean accepted(JShell shell, SnippetEvent event, String label, PrintStream out) {
        Snippet snippet = event.snippet();
        if (event.exception() != null) {
            Throwable thrown = event.exception();
            String type = thrown instanceof EvalException e ? e.getExceptionClassName() : thrown.getClass().getName();
            System.err.println(label + ": " + type + ": " + thrown.getMessage() + "\n  in: " + snippet.source());
            return false;
        }
        if (event.status() != Snippet.Status.VALID && event.causeSnippet() == null) {
            String diagnostics = shell.diagnostics(snippet).map(d -> d.getMessage(Locale.ROOT)).collect(Collectors.joining("\n"));
            String unresolved = snippet instanceof DeclarationSnippet declaration
                    ? shell.unresolvedDependencies(declaration).collect(Collectors.joining(", ")) : "";
            System.err.println(label + ": " + event.status() + " " + snippet.source().strip() + "\n  "
                    + diagnostics.replace("\n", "\n  ") + (unresolved.isEmpty() ? "" : "\n  unresolved: " + unresolved));
            return false;
        }
        boolean expression = snippet.kind() == Snippet.Kind.EXPRESSION
                || snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
        if (expression && event.value() != null) {
            out.println(event.value());
        }
        return true;
    }
}
