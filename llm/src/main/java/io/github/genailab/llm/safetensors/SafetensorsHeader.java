package io.github.genailab.llm.safetensors;

import io.github.genailab.core.internal.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The header of one safetensors file, parsed and checked against the file's size.
 *
 * <p>Format (Hugging Face {@code safetensors}): an unsigned 64-bit little-endian length {@code N}, then
 * {@code N} bytes of UTF-8 JSON mapping each tensor name to {@code {"dtype", "shape", "data_offsets":
 * [begin, end]}} (plus an optional {@code "__metadata__"} object of strings), then the raw data; offsets
 * are relative to the first byte after the header. Every entry is validated before any data is read:
 * a supported dtype, non-negative dimensions, {@code 0 <= begin <= end <= data length} and
 * {@code end - begin == product(shape) * bytes(dtype)}.
 *
 * @since 0.1.0
 */
public final class SafetensorsHeader {

    /** The format caps the header at 100 MB; a larger length means a corrupt or foreign file. */
    private static final long MAX_HEADER_BYTES = 100L * 1024 * 1024;

    private final Path file;
    private final Map<String, TensorEntry> entries;

    private SafetensorsHeader(Path file, Map<String, TensorEntry> entries) {
        this.file = file;
        this.entries = entries;
    }

    /**
     * Reads and validates the header of {@code file}; the data is not read.
     *
     * @param file a {@code .safetensors} file
     * @return the header
     * @throws IllegalArgumentException if the file is missing, truncated or its header is malformed or
     *     runs past the end of the file, naming the file and the tensor
     * @throws UncheckedIOException if reading fails
     */
    public static SafetensorsHeader read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("safetensors file " + file + " does not exist");
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < 8) {
                throw new IllegalArgumentException(file + ": truncated safetensors file: " + size
                        + " bytes, fewer than the 8-byte header length");
            }
            ByteBuffer lengthBytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(channel, lengthBytes, 0);
            long headerLength = lengthBytes.getLong(0);
            if (headerLength < 2 || headerLength > MAX_HEADER_BYTES || headerLength > size - 8) {
                throw new IllegalArgumentException(file + ": header length must be in [2, min(100 MB, "
                        + (size - 8) + " bytes after the length)], got " + Long.toUnsignedString(headerLength)
                        + " (truncated or not a safetensors file)");
            }
            ByteBuffer json = ByteBuffer.allocate((int) headerLength);
            readFully(channel, json, 8);
            String text = new String(json.array(), StandardCharsets.UTF_8);
            return new SafetensorsHeader(file, parseEntries(file, text, 8 + headerLength, size - 8 - headerLength));
        } catch (IOException e) {
            throw new UncheckedIOException("reading the safetensors header of " + file, e);
        }
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                throw new IllegalArgumentException("unexpected end of file at byte " + at);
            }
            at += n;
        }
    }

    private static Map<String, TensorEntry> parseEntries(Path file, String text, long dataStart, long dataLength) {
        Object root;
        try {
            root = Json.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": malformed safetensors header: " + e.getMessage(), e);
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(file + ": safetensors header must be a JSON object");
        }
        Map<String, TensorEntry> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String name = (String) e.getKey();
            if (!name.equals("__metadata__")) {
                out.put(name, entry(file, name, e.getValue(), dataStart, dataLength));
            }
        }
        return out;
    }

    private static TensorEntry entry(Path file, String name, Object value, long dataStart, long dataLength) {
        String where = file + ": tensor " + name;
        if (!(value instanceof Map<?, ?> fields)) {
            throw new IllegalArgumentException(where + ": entry must be a JSON object, got " + value);
        }
        if (!(fields.get("dtype") instanceof String dtypeName)) {
            throw new IllegalArgumentException(where + ": dtype must be a string, got " + fields.get("dtype"));
        }
        TensorDType dtype = TensorDType.parse(dtypeName, where);
        int[] shape = longs(fields.get("shape"), where + ": shape", -1, Integer.MAX_VALUE);
        long[] offsets = toLongs(fields.get("data_offsets"), where + ": data_offsets", 2, dataLength);
        long elements = 1;
        for (int d : shape) {
            elements = Math.multiplyExact(elements, d);
        }
        long expectedBytes = elements * dtype.bytes();
        if (offsets[0] > offsets[1] || offsets[1] - offsets[0] != expectedBytes) {
            throw new IllegalArgumentException(where + ": data_offsets must span " + expectedBytes
                    + " bytes (shape and dtype), got [" + offsets[0] + ", " + offsets[1] + "]");
        }
        return new TensorEntry(name, dtype, shape, file, dataStart + offsets[0], expectedBytes);
    }

    private static int[] longs(Object value, String where, int length, long max) {
        long[] v = toLongs(value, where, length, max);
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (int) v[i];
        }
        return out;
    }

    /** Reads a JSON array of non-negative integers, each at most {@code max} (the data length for offsets). */
    private static long[] toLongs(Object value, String where, int length, long max) {
        if (!(value instanceof List<?> list) || (length >= 0 && list.size() != length)) {
            throw new IllegalArgumentException(where + " must be a JSON array"
                    + (length >= 0 ? " of " + length + " integers" : " of integers") + ", got " + value);
        }
        long[] out = new long[list.size()];
        for (int i = 0; i < out.length; i++) {
            Object o = list.get(i);
            double d = o instanceof Number n ? n.doubleValue() : Double.NaN;
            if (!(d >= 0 && d <= max && d == Math.rint(d))) {
                throw new IllegalArgumentException(where + "[" + i + "] must be an integer in [0, " + max
                        + "]" + (max == Integer.MAX_VALUE ? "" : " (the data section's length: past the end of the file?)")
                        + ", got " + o);
            }
            out[i] = (long) d;
        }
        return out;
    }

    /**
     * The file this header belongs to.
     *
     * @return the path
     */
    public Path file() {
        return file;
    }

    /**
     * The tensors in header order ({@code __metadata__} excluded).
     *
     * @return an unmodifiable map from name to entry
     */
    public Map<String, TensorEntry> entries() {
        return Map.copyOf(entries);
    }

    /**
     * One tensor's entry.
     *
     * @param name the tensor's key
     * @return the entry, or null if the header has no such tensor
     */
    public TensorEntry entry(String name) {
        return entries.get(name);
    }
}
