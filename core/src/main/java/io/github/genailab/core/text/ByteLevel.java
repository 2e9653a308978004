package io.github.genailab.core.text;

/**
 * GPT-2's reversible map between the 256 byte values and 256 printable Unicode characters
 * ({@code bytes_to_unicode} in openai/gpt-2 {@code src/encoder.py}).
 *
 * <p>Bytes that are already printable Latin-1 ({@code !}..{@code ~}, {@code ¡}..{@code ¬},
 * {@code ®}..{@code ÿ}) map to themselves; the other 68 bytes (controls, space, NBSP, soft hyphen)
 * map, in increasing byte order, to U+0100, U+0101, ... so that the space byte becomes {@code Ġ}
 * (U+0120) and newline becomes {@code Ċ} (U+010A). Token strings in {@code encoder.json} and the
 * merges file are written in this alphabet.
 */
final class ByteLevel {

    private static final char[] BYTE_TO_CHAR = new char[256];
    private static final int[] CHAR_TO_BYTE = new int[256 + 68];

    static {
        java.util.Arrays.fill(CHAR_TO_BYTE, -1);
        int shifted = 0;
        for (int b = 0; b < 256; b++) {
            char c = printable(b) ? (char) b : (char) (256 + shifted++);
            BYTE_TO_CHAR[b] = c;
            CHAR_TO_BYTE[c] = b;
        }
    }

    private ByteLevel() {
    }

    private static boolean printable(int b) {
        return (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
    }

    /** The character standing for byte {@code b} (0..255). */
    static char toChar(int b) {
        return BYTE_TO_CHAR[b & 0xFF];
    }

    /** The byte a character stands for, or -1 if it is not in the alphabet. */
    static int toByte(char c) {
        return c < CHAR_TO_BYTE.length ? CHAR_TO_BYTE[c] : -1;
    }

    /** The token string (byte-level alphabet) of a byte sequence. */
    static String toTokenString(byte[] bytes) {
        char[] chars = new char[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            chars[i] = toChar(bytes[i]);
        }
        return new String(chars);
    }

    /** The bytes of a token string, or null if a character is outside the alphabet. */
    static byte[] toBytes(String token) {
        byte[] bytes = new byte[token.length()];
        for (int i = 0; i < bytes.length; i++) {
            int b = toByte(token.charAt(i));
            if (b < 0) {
                return null;
            }
            bytes[i] = (byte) b;
        }
        return bytes;
    }
}
