package org.oneenroll.identity.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersonalDataCipherTest {

    final PersonalDataCipher cut = new PersonalDataCipher((byte) 1, Map.of((byte) 1, new byte[16]), new byte[32]);

    @Property
    void opensWhatItSeals(@ForAll String plain) {
        assertEquals(plain, cut.open(cut.seal(plain)));
    }

    @Test
    void sealedBytesNeverContainTheValueAndDifferEachTime() {
        String id = "62012320190901123X";
        byte[] a = cut.seal(id);
        byte[] b = cut.seal(id);
        assertFalse(Arrays.equals(a, b), "a random IV makes equal values look different");
        assertFalse(new String(a, StandardCharsets.ISO_8859_1).contains("620123"));
    }

    @Test
    void theDigestIsStableForLookUpsAndDependsOnTheKey() {
        assertArrayEquals(cut.digest("13812345678"), cut.digest("13812345678"));
        PersonalDataCipher other = new PersonalDataCipher((byte) 1, Map.of((byte) 1, new byte[16]), new byte[] {
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29,
            30, 31, 32
        });
        assertFalse(Arrays.equals(cut.digest("13812345678"), other.digest("13812345678")));
        assertEquals(32, cut.digest("x").length);
    }

    @Test
    void digestsTakenAtOnceOnManyThreadsAreThoseTakenOneByOne() throws Exception {
        List<String> phones = IntStream.range(0, 2000)
                .mapToObj(i -> String.format("1390000%04d", i))
                .toList();
        List<String> alone = phones.stream()
                .map(p -> HexFormat.of().formatHex(cut.digest(p)))
                .toList();
        List<String> together = phones.parallelStream()
                .map(p -> HexFormat.of().formatHex(cut.digest(p)))
                .toList();
        assertEquals(alone, together);
        assertEquals(2000, Set.copyOf(alone).size());
        // an independent HMAC-SM3 with the same key gives the same digest
        HMac mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(new byte[32]));
        byte[] in = phones.get(7).getBytes(StandardCharsets.UTF_8);
        mac.update(in, 0, in.length);
        byte[] expected = new byte[32];
        mac.doFinal(expected, 0);
        assertArrayEquals(expected, cut.digest(phones.get(7)));
    }

    @Test
    void aTamperedValueIsRefused() {
        byte[] sealed = cut.seal("13812345678");
        sealed[sealed.length - 1] ^= 1;
        assertThrows(IllegalStateException.class, () -> cut.open(sealed));
    }

    @Test
    void oldKeysStillOpenAfterRotation() {
        byte[] sealedWithOne = cut.seal("13812345678");
        byte[] two = new byte[16];
        two[0] = 7;
        PersonalDataCipher rotated =
                new PersonalDataCipher((byte) 2, Map.of((byte) 1, new byte[16], (byte) 2, two), new byte[32]);
        assertEquals("13812345678", rotated.open(sealedWithOne));
        assertEquals(2, rotated.seal("x")[0]);
    }

    @Test
    void aKeyFileIsGeneratedOnlyWhenAllowed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys.properties");
        assertThrows(IllegalStateException.class, () -> PersonalDataKeys.load(file, false));
        PersonalDataCipher generated = PersonalDataKeys.load(file, true);
        PersonalDataCipher reloaded = PersonalDataKeys.load(file, false);
        assertEquals("62012320190901123X", reloaded.open(generated.seal("62012320190901123X")));
        assertEquals(
                "rw-------",
                java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }
}
