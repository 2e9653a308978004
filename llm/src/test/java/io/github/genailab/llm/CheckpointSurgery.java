package io.github.genailab.llm;

import io.github.genailab.core.internal.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** Edits copies of test checkpoints: JSON files and safetensors headers (data section untouched). */
final class CheckpointSurgery {

    private CheckpointSurgery() {
    }

    @SuppressWarnings("unchecked")
    static void editJson(Path file, Consumer<Map<String, Object>> edit) {
        try {
            Map<String, Object> json = (Map<String, Object>) mutable(Json.parse(Files.readString(file)));
            edit.accept(json);
            Files.writeString(file, write(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rewrites the JSON header of a safetensors file; offsets stay relative to the unchanged data. */
    @SuppressWarnings("unchecked")
    static void editHeader(Path file, Consumer<Map<String, Object>> edit) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            int length = (int) ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
            Map<String, Object> header = (Map<String, Object>) mutable(Json.parse(
                    new String(bytes, 8, length, StandardCharsets.UTF_8)));
            edit.accept(header);
            byte[] text = write(header).getBytes(StandardCharsets.UTF_8);
            ByteBuffer out = ByteBuffer.allocate(8 + text.length + bytes.length - 8 - length).order(ByteOrder.LITTLE_ENDIAN);
            out.putLong(text.length).put(text).put(bytes, 8 + length, bytes.length - 8 - length);
            Files.write(file, out.array());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A deep copy whose maps and lists can be edited. */
    private static Object mutable(Object v) {
        if (v instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, x) -> out.put((String) k, mutable(x)));
            return out;
        }
        if (v instanceof List<?> list) {
            return new ArrayList<>(list.stream().map(CheckpointSurgery::mutable).toList());
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> tensor(Map<String, Object> header, String name) {
        return (Map<String, Object>) header.get(name);
    }

    /** Overwrites the first element of an F32 tensor. */
    static void pokeFirstFloat(Path file, String tensor, float value) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            int length = (int) b.getLong(0);
            Map<?, ?> header = (Map<?, ?>) Json.parse(new String(bytes, 8, length, StandardCharsets.UTF_8));
            double begin = (Double) ((List<?>) ((Map<?, ?>) header.get(tensor)).get("data_offsets")).get(0);
            b.putFloat(8 + length + (int) begin, value);
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void truncate(Path file, long length) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            Files.write(file, Arrays.copyOf(bytes, (int) length));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A minimal JSON writer for what {@link Json#parse} returns. */
    static String write(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof String s) {
            return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
        if (v instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : d.toString();
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        if (v instanceof List<?> list) {
            return list.stream().map(CheckpointSurgery::write).collect(Collectors.joining(",", "[", "]"));
        }
        Map<?, ?> map = (Map<?, ?>) v;
        return map.entrySet().stream().map(e -> write(e.getKey()) + ":" + write(e.getValue()))
                .collect(Collectors.joining(",", "{", "}"));
    }
}
