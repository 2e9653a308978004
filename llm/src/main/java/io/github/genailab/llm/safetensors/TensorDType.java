package io.github.genailab.llm.safetensors;

import java.util.Arrays;

/**
 * The element types of a safetensors file that this module reads: {@code F32}, {@code F16} (IEEE 754
 * binary16) and {@code BF16} (bfloat16: the upper 16 bits of a float32). All are little-endian on disk
 * and widened exactly to float32 on load. Any other dtype of the format ({@code F64}, {@code I8},
 * {@code F8_E4M3}, quantised types ...) is refused by name.
 *
 * @since 0.1.0
 */
public enum TensorDType {
    /** IEEE 754 binary32. */
    F32(4),
    /** IEEE 754 binary16: 1 sign, 5 exponent, 10 fraction bits. */
    F16(2),
    /** bfloat16: 1 sign, 8 exponent, 7 fraction bits (a float32 with its low 16 bits dropped). */
    BF16(2);

    private final int bytes;

    TensorDType(int bytes) {
        this.bytes = bytes;
    }

    /**
     * The size of one element on disk.
     *
     * @return 4 or 2
     */
    public int bytes() {
        return bytes;
    }

    /**
     * Looks up the dtype written in a safetensors header.
     *
     * @param name the header's {@code dtype} string
     * @param where what to name in the error (the tensor and file)
     * @return the dtype
     * @throws IllegalArgumentException if the dtype is not one of {@code F32}, {@code F16}, {@code BF16}
     */
    public static TensorDType parse(String name, String where) {
        for (TensorDType t : values()) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException(where + ": dtype must be one of " + Arrays.toString(values())
                + " (quantised and integer tensors are not supported), got " + name);
    }

    /**
     * Widens one IEEE 754 binary16 value to float32, exactly (subnormals, infinities and NaN included).
     *
     * @param bits the 16 bits
     * @return the same number as a float
     */
    public static float halfToFloat(short bits) {
        int h = bits & 0xffff;
        int sign = (h & 0x8000) << 16;
        int exponent = (h >>> 10) & 0x1f;
        int fraction = h & 0x3ff;
        if (exponent == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (fraction << 13));
        }
        if (exponent == 0) {
            float magnitude = fraction * 0x1p-24f; // subnormal (or zero): exact in float32
            return sign == 0 ? magnitude : -magnitude;
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (fraction << 13));
    }

    /**
     * Widens one bfloat16 value to float32, exactly.
     *
     * @param bits the 16 bits
     * @return the same number as a float
     */
    public static float bfloat16ToFloat(short bits) {
        return Float.intBitsToFloat((bits & 0xffff) << 16);
    }
}
