package org.oneenroll.platform.control;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Makes requests counted against the same sliding-window limit wait for one another (V16): a limit is checked by
 * counting earlier rows, and two requests at the same moment would otherwise each count without the other and both
 * pass. {@link #hold} takes a row per key in {@code request_gate} FOR UPDATE, in the transaction of the caller, so
 * the next request with a key in common waits until this one has committed (or rolled back) and then counts its row.
 *
 * <p>Keys are taken in one order (purpose, then digest bytes), so two requests sharing two keys cannot deadlock.
 * A gate row is created the first time its key is seen: {@code on conflict do nothing} waits for a concurrent
 * insert of the same key to commit, so the lock that follows is always on a committed row.
 */
public final class RequestGates {

    /** One key of a limit: what it counts ({@code login-number}, {@code login-address}, ...) and a keyed digest. */
    public record Gate(String purpose, byte[] digest) {
        public Gate {
            Objects.requireNonNull(purpose, "purpose");
            Objects.requireNonNull(digest, "digest");
            if (purpose.isEmpty() || purpose.length() > 32 || digest.length == 0) {
                throw new IllegalArgumentException("a gate needs a purpose of 1 to 32 characters and a digest");
            }
        }
    }

    static final Comparator<Gate> ORDER =
            Comparator.comparing(Gate::purpose).thenComparing(Gate::digest, Arrays::compareUnsigned);

    private static final String CREATE =
            "insert into oneenroll.request_gate (purpose, digest) values (?1, ?2) on conflict do nothing";
    private static final String LOCK =
            "select purpose from oneenroll.request_gate where purpose = ?1 and digest = ?2 for update";
    /**
     * Hibernate empties the whole second-level cache after a native update unless told which tables it touches.
     */
    private static final String NATIVE_SPACES = "org.hibernate.query.native.spaces";

    private RequestGates() {}

    /**
     * Holds the gates of {@code gates} until the transaction of {@code em} ends; call it before counting.
     *
     * @throws IllegalStateException without a transaction (the lock would end at once)
     */
    public static void hold(EntityManager em, Gate... gates) {
        if (!em.isJoinedToTransaction()) {
            throw new IllegalStateException("a request gate is held by a transaction");
        }
        List<Gate> ordered = new ArrayList<>(Arrays.asList(gates));
        ordered.sort(ORDER);
        Gate previous = null;
        for (Gate g : ordered) {
            if (previous != null && ORDER.compare(previous, g) == 0) {
                continue;
            }
            previous = g;
            em.createNativeQuery(CREATE)
                    .setParameter(1, g.purpose())
                    .setParameter(2, g.digest())
                    .setHint(NATIVE_SPACES, "oneenroll.request_gate")
                    .executeUpdate();
            List<?> locked = em.createNativeQuery(LOCK)
                    .setParameter(1, g.purpose())
                    .setParameter(2, g.digest())
                    .getResultList();
            if (locked.isEmpty()) {
                throw new IllegalStateException("request gate " + g.purpose() + " vanished while being taken");
            }
        }
    }
}
