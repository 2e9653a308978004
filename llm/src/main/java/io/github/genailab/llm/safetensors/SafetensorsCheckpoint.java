package io.github.genailab.llm.safetensors;

import io.github.genailab.core.internal.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.MappedByteBuffer;
import java.nio.ShortBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The weights of a Hugging Face model directory: either one {@code model.safetensors} or a
 * {@code model.safetensors.index.json} whose {@code weight_map} names the shard holding each tensor.
 *
 * <p>Headers are read and validated when the checkpoint is opened; a tensor's bytes are memory-mapped
 * ({@link FileChannel#map}) only when it is read, and widened to a new float32 array (F16 and BF16
 * exactly). Reading checks the shape the caller expects and names the tensor, the file, the expected
 * and the found shape, and refuses a NaN or infinite weight (which would make every logit NaN). The mapping is released with the returned buffer; nothing stays open.
 *
 * @since 0.1.0
 */
public final class SafetensorsCheckpoint {

    /** The single-file name in a Hugging Face model directory. */
    public static final String SINGLE_FILE = "model.safetensors";
    /** The index of a sharded checkpoint. */
    public static final String INDEX_FILE = "model.safetensors.index.json";

    /** Elements per square tile of a transposing read: 64 x 64 floats stay in L1. */
    private static final int TILE = 64;

    private final Path directory;
    private final Map<String, TensorEntry> entries;

    private SafetensorsCheckpoint(Path directory, Map<String, TensorEntry> entries) {
        this.directory = directory;
        this.entries = entries;
    }

    /**
     * Opens the checkpoint in {@code directory} and validates every header.
     *
     * @param directory a model directory
     * @return the checkpoint
     * @throws IllegalArgumentException if neither file exists, the index is malformed or names a
     *     missing shard or a tensor its shard lacks, or a header is invalid
     * @throws UncheckedIOException if reading fails
     */
    public static SafetensorsCheckpoint open(Path directory) {
        Path single = directory.resolve(SINGLE_FILE);
        if (Files.isRegularFile(single)) {
            return new SafetensorsCheckpoint(directory, new LinkedHashMap<>(SafetensorsHeader.read(single).entries()));
        }
        Path index = directory.resolve(INDEX_FILE);
        if (!Files.isRegularFile(index)) {
            throw new IllegalArgumentException(directory + " must hold " + SINGLE_FILE + " or " + INDEX_FILE
                    + ", found neither");
        }
        return new SafetensorsCheckpoint(directory, shardedEntries(directory, index));
    }

    private static Map<String, TensorEntry> shardedEntries(Path directory, Path index) {
        Object root;
        try {
            root = Json.parse(Files.readString(index, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + index, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(index + ": malformed JSON: " + e.getMessage(), e);
        }
        if (!(root instanceof Map<?, ?> map) || !(map.get("weight_map") instanceof Map<?, ?> weightMap)) {
            throw new IllegalArgumentException(index + ": weight_map must be a JSON object of tensor name to shard file");
        }
        Map<String, SafetensorsHeader> shards = new HashMap<>();
        Map<String, TensorEntry> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : weightMap.entrySet()) {
            String name = (String) e.getKey();
            if (!(e.getValue() instanceof String shardName) || shardName.contains("/") || shardName.contains("\\")) {
                throw new IllegalArgumentException(index + ": weight_map." + name
                        + " must be a file name in the same directory, got " + e.getValue());
            }
            SafetensorsHeader shard = shards.computeIfAbsent(shardName, s -> SafetensorsHeader.read(directory.resolve(s)));
            TensorEntry entry = shard.entry(name);
            if (entry == null) {
                throw new IllegalArgumentException(index + ": tensor " + name + " is mapped to " + shardName
                        + ", whose header does not list it");
            }
            out.put(name, entry);
        }
        return out;
    }

    /**
     * The directory this checkpoint was opened from.
     *
     * @return the path
     */
    public Path directory() {
        return directory;
    }

    /**
     * Whether a tensor is present.
     *
     * @param name the tensor's key
     * @return true if some file holds it
     */
    public boolean contains(String name) {
        return entries.containsKey(name);
    }

    /**
     * Every tensor, in file (or index) order.
     *
     * @return an unmodifiable map from name to entry
     */
    public Map<String, TensorEntry> entries() {
        return java.util.Collections.unmodifiableMap(entries);
    }

    /**
     * Reads a tensor as float32 in its on-disk (row-major) order.
     *
     * @param name the tensor's key
     * @param expectedShape the shape the model's config implies
     * @return a new array of {@code product(expectedShape)} floats
     * @throws IllegalArgumentException if the tensor is missing, its shape differs or it holds a NaN or infinity
     * @throws UncheckedIOException if mapping fails
     */
    public float[] read(String name, int... expectedShape) {
        TensorEntry entry = checked(name, expectedShape);
        float[] out = new float[(int) entry.elementCount()];
        ByteBuffer bytes = map(entry);
        switch (entry.dtype()) {
            case F32 -> bytes.asFloatBuffer().get(out);
            case F16 -> {
                ShortBuffer s = bytes.asShortBuffer();
                for (int i = 0; i < out.length; i++) {
                    out[i] = TensorDType.halfToFloat(s.get(i));
                }
            }
            case BF16 -> {
                ShortBuffer s = bytes.asShortBuffer();
                for (int i = 0; i < out.length; i++) {
                    out[i] = TensorDType.bfloat16ToFloat(s.get(i));
                }
            }
        }
        requireFinite(entry, out, 0, out.length);
        return out;
    }

    /**
     * Reads a matrix stored {@code [rows][cols]} on disk as its transpose, {@code [cols][rows]}
     * row-major, without a second full-size copy.
     *
     * @param name the tensor's key
     * @param rows the expected first dimension on disk
     * @param cols the expected second dimension on disk
     * @return a new array {@code t} with {@code t[c * rows + r] = tensor[r][c]}
     * @throws IllegalArgumentException if the tensor is missing, its shape differs or it holds a NaN or infinity
     * @throws UncheckedIOException if mapping fails
     */
    public float[] readTransposed(String name, int rows, int cols) {
        float[] out = new float[Math.multiplyExact(rows, cols)];
        readTransposedInto(name, rows, cols, out, rows, 0);
        return out;
    }

    /**
     * Writes the transpose of a matrix stored {@code [rows][cols]} on disk into a block of columns of
     * a wider row-major matrix: {@code dst[c * dstRowLength + dstColumn + r] = tensor[r][c]}. This is
     * how several {@code torch.nn.Linear} weights (out x in) become one fused input-major matrix. Works
     * in 64 x 64 tiles so that both sides stay in cache.
     *
     * @param name the tensor's key
     * @param rows the expected first dimension on disk (the output features)
     * @param cols the expected second dimension on disk (the input features)
     * @param dst the destination, at least {@code cols * dstRowLength} long
     * @param dstRowLength the width of a destination row
     * @param dstColumn the destination column of the tensor's first row
     * @throws IllegalArgumentException if the tensor is missing, its shape differs or it holds a NaN or infinity
     * @throws UncheckedIOException if mapping fails
     */
    public void readTransposedInto(String name, int rows, int cols, float[] dst, int dstRowLength, int dstColumn) {
        TensorEntry entry = checked(name, rows, cols);
        ByteBuffer bytes = map(entry);
        FloatBuffer f = entry.dtype() == TensorDType.F32 ? bytes.asFloatBuffer() : null;
        ShortBuffer s = f == null ? bytes.asShortBuffer() : null;
        boolean half = entry.dtype() == TensorDType.F16;
        for (int r0 = 0; r0 < rows; r0 += TILE) {
            int r1 = Math.min(rows, r0 + TILE);
            for (int c0 = 0; c0 < cols; c0 += TILE) {
                int c1 = Math.min(cols, c0 + TILE);
                for (int r = r0; r < r1; r++) {
                    int from = r * cols;
                    for (int c = c0; c < c1; c++) {
                        float v;
                        if (f != null) {
                            v = f.get(from + c);
                        } else if (half) {
                            v = TensorDType.halfToFloat(s.get(from + c));
                        } else {
                            v = TensorDType.bfloat16ToFloat(s.get(from + c));
                        }
                        if (!Float.isFinite(v)) {
                            throw nonFinite(entry, (long) r * cols + c, v);
                        }
                        dst[c * dstRowLength + dstColumn + r] = v;
                    }
                }
            }
        }
    }

    /** A weight that is NaN or infinite would turn every logit into NaN: refuse the file instead. */
    private static void requireFinite(TensorEntry entry, float[] values, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Float.isFinite(values[i])) {
                throw nonFinite(entry, i, values[i]);
            }
        }
    }

    private static IllegalArgumentException nonFinite(TensorEntry entry, long index, float value) {
        return new IllegalArgumentException("tensor " + entry.name() + " in " + entry.file()
                + " must hold finite values, got " + value + " at flat index " + index);
    }

    private TensorEntry checked(String name, int... expectedShape) {
        TensorEntry entry = entries.get(name);
        if (entry == null) {
            throw new IllegalArgumentException("tensor " + name + " (expected shape " + Arrays.toString(expectedShape)
                    + ") is missing from the checkpoint in " + directory);
        }
        if (!Arrays.equals(entry.shape(), expectedShape)) {
            throw new IllegalArgumentException("tensor " + name + " in " + entry.file() + " must have shape "
                    + Arrays.toString(expectedShape) + " for the model's config, got " + Arrays.toString(entry.shape()));
        }
        if (entry.byteLength() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("tensor " + name + " in " + entry.file() + " must be under 2 GiB, got "
                    + entry.byteLength() + " bytes");
        }
        return entry;
    }

    private static ByteBuffer map(TensorEntry entry) {
        try (FileChannel channel = FileChannel.open(entry.file(), StandardOpenOption.READ)) {
            MappedByteBuffer buffer = channel.map(FileChannel.MapMode.READ_ONLY, entry.offset(), entry.byteLength());
            return buffer.order(ByteOrder.LITTLE_ENDIAN);
        } catch (IOException e) {
            throw new UncheckedIOException("mapping tensor " + entry.name() + " of " + entry.file(), e);
        }
    }
}
