package org.oneenroll.simulator.population;

import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes records as compact JSON straight into UTF-8 bytes: the NDJSON stream of a million families is too hot
 * for per-record JSON-B. Property names are the record component names in declaration order (what JSON-B
 * would produce), dates are ISO strings, {@code null} is written, and characters outside the BMP become 4-byte
 * UTF-8. Not thread-safe; use one per thread.
 */
public final class JsonLineWriter {

    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final ClassValue<Property[]> PROPERTIES = new ClassValue<>() {
        @Override
        protected Property[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Property[] out = new Property[components.length];
            for (int i = 0; i < components.length; i++) {
                out[i] = new Property(utf8("\"" + components[i].getName() + "\":"), accessor(type, components[i]));
            }
            return out;
        }
    };
    private static final ClassValue<byte[][]> ENUM_NAMES = new ClassValue<>() {
        @Override
        protected byte[][] computeValue(Class<?> type) {
            Object[] constants = type.getEnumConstants();
            byte[][] out = new byte[constants.length][];
            for (int i = 0; i < constants.length; i++) {
                out[i] = utf8("\"" + ((Enum<?>) constants[i]).name() + "\"");
            }
            return out;
        }
    };

    private record Property(byte[] key, Function<Object, Object> accessor) {}

    /**
     * A lambda for the component's accessor: reflective calls cost more than the encoding itself at a million
     * families.
     */
    @SuppressWarnings("unchecked")
    private static Function<Object, Object> accessor(Class<?> type, RecordComponent component) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
            MethodHandle getter = lookup.unreflect(component.getAccessor());
            Class<?> result = component.getType().isPrimitive()
                    ? MethodType.methodType(component.getType()).wrap().returnType()
                    : component.getType();
            return (Function<Object, Object>) LambdaMetafactory.metafactory(
                            lookup,
                            "apply",
                            MethodType.methodType(Function.class),
                            MethodType.methodType(Object.class, Object.class),
                            getter,
                            MethodType.methodType(result, type))
                    .getTarget()
                    .invokeExact();
        } catch (Throwable e) {
            throw new IllegalStateException("cannot read " + type.getName() + "." + component.getName(), e);
        }
    }

    private byte[] buffer = new byte[1 << 16];
    private int size;

    /** Appends {@code value} as JSON. */
    public JsonLineWriter value(Object value) {
        if (value == null) {
            ascii("null");
        } else if (value instanceof String s) {
            string(s);
        } else if (value instanceof Record rec) {
            record(rec);
        } else if (value instanceof Collection<?> c) {
            put((byte) '[');
            boolean first = true;
            for (Object o : c) {
                if (!first) {
                    put((byte) ',');
                }
                first = false;
                value(o);
            }
            put((byte) ']');
        } else if (value instanceof Map<?, ?> m) {
            put((byte) '{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) {
                    put((byte) ',');
                }
                first = false;
                string(String.valueOf(e.getKey() instanceof Enum<?> en ? en.name() : e.getKey()));
                put((byte) ':');
                value(e.getValue());
            }
            put((byte) '}');
        } else if (value instanceof Enum<?> e) {
            bytes(ENUM_NAMES.get(e.getDeclaringClass())[e.ordinal()]);
        } else if (value instanceof Number || value instanceof Boolean) {
            ascii(value.toString());
        } else if (value instanceof LocalDate date) {
            ensure(12);
            buffer[size++] = '"';
            yearMonth(date.getYear(), date.getMonthValue());
            buffer[size++] = '-';
            twoDigits(date.getDayOfMonth());
            buffer[size++] = '"';
        } else if (value instanceof YearMonth month) {
            ensure(9);
            buffer[size++] = '"';
            yearMonth(month.getYear(), month.getMonthValue());
            buffer[size++] = '"';
        } else {
            string(value.toString());
        }
        return this;
    }

    /** Ends the current line. */
    public JsonLineWriter newline() {
        put((byte) '\n');
        return this;
    }

    /** The bytes written so far. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }

    public int size() {
        return size;
    }

    public void reset() {
        size = 0;
    }

    private void record(Record rec) {
        put((byte) '{');
        Property[] properties = PROPERTIES.get(rec.getClass());
        for (int i = 0; i < properties.length; i++) {
            if (i > 0) {
                put((byte) ',');
            }
            bytes(properties[i].key());
            value(properties[i].accessor().apply(rec));
        }
        put((byte) '}');
    }

    private void string(String s) {
        ensure(s.length() * 6 + 2);
        byte[] b = buffer;
        int n = size;
        b[n++] = '"';
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b[n++] = '\\';
                b[n++] = (byte) c;
            } else if (c < 0x20) {
                b[n++] = '\\';
                b[n++] = 'u';
                b[n++] = '0';
                b[n++] = '0';
                b[n++] = HEX[c >> 4];
                b[n++] = HEX[c & 15];
            } else if (c < 0x80) {
                b[n++] = (byte) c;
            } else if (c < 0x800) {
                b[n++] = (byte) (0xC0 | (c >> 6));
                b[n++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                b[n++] = (byte) (0xF0 | (cp >> 18));
                b[n++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                b[n++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                b[n++] = (byte) (0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                // a lone surrogate is not encodable as UTF-8; JSON's escape keeps it lossless
                b[n++] = '\\';
                b[n++] = 'u';
                b[n++] = HEX[c >> 12];
                b[n++] = HEX[(c >> 8) & 15];
                b[n++] = HEX[(c >> 4) & 15];
                b[n++] = HEX[c & 15];
            } else {
                b[n++] = (byte) (0xE0 | (c >> 12));
                b[n++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                b[n++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        b[n++] = '"';
        size = n;
    }

    /** "2024-05" for years 1000..9999, the only ones generated. */
    private void yearMonth(int year, int month) {
        if (year < 1000 || year > 9999) {
            ascii(YearMonth.of(year, month).toString());
            return;
        }
        buffer[size++] = (byte) ('0' + year / 1000);
        buffer[size++] = (byte) ('0' + year / 100 % 10);
        buffer[size++] = (byte) ('0' + year / 10 % 10);
        buffer[size++] = (byte) ('0' + year % 10);
        buffer[size++] = '-';
        twoDigits(month);
    }

    private void twoDigits(int n) {
        buffer[size++] = (byte) ('0' + n / 10);
        buffer[size++] = (byte) ('0' + n % 10);
    }

    private void ascii(String s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            buffer[size++] = (byte) s.charAt(i);
        }
    }

    private void bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buffer, size, b.length);
        size += b.length;
    }

    private void put(byte b) {
        ensure(1);
        buffer[size++] = b;
    }

    private void ensure(int extra) {
        if (size + extra > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + extra));
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
