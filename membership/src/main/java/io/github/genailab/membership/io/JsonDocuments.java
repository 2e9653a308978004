package io.github.genailab.membership.io;

import io.github.genailab.core.internal.Json;
import io.github.genailab.core.math.Checks;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON documents of a file, with where each came from: one value per non-blank line (JSON Lines),
 * or one (possibly pretty-printed) value, for the readers of this package. Parse errors name the source.
 */
final class JsonDocuments {

    private JsonDocuments() {
    }

    /** One parsed JSON value with where it came from. */
    record Document(String location, String path, int line, Object value) {
        String defaultId() {
            return path.isEmpty() ? "line " + line : "line " + line + " " + path;
        }
    }

    static List<String> lines(Reader reader, String sourceName) throws IOException {
        Checks.notNull(reader, "reader");
        Checks.notNull(sourceName, "sourceName");
        try (BufferedReader in = new BufferedReader(reader)) {
            List<String> lines = new ArrayList<>();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
            return lines;
        }
    }

    /** One JSON value per non-blank line. */
    static List<Document> jsonLines(Reader reader, String sourceName) throws IOException {
        return jsonLines(lines(reader, sourceName), sourceName);
    }

    static List<Document> jsonLines(List<String> lines, String sourceName) {
        List<Document> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                out.add(new Document(sourceName + " line " + (i + 1), "", i + 1, parse(lines.get(i), i + 1, sourceName)));
            }
        }
        return out;
    }

    /**
     * JSON Lines if the first non-blank line is a complete JSON value by itself; otherwise one
     * document (an object, or an array whose elements are the responses).
     */
    static List<Document> responses(Reader reader, String sourceName) throws IOException {
        List<String> lines = lines(reader, sourceName);
        int first = 0;
        while (first < lines.size() && lines.get(first).isBlank()) {
            first++;
        }
        if (first == lines.size() || isCompleteValue(lines.get(first))) {
            return jsonLines(lines, sourceName);
        }
        Object value = parse(String.join("\n", lines), 1, sourceName);
        List<Document> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                out.add(new Document(sourceName, "[" + i + "]", 1, list.get(i)));
            }
        } else {
            out.add(new Document(sourceName, "", 1, value));
        }
        return out;
    }

    static boolean isCompleteValue(String line) {
        try {
            Json.parse(line, 1);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static Object parse(String text, int firstLine, String sourceName) {
        try {
            return Json.parse(text, firstLine);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(sourceName + ": " + e.getMessage(), e);
        }
    }

    static String fileName(Path path) {
        Path name = path.getFileName();
        return name == null ? path.toString() : name.toString();
    }
}
