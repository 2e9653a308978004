package io.github.genailab.llm.safetensors;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * One tensor listed in a safetensors header: where its bytes are and how to read them.
 *
 * @param name the tensor's key, e.g. {@code h.0.attn.c_attn.weight}
 * @param dtype the element type
 * @param shape the dimensions (empty for a scalar)
 * @param file the file holding the bytes
 * @param offset the absolute byte offset of the first element in {@code file}
 * @param byteLength the number of bytes, {@code product(shape) * dtype.bytes()}
 *
 * @since 0.1.0
 */
public record TensorEntry(String name, TensorDType dtype, int[] shape, Path file, long offset, long byteLength) {

    /**
     * Copies the shape so the record stays immutable.
     *
     * @param name the tensor's key
     * @param dtype the element type
     * @param shape the dimensions
     * @param file the file
     * @param offset the absolute byte offset
     * @param byteLength the number of bytes
     */
    public TensorEntry {
        shape = shape.clone();
    }

    /**
     * The dimensions.
     *
     * @return a copy of the shape
     */
    @Override
    public int[] shape() {
        return shape.clone();
    }

    /**
     * The number of elements.
     *
     * @return the product of the dimensions
     */
    public long elementCount() {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    /**
     * One readable line: name, dtype, shape and file.
     *
     * @return the description
     */
    @Override
    public String toString() {
        return name + " " + dtype + Arrays.toString(shape) + " in " + file;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorEntry e && name.equals(e.name) && dtype == e.dtype
                && Arrays.equals(shape, e.shape) && file.equals(e.file) && offset == e.offset
                && byteLength == e.byteLength;
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(shape);
    }
}
