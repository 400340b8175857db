package org.oneenroll.identity.control;

import java.security.SecureRandom;
import java.util.Base64;
import org.oneenroll.identity.entity.PhoneNumber;

/**
 * Makes parents' sign-in codes and their keyed hashes. A code is six digits from a {@link SecureRandom}; what is
 * stored is the server's keyed SM3 HMAC of the code with a random salt and the number, so the million possible
 * codes cannot be tried against a stolen table without the key. Client addresses are kept as keyed digests too.
 */
public final class LoginCodeHasher {

    static final int SALT_BYTES = 16;

    private final PersonalDataCipher cipher;
    private final SecureRandom random;

    public LoginCodeHasher(PersonalDataCipher cipher, SecureRandom random) {
        this.cipher = cipher;
        this.random = random;
    }

    /** A new six-digit code, leading zeros included. */
    public String newCode() {
        return String.format("%06d", random.nextInt(1_000_000));
    }

    public byte[] newSalt() {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return salt;
    }

    /** The keyed hash of {@code code} sent to {@code phone} with {@code salt}: what the table keeps. */
    public byte[] hash(byte[] salt, PhoneNumber phone, String code) {
        return cipher.digest(
                "parent-login-code|" + Base64.getEncoder().encodeToString(salt) + "|" + phone.value() + "|" + code);
    }

    /** The keyed digest of the number, the same as every other look-up of a phone (a case's contact phone). */
    public byte[] phoneDigest(PhoneNumber phone) {
        return cipher.digest(phone.value());
    }

    /** The keyed digest of a client's network address, enough to count its requests. */
    public byte[] addressDigest(String address) {
        return cipher.digest("client-address|" + (address == null || address.isBlank() ? "unknown" : address.strip()));
    }
}
