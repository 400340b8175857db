package org.oneenroll.admission.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.function.IntFunction;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.oneenroll.admission.entity.AdmissionInput;
import org.oneenroll.admission.entity.LotteryDraw;
import org.oneenroll.admission.entity.LotterySeed;

/**
 * The verifiable random source of admission. A child's lottery number is the first 8 bytes (big-endian,
 * unsigned) of HMAC-SHA256 keyed with the ceremony seed over a domain prefix and the child's reference, so it
 * depends on nothing else: anyone with the seed recomputes it, and adding a child changes nobody else's number.
 */
public final class Lottery {

    /** Prefix of the message for admission lottery numbers; the number in it is the method's version. */
    public static final String ADMISSION_DOMAIN = "oneenroll/lottery/1/";
    /** Prefix for class assignment: followed by the school code, a slash and the child reference. */
    public static final String CLASS_DOMAIN = "oneenroll/class/1/";

    public LotteryDraw draw(AdmissionInput input, LotterySeed seed) {
        return LotteryDraw.of(input, seed, numbers(seed, ADMISSION_DOMAIN, input.childCount(), input::childRef));
    }

    /** One number: HMAC-SHA256(seed, UTF-8(prefix + reference)), first 8 bytes. */
    public static long number(LotterySeed seed, String prefix, String reference) {
        return numbers(seed, prefix, 1, i -> reference)[0];
    }

    static long[] numbers(LotterySeed seed, String prefix, int count, IntFunction<String> reference) {
        Mac mac = mac(seed);
        byte[] domain = prefix.getBytes(StandardCharsets.UTF_8);
        byte[] digest = new byte[mac.getMacLength()];
        long[] numbers = new long[count];
        try {
            for (int i = 0; i < count; i++) {
                mac.update(domain);
                mac.update(reference.apply(i).getBytes(StandardCharsets.UTF_8));
                mac.doFinal(digest, 0);
                long number = 0;
                for (int b = 0; b < Long.BYTES; b++) {
                    number = number << 8 | (digest[b] & 0xFF);
                }
                numbers[i] = number;
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 output buffer", e);
        }
        return numbers;
    }

    private static Mac mac(LotterySeed seed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(seed.bytes(), "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
