package org.oneenroll.intake.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProofFilesTest {

    @Test
    void filesAreKnownByTheirFirstBytesNotTheirNames() {
        assertEquals(
                Optional.of("image/jpeg"), ProofFiles.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}));
        assertEquals(
                Optional.of("image/png"),
                ProofFiles.sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0}));
        assertEquals(
                Optional.of("application/pdf"), ProofFiles.sniff("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Optional.empty(), ProofFiles.sniff("<html>".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Optional.empty(), ProofFiles.sniff(new byte[] {(byte) 0xFF}));
        assertEquals(Optional.empty(), ProofFiles.sniff(null));
    }

    @Test
    void namesLoseTheirPathsAndControlCharactersAndKeepTheirExtension() {
        assertEquals("户口簿.jpg", ProofFiles.safeName("C:\\Users\\李\\户口簿.jpg"));
        assertEquals("a.pdf", ProofFiles.safeName("../../etc/a.pdf"));
        assertEquals("proof", ProofFiles.safeName(".."));
        assertEquals("proof", ProofFiles.safeName(null));
        assertEquals("ab.png", ProofFiles.safeName("a\u0000b.png"));
        String longName = "长".repeat(200) + ".pdf";
        String kept = ProofFiles.safeName(longName);
        assertEquals(120, kept.length());
        assertEquals(".pdf", kept.substring(116));
    }
}
