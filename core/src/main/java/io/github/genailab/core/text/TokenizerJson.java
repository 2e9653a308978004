package io.github.genailab.core.text;

import io.github.genailab.core.internal.Json;
import io.github.genailab.core.internal.LongIntMap;
import io.github.genailab.core.math.Checks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a Hugging Face {@code tokenizer.json} with a byte-level BPE model into a {@link BpeTokenizer},
 * refusing every setting it does not reproduce (see {@link BpeTokenizer#fromTokenizerJson(Path)}).
 * Messages name the file and the field: {@code "/m/tokenizer.json: model.type must be ..., got ..."}.
 */
final class TokenizerJson {

    /** The Digits pre-tokenizer: Rust's {@code char::is_numeric} is general category N. */
    private static final Pattern DIGIT = Pattern.compile("\\p{N}");
    private static final Pattern DIGITS = Pattern.compile("\\p{N}+");

    private final String file;

    private TokenizerJson(String file) {
        this.file = file;
    }

    static BpeTokenizer read(Path path) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read tokenizer.json " + path + ": " + e, e);
        }
        TokenizerJson reader = new TokenizerJson(path.toString());
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw Checks.fail(path.toString(), "be UTF-8", "malformed bytes (" + e.getMessage() + ")");
        }
        Object root;
        try {
            root = Json.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + " must be JSON, got " + e.getMessage(), e);
        }
        return reader.build(reader.object(root, "the top level"));
    }

    private BpeTokenizer build(Map<String, Object> root) {
        Map<String, Object> model = object(root.get("model"), "model");
        boolean ignoreMerges = modelOptions(model);
        Map<String, Object> vocab = object(model.get("vocab"), "model.vocab");
        List<Object> added = root.get("added_tokens") == null ? List.of() : list(root.get("added_tokens"), "added_tokens");
        String[] tokens = new String[vocab.size() + added.size()];
        Map<String, Integer> ids = vocabulary(vocab, tokens);
        int[] byteToId = new int[256];
        for (int b = 0; b < 256; b++) {
            Integer id = ids.get(String.valueOf(ByteLevel.toChar(b)));
            if (id == null) {
                throw fail("model.vocab", "contain all 256 byte-level tokens (byte fallback and unk_token are"
                        + " not supported)", String.format("no token \"%c\" for byte 0x%02X", ByteLevel.toChar(b), b));
            }
            byteToId[b] = id;
        }
        int[][] merges = merges(list(model.get("merges"), "model.merges"), ids);
        List<AddedTokens.Token> addedTokens = new ArrayList<>();
        String[] all = Arrays.copyOf(tokens, addedTokens(added, ids, tokens, vocab.size(), addedTokens));
        byte[][] tokenBytes = new byte[all.length][];
        for (int id = 0; id < all.length; id++) {
            byte[] bytes = ByteLevel.toBytes(all[id]);
            tokenBytes[id] = bytes != null ? bytes : all[id].getBytes(StandardCharsets.UTF_8);
        }
        decoder(root.get("decoder"));
        AddedTokens cut = new AddedTokens(addedTokens, nfc(root.get("normalizer")));
        BpeRules rules = new BpeRules(cut, preTokenizer(root.get("pre_tokenizer")), ignoreMerges, vocab.size(), true);
        return new BpeTokenizer(all, tokenBytes, byteToId, merges[0], merges[1], merges[2], rules);
    }

    /** Checks the BPE model's options; returns {@code ignore_merges}. */
    private boolean modelOptions(Map<String, Object> model) {
        require(model, "type", "BPE", "be \"BPE\" (WordPiece, WordLevel and Unigram models are not supported)",
                "model");
        Object dropout = model.get("dropout");
        if (dropout != null && !Double.valueOf(0).equals(dropout)) {
            throw fail("model.dropout", "be null (BPE dropout is not supported)", dropout);
        }
        requireAbsentOr(model, "byte_fallback", Boolean.FALSE, "false (byte fallback is not supported)", "model");
        for (String affix : List.of("continuing_subword_prefix", "end_of_word_suffix")) {
            Object value = model.get(affix);
            if (value != null && !"".equals(value)) {
                throw fail("model." + affix, "be null or empty (subword affixes are not supported)", quote(value));
            }
        }
        return bool(model, "ignore_merges", false, "model");
    }

    /** Puts each vocabulary token at its id in {@code tokens}; returns token to id. */
    private Map<String, Integer> vocabulary(Map<String, Object> vocab, String[] tokens) {
        Map<String, Integer> ids = new HashMap<>(tokens.length * 2);
        for (Map.Entry<String, Object> e : vocab.entrySet()) {
            int id = id(e.getValue(), "model.vocab[" + quote(e.getKey()) + "]");
            if (id >= vocab.size() || tokens[id] != null) {
                throw fail("model.vocab", "use each id in [0, " + vocab.size() + ") exactly once",
                        "id " + id + " for token " + quote(e.getKey()));
            }
            tokens[id] = e.getKey();
            ids.put(e.getKey(), id);
        }
        return ids;
    }

    /**
     * Reads {@code added_tokens} into {@code out}, putting the ones outside the vocabulary after it in
     * {@code tokens}; returns the vocabulary size with them.
     */
    private int addedTokens(List<Object> added, Map<String, Integer> ids, String[] tokens, int next,
                            List<AddedTokens.Token> out) {
        Map<String, Integer> addedIds = new HashMap<>();
        for (int i = 0; i < added.size(); i++) {
            String field = "added_tokens[" + i + "]";
            Map<String, Object> token = object(added.get(i), field);
            String content = string(token.get("content"), field + ".content");
            if (content.isEmpty() || addedIds.containsKey(content)) {
                throw fail(field + ".content", "be non-empty and not repeat an earlier added token", quote(content));
            }
            Integer inVocabulary = ids.get(content);
            int expected = inVocabulary != null ? inVocabulary : next;
            int id = id(token.get("id"), field + ".id");
            if (id != expected) {
                throw fail(field + ".id", "be " + expected + ", the id the tokenizers library gives "
                        + quote(content) + " (its id in model.vocab, else the next id after the vocabulary)", id);
            }
            if (inVocabulary == null) {
                tokens[next++] = content;
            }
            boolean special = bool(token, "special", false, field);
            addedIds.put(content, id);
            out.add(new AddedTokens.Token(content, id, bool(token, "normalized", !special, field),
                    bool(token, "single_word", false, field), bool(token, "lstrip", false, field),
                    bool(token, "rstrip", false, field)));
        }
        return next;
    }

    /** Merges as parallel arrays {@code {left ids, right ids, result ids}} in rank order. */
    private int[][] merges(List<Object> entries, Map<String, Integer> ids) {
        int[][] merges = new int[3][entries.size()];
        LongIntMap seen = new LongIntMap(Math.max(16, entries.size()));
        for (int rank = 0; rank < entries.size(); rank++) {
            String field = "model.merges[" + rank + "]";
            Object entry = entries.get(rank);
            String[] pair;
            if (entry instanceof String s) {
                pair = s.split(" ", -1);
            } else if (entry instanceof List<?> l && l.stream().allMatch(String.class::isInstance)) {
                pair = l.toArray(new String[0]);
            } else {
                pair = new String[0];
            }
            if (pair.length != 2 || pair[0].isEmpty() || pair[1].isEmpty()) {
                throw fail(field, "be \"left right\" or [\"left\", \"right\"]", entry instanceof String
                        ? quote(entry) : entry);
            }
            int left = token(ids, pair[0], field);
            int right = token(ids, pair[1], field);
            int result = token(ids, pair[0] + pair[1], field);
            int previous = seen.put(LongIntMap.pack(left, right), rank);
            if (previous >= 0) {
                throw fail(field, "not repeat model.merges[" + previous + "]", quote(pair[0] + " " + pair[1]));
            }
            merges[0][rank] = left;
            merges[1][rank] = right;
            merges[2][rank] = result;
        }
        return merges;
    }

    private int token(Map<String, Integer> ids, String token, String field) {
        Integer id = ids.get(token);
        if (id == null) {
            throw fail(field, "name tokens of model.vocab that merge into a token of model.vocab",
                    "unknown token " + quote(token));
        }
        return id;
    }

    private boolean nfc(Object normalizer) {
        if (normalizer == null) {
            return false;
        }
        Map<String, Object> n = object(normalizer, "normalizer");
        List<Object> parts = "Sequence".equals(n.get("type"))
                ? list(n.get("normalizers"), "normalizer.normalizers") : List.of(n);
        for (int i = 0; i < parts.size(); i++) {
            Object type = object(parts.get(i), "normalizer").get("type");
            if (!"NFC".equals(type)) {
                throw fail(parts.size() == 1 && parts.get(0) == n ? "normalizer.type" : "normalizer.normalizers["
                        + i + "].type", "be \"NFC\" (only null, NFC or a Sequence of NFC is supported)", quote(type));
            }
        }
        return !parts.isEmpty();
    }

    private PreTokenizer preTokenizer(Object value) {
        Map<String, Object> p = object(value, "pre_tokenizer");
        boolean sequence = "Sequence".equals(p.get("type"));
        List<Object> steps = sequence ? list(p.get("pretokenizers"), "pre_tokenizer.pretokenizers") : List.of(p);
        List<Pattern> splits = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            String field = sequence ? "pre_tokenizer.pretokenizers[" + i + "]" : "pre_tokenizer";
            Map<String, Object> step = object(steps.get(i), field);
            boolean last = i == steps.size() - 1;
            if (last) {
                require(step, "type", "ByteLevel", "be \"ByteLevel\" (the last or only pre-tokenizer must be"
                        + " ByteLevel, optionally after Split and Digits steps in a Sequence)", field);
                return new PreTokenizer(splits, bool(step, "add_prefix_space", true, field),
                        bool(step, "use_regex", true, field));
            }
            if ("Digits".equals(step.get("type"))) {
                splits.add(bool(step, "individual_digits", false, field) ? DIGIT : DIGITS);
            } else {
                require(step, "type", "Split", "be \"Split\" or \"Digits\" (a Sequence may hold Split and Digits"
                        + " steps and then ByteLevel)", field);
                splits.add(split(step, field));
            }
        }
        throw fail("pre_tokenizer.pretokenizers", "end with a ByteLevel pre-tokenizer", "an empty Sequence");
    }

    private Pattern split(Map<String, Object> step, String field) {
        require(step, "behavior", "Isolated", "be \"Isolated\" (other Split behaviours are not supported)", field);
        requireAbsentOr(step, "invert", Boolean.FALSE, "false (inverted Split is not supported)", field);
        Map<String, Object> pattern = object(step.get("pattern"), field + ".pattern");
        if (pattern.get("Regex") instanceof String regex) {
            return SplitRegex.compile(regex, file + ": " + field + ".pattern.Regex");
        }
        if (pattern.get("String") instanceof String literal) {
            return Pattern.compile(Pattern.quote(literal));
        }
        throw fail(field + ".pattern", "be {\"Regex\": \"...\"} or {\"String\": \"...\"}", pattern);
    }

    private void decoder(Object value) {
        require(object(value, "decoder"), "type", "ByteLevel", "be \"ByteLevel\" (other decoders are not"
                + " supported)", "decoder");
    }

    private void require(Map<String, Object> object, String key, String expected, String rule, String parent) {
        Object value = object.get(key);
        if (!expected.equals(value)) {
            throw fail(parent + "." + key, rule, value instanceof String ? quote(value) : value);
        }
    }

    private void requireAbsentOr(Map<String, Object> object, String key, Object allowed, String rule, String parent) {
        Object value = object.get(key);
        if (value != null && !allowed.equals(value)) {
            throw fail(parent + "." + key, "be absent or " + rule, value);
        }
    }

    private boolean bool(Map<String, Object> object, String key, boolean absent, String parent) {
        Object value = object.get(key);
        if (value == null) {
            return absent;
        }
        if (!(value instanceof Boolean b)) {
            throw fail(parent + "." + key, "be true or false", value);
        }
        return b;
    }

    private int id(Object value, String field) {
        if (!(value instanceof Double d) || !(d >= 0 && d <= Integer.MAX_VALUE && d == Math.rint(d))) {
            throw fail(field, "be a non-negative integer id", value instanceof String ? quote(value) : value);
        }
        return d.intValue();
    }

    private String string(Object value, String field) {
        if (!(value instanceof String s)) {
            throw fail(field, "be a string", value);
        }
        return s;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> object(Object value, String field) {
        if (!(value instanceof Map)) {
            throw fail(field, "be a JSON object", value == null ? "null or nothing" : describe(value));
        }
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private List<Object> list(Object value, String field) {
        if (!(value instanceof List)) {
            throw fail(field, "be a JSON array", value == null ? "null or nothing" : describe(value));
        }
        return (List<Object>) value;
    }

    private static String describe(Object value) {
        return value instanceof Map ? "an object" : value instanceof List ? "an array" : value instanceof String
                ? quote(value) : String.valueOf(value);
    }

    private IllegalArgumentException fail(String field, String rule, Object value) {
        return Checks.fail(file + ": " + field, rule, value);
    }

    private static String quote(Object s) {
        String text = String.valueOf(s);
        return "\"" + (text.length() > 80 ? text.substring(0, 80) + "..." : text) + "\"";
    }
}
