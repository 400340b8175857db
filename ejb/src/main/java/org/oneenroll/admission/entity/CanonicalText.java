package org.oneenroll.admission.entity;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.oneenroll.platform.entity.InvalidValueException;

/**
 * The rules every published admission file follows, so that anyone can hash it and get the same digest:
 * UTF-8, one record per line, tokens separated by one space, lines ended by a single LF, no trailing space.
 * Reading is strict and reports the line that does not fit.
 */
public final class CanonicalText {

    private static final HexFormat HEX = HexFormat.of();

    private CanonicalText() {}

    public static String sha256Hex(byte[] bytes) {
        return HEX.formatHex(digest().digest(bytes));
    }

    public static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Something that can write its canonical text; hashing is the same writing into a digest. */
    interface Source {
        void writeTo(Lines lines) throws IOException;
    }

    static void write(Source source, OutputStream out) {
        try {
            Lines lines = new Lines(out);
            source.writeTo(lines);
            lines.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(Source source) {
        MessageDigest digest = digest();
        write(source, new DigestOutputStream(OutputStream.nullOutputStream(), digest));
        return HEX.formatHex(digest.digest());
    }

    /** A document's canonical text, written on demand, and its digest, computed once (documents are immutable). */
    static final class Document {
        private final Source source;
        private volatile String sha256;

        Document(Source source) {
            this.source = source;
        }

        void write(OutputStream out) {
            CanonicalText.write(source, out);
        }

        byte[] bytes() {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            write(out);
            return out.toByteArray();
        }

        String sha256() {
            String digest = sha256;
            if (digest == null) {
                digest = CanonicalText.sha256(source);
                sha256 = digest;
            }
            return digest;
        }
    }

    /** Writes lines of tokens. */
    static final class Lines {

        private final Writer out;
        private final StringBuilder line = new StringBuilder(128);

        Lines(OutputStream out) {
            this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        }

        Lines start(String keyword) {
            line.setLength(0);
            line.append(keyword);
            return this;
        }

        Lines add(String token) {
            line.append(' ').append(token);
            return this;
        }

        Lines add(long number) {
            line.append(' ').append(number);
            return this;
        }

        void end() throws IOException {
            line.append('\n');
            out.append(line);
        }

        void line(String keyword, Object... tokens) throws IOException {
            start(keyword);
            for (Object token : tokens) {
                add(String.valueOf(token));
            }
            end();
        }

        void flush() throws IOException {
            out.flush();
        }
    }

    /** Reads lines of tokens, refusing any line that is not the expected record. */
    static final class Reader {

        private final BufferedReader in;
        private int lineNumber;

        Reader(InputStream in) {
            this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        }

        String[] next(String keyword) {
            String text;
            try {
                text = in.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            lineNumber++;
            if (text == null) {
                throw new InvalidValueException("input", "admission.input.ended", String.valueOf(lineNumber), keyword);
            }
            String[] tokens = text.split(" ", -1);
            if (!tokens[0].equals(keyword)) {
                throw refused(keyword, text);
            }
            return tokens;
        }

        String[] next(String keyword, int tokenCount) {
            String[] tokens = next(keyword);
            if (tokens.length != tokenCount) {
                throw refused(keyword, String.join(" ", tokens));
            }
            return tokens;
        }

        int count(String keyword) {
            return number(next(keyword, 2), 1, keyword);
        }

        int number(String[] tokens, int index, String keyword) {
            try {
                return Integer.parseInt(tokens[index]);
            } catch (NumberFormatException e) {
                throw refused(keyword, String.join(" ", tokens));
            }
        }

        <E extends Enum<E>> E constant(Class<E> type, String[] tokens, int index, String keyword) {
            try {
                return Enum.valueOf(type, tokens[index]);
            } catch (IllegalArgumentException e) {
                throw refused(keyword, String.join(" ", tokens));
            }
        }

        void end() {
            next("end", 1);
        }

        InvalidValueException refused(String keyword, String text) {
            String excerpt = text.length() > 80 ? text.substring(0, 80) + "…" : text;
            return new InvalidValueException(
                    "input", "admission.input.line", String.valueOf(lineNumber), keyword, excerpt);
        }
    }
}
