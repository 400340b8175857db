package org.oneenroll.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;

/**
 * One SMS sign-in code sent to a parent's number: only its keyed hash is kept, with when it expires, how often
 * a wrong code was typed and when it signed someone in. It guards its rules: one sign-in per code, none after
 * expiry, and none once too many wrong codes were tried.
 */
@Entity
@Table(name = "parent_login_code")
@NamedQuery(
        name = LoginCode.LATEST,
        query = "select c from LoginCode c where c.phoneDigest = :digest order by c.requestedAt desc, c.id desc")
@NamedQuery(
        name = LoginCode.NUMBER_SINCE,
        query = "select c.requestedAt from LoginCode c where c.phoneDigest = :digest and c.requestedAt > :since")
@NamedQuery(
        name = LoginCode.ADDRESS_SINCE,
        query = "select c.requestedAt from LoginCode c where c.addressDigest = :digest and c.requestedAt > :since")
public class LoginCode {

    public static final String LATEST = "LoginCode.latest";
    public static final String NUMBER_SINCE = "LoginCode.numberSince";
    public static final String ADDRESS_SINCE = "LoginCode.addressSince";

    /** What typing a code came to. */
    public enum Attempt {
        /** The right code, in time, first use: the parent is signed in and the code is spent. */
        SIGNED_IN,
        /** A wrong code; tries are left. */
        WRONG,
        /** Too many wrong codes: this code signs nobody in any more. */
        DEAD,
        /** Expired or already used: a new code is needed. */
        SPENT
    }

    @Id
    @SequenceGenerator(name = "parent_login_code_seq", sequenceName = "parent_login_code_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "parent_login_code_seq")
    private Long id;

    @Column(name = "phone_digest", nullable = false, updatable = false)
    private byte[] phoneDigest;

    @Column(name = "address_digest", nullable = false, updatable = false)
    private byte[] addressDigest;

    @Column(nullable = false, updatable = false)
    private byte[] salt;

    @Column(name = "code_hash", nullable = false, updatable = false)
    private byte[] codeHash;

    @Column(name = "requested_at", nullable = false, updatable = false)
    private Instant requestedAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "used_at")
    private Instant usedAt;

    @Version
    private long version;

    protected LoginCode() {}

    /**
     * A code sent at {@code requestedAt} and valid for {@code validFor}.
     *
     * @param codeHash the keyed hash of the code with {@code salt} (see {@code LoginCodeHasher})
     */
    public LoginCode(
            byte[] phoneDigest,
            byte[] addressDigest,
            byte[] salt,
            byte[] codeHash,
            Instant requestedAt,
            Duration validFor) {
        this.phoneDigest = phoneDigest.clone();
        this.addressDigest = addressDigest.clone();
        this.salt = salt.clone();
        this.codeHash = codeHash.clone();
        this.requestedAt = requestedAt;
        this.expiresAt = requestedAt.plus(validFor);
    }

    /**
     * Checks a typed code (as its keyed hash with this code's salt) at {@code now}. A wrong code counts against
     * the code even when it is the last one allowed; the comparison takes the same time wherever the hashes differ.
     */
    public Attempt attempt(byte[] typedHash, Instant now, int maxAttempts) {
        if (usedAt != null || !now.isBefore(expiresAt)) {
            return Attempt.SPENT;
        }
        if (attempts >= maxAttempts) {
            return Attempt.DEAD;
        }
        if (MessageDigest.isEqual(codeHash, typedHash)) {
            usedAt = now;
            return Attempt.SIGNED_IN;
        }
        attempts++;
        return attempts >= maxAttempts ? Attempt.DEAD : Attempt.WRONG;
    }

    /** How many more wrong codes this code takes before it is dead. */
    public int triesLeft(int maxAttempts) {
        return Math.max(0, maxAttempts - attempts);
    }

    public Long id() {
        return id;
    }

    public byte[] salt() {
        return salt.clone();
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public int attempts() {
        return attempts;
    }

    public Instant usedAt() {
        return usedAt;
    }
}
