package org.oneenroll.intake.control;

import java.util.Optional;

/**
 * What a proof file really is, read from its first bytes rather than from its name or the browser's word:
 * JPEG, PNG or PDF, the formats a phone camera, a scanner and a counter's scanner software produce.
 */
public final class ProofFiles {

    /** The largest file accepted: a phone photo of a booklet page, or a scanned PDF of a few pages. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};

    private ProofFiles() {}

    /** The content type of a JPEG, PNG or PDF file; empty for anything else. */
    public static Optional<String> sniff(byte[] content) {
        if (startsWith(content, JPEG)) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(content, PNG)) {
            return Optional.of("image/png");
        }
        if (startsWith(content, PDF)) {
            return Optional.of("application/pdf");
        }
        return Optional.empty();
    }

    /**
     * The name to keep and show: the last path segment, control and path characters removed, at most 120
     * characters (the extension kept), "proof" when nothing is left.
     */
    public static String safeName(String typed) {
        String name = typed == null ? "" : typed;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        StringBuilder clean = new StringBuilder();
        name.codePoints()
                .filter(c -> !Character.isISOControl(c) && c != ':' && c != '"' && c != '<' && c != '>' && c != '|')
                .forEach(clean::appendCodePoint);
        name = clean.toString().strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return "proof";
        }
        if (name.length() > 120) {
            int dot = name.lastIndexOf('.');
            String ext = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            name = name.substring(0, 120 - ext.length()) + ext;
        }
        return name;
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        if (content == null || content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (content[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
