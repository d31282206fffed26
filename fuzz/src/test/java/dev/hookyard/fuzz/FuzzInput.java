package dev.hookyard.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the raw bytes that Jazzer's {@code FuzzedDataProvider} reads back as a given sequence of values, so that
 * seed inputs can be written by hand (see {@link SeedCorpusWriter}). It mirrors Jazzer's reader: integers are taken
 * from the end of the input, most significant byte first, as few bytes as the range needs (none for a range of one
 * value); byte arrays and strings from the front; {@code consumeString} ends at a single backslash followed by any
 * other byte, a doubled backslash being one literal backslash.
 *
 * <p>Calls must be made in the order the fuzz target consumes the values.
 */
final class FuzzInput {

    private final ByteArrayOutputStream front = new ByteArrayOutputStream();
    /** Bytes taken from the end, in the order they are taken (the first is the input's last byte). */
    private final List<Byte> back = new ArrayList<>();
    private boolean frontClosed;

    /** {@code consumeInt(min, max)}, {@code consumeLong(min, max)} and {@code pickValue} (index in 0..size-1). */
    FuzzInput integer(long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(value + " not in " + min + ".." + max);
        }
        long range = max - min;
        long offset = value - min;
        int bytes = 0;
        while (bytes < 8 && (range >>> (8 * bytes)) > 0) {
            bytes++;
        }
        for (int i = bytes - 1; i >= 0; i--) {
            back.add((byte) (offset >>> (8 * i)));
        }
        return this;
    }

    /** {@code pickValue(list)} choosing {@code list.get(index)}. */
    FuzzInput pick(int index, int size) {
        return integer(index, 0, size - 1);
    }

    FuzzInput bool(boolean value) {
        back.add((byte) (value ? 1 : 0));
        return this;
    }

    /** {@code consumeByte()}. */
    FuzzInput oneByte(byte value) {
        back.add(value);
        return this;
    }

    /** {@code consumeChar()}: two bytes from the end. */
    FuzzInput character(char value) {
        back.add((byte) (value >>> 8));
        back.add((byte) value);
        return this;
    }

    /** {@code consumeBytes(n)} returning exactly these bytes. */
    FuzzInput bytes(byte[] value) {
        front(value);
        return this;
    }

    /**
     * {@code consumeString(maxLength)} returning {@code value} (ASCII or BMP characters; at most maxLength of them),
     * terminated so that the next value starts cleanly.
     */
    FuzzInput string(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\') {
                front(new byte[] {'\\', '\\'});
            } else if (c == 0) {
                front(new byte[] {0});
            } else {
                front(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        front(new byte[] {'\\', ' '});
        return this;
    }

    /** {@code consumeRemainingAsBytes()} (or, for UTF-8 text, {@code consumeRemainingAsString()}); must be last. */
    FuzzInput remaining(byte[] value) {
        front(value);
        frontClosed = true;
        return this;
    }

    FuzzInput remaining(String text) {
        return remaining(text.getBytes(StandardCharsets.UTF_8));
    }

    byte[] build() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(front.toByteArray());
        for (int i = back.size() - 1; i >= 0; i--) {
            out.write(back.get(i));
        }
        return out.toByteArray();
    }

    private void front(byte[] bytes) {
        if (frontClosed) {
            throw new IllegalStateException("nothing can follow the remaining bytes");
        }
        front.writeBytes(bytes);
    }
}
