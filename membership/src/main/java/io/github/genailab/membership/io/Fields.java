package io.github.genailab.membership.io;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Typed access to the fields of one parsed JSON object, with errors that name the place in the file
 * and the field: {@code scores.jsonl line 7: token_logprobs[3] must be a number or null, got "abc"}.
 */
final class Fields {

    private final String location;
    private final String path;
    private final Map<?, ?> object;

    private Fields(String location, String path, Map<?, ?> object) {
        this.location = location;
        this.path = path;
        this.object = object;
    }

    /**
     * Wraps a parsed value that must be an object.
     *
     * @param location e.g. {@code scores.jsonl line 7}
     * @param path the object's own path ("" for the top level)
     * @param value the parsed value
     */
    static Fields of(String location, String path, Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            throw fail(location, path.isEmpty() ? "the line" : path, "be a JSON object", value);
        }
        return new Fields(location, path, map);
    }

    String location() {
        return location;
    }

    /** The full name of a field of this object, e.g. {@code choices[0].logprobs}. */
    String name(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Whether the field is present and not null. */
    boolean has(String key) {
        return object.get(key) != null;
    }

    /** The parsed value of a field, or a marker that prints as "nothing (field missing)". */
    Object raw(String key) {
        return object.containsKey(key) ? object.get(key) : Missing.FIELD;
    }

    Fields object(String key) {
        return of(location, name(key), required(key));
    }

    List<?> array(String key) {
        Object v = required(key);
        if (!(v instanceof List<?> list)) {
            throw fail(name(key), "be an array", v);
        }
        return list;
    }

    String string(String key) {
        Object v = required(key);
        if (!(v instanceof String s)) {
            throw fail(name(key), "be a string", v);
        }
        return s;
    }

    /** A string field, or null when absent or null. */
    String optionalString(String key) {
        return has(key) ? string(key) : null;
    }

    /** An integral number that fits an int. */
    int integer(String key, Object value) {
        if (!(value instanceof Double d) || d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
            throw fail(key, "be an integer", value);
        }
        return d.intValue();
    }

    private Object required(String key) {
        if (!object.containsKey(key)) {
            throw fail(name(key), "be present", Missing.FIELD);
        }
        Object v = object.get(key);
        if (v == null) {
            throw fail(name(key), "not be null", null);
        }
        return v;
    }

    IllegalArgumentException fail(String field, String rule, Object value) {
        return fail(location, field, rule, value);
    }

    private static IllegalArgumentException fail(String location, String field, String rule, Object value) {
        return new IllegalArgumentException(location + ": " + field + " must " + rule + ", got " + describe(value));
    }

    /** A short description of a parsed value for error messages. */
    static String describe(Object value) {
        if (value == Missing.FIELD) {
            return "nothing (field missing)";
        }
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            String shown = s.length() > 40 ? s.substring(0, 40) + "..." : s;
            return "\"" + shown.replace("\n", "\\n") + "\"";
        }
        if (value instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.format(Locale.ROOT, "%d", d.longValue()) : d.toString();
        }
        if (value instanceof Map<?, ?> map) {
            return "an object with " + map.size() + " fields";
        }
        if (value instanceof List<?> list) {
            return "an array of " + list.size();
        }
        return value.toString();
    }

    /** Marks a missing field in messages. */
    private enum Missing {
        FIELD
    }
}
