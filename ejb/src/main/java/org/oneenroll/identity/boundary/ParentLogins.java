package org.oneenroll.identity.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.oneenroll.identity.control.LoginCodeHasher;
import org.oneenroll.identity.control.LoginLimits;
import org.oneenroll.identity.control.PersonalDataCipher;
import org.oneenroll.identity.entity.LoginCode;
import org.oneenroll.identity.entity.PhoneNumber;
import org.oneenroll.identity.entity.SignInRefused;
import org.oneenroll.notification.boundary.Notifications;
import org.oneenroll.notification.entity.SmsTemplate;
import org.oneenroll.platform.control.RequestGates;
import org.oneenroll.platform.control.Settings;
import org.oneenroll.platform.entity.InvalidValueException;

/**
 * Parents sign in with their mobile number and a one-time code sent by SMS: asking for a code (within the limits
 * per number and per client address) and signing in with it (the latest code only, in time, once, at most a few
 * wrong tries). A signed-in parent's identity is the number, in role {@value #ROLE}.
 */
@Stateless
public class ParentLogins {

    /** The security role of a signed-in parent, for {@code @RolesAllowed} and the web tier. */
    public static final String ROLE = "PARENT";

    private static final Logger LOG = Logger.getLogger(ParentLogins.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    PersonalDataCipher cipher;

    @Inject
    Notifications notifications;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    /**
     * A code is on its way.
     *
     * @param maskedPhone where it went, as the screen shows it
     * @param resendAt    the earliest moment the next code may be asked for
     */
    public record CodeSent(String maskedPhone, Instant expiresAt, Instant resendAt) {}

    /**
     * Sends a new sign-in code to {@code phone} by SMS (in this transaction: the code is stored only if the SMS is
     * queued, and the other way round). Earlier codes of the number stop working: only the latest signs in.
     *
     * @param clientAddress the network address the request came from, for the per-address limit
     * @throws InvalidValueException (field {@code phone}, in Chinese) when a limit is reached
     */
    public CodeSent requestCode(PhoneNumber phone, String clientAddress) {
        LoginLimits limits = LoginLimits.fromSettings();
        LoginCodeHasher hasher = hasher();
        byte[] number = hasher.phoneDigest(phone);
        byte[] address = hasher.addressDigest(clientAddress);
        // Requests for the same number, or from the same address, at the same moment count one after the other.
        RequestGates.hold(
                em, new RequestGates.Gate("login-number", number), new RequestGates.Gate("login-address", address));
        // Read after the gates: a request that waited there must count the codes sent meanwhile, which are newer than
        // the moment it arrived and would otherwise fall outside its windows.
        Instant now = clock.instant();
        try {
            limits.check(
                    times(LoginCode.NUMBER_SINCE, number, now.minus(Duration.ofDays(1))),
                    times(LoginCode.ADDRESS_SINCE, address, now.minus(Duration.ofHours(1))),
                    now);
        } catch (InvalidValueException refused) {
            LOG.info(() -> "Sign-in code for " + phone.masked() + " refused: " + refused.messageKey());
            throw refused;
        }
        String code = hasher.newCode();
        byte[] salt = hasher.newSalt();
        LoginCode row = new LoginCode(number, address, salt, hasher.hash(salt, phone, code), now, limits.validFor());
        em.persist(row);
        notifications.sms(
                "parent-login:" + UUID.randomUUID(),
                phone,
                SmsTemplate.LOGIN_CODE,
                null,
                code,
                String.valueOf(Math.max(1, limits.validFor().toMinutes())));
        if (settings.demoLayout().isPresent()) {
            // Demo servers only (oneenroll.demo.layout set): a demo user without a phone can still sign in.
            LOG.info(() -> "Demo: sign-in code for " + phone.masked() + " is " + code);
        }
        return new CodeSent(phone.masked(), row.expiresAt(), now.plus(limits.resend()));
    }

    /**
     * Signs the parent in with the latest code sent to {@code phone}: it must be unexpired, unused and not dead. The
     * code is spent by the sign-in; a wrong code counts against it, and the last wrong one allowed kills it.
     *
     * @return the signed-in number
     * @throws InvalidValueException (field {@code code}, in Chinese) for a malformed, wrong, dead, expired or used
     *                               code, or when no code was sent
     */
    public PhoneNumber signIn(PhoneNumber phone, String code) {
        String typed = code == null ? "" : code.strip();
        if (!typed.matches("[0-9]{6}")) {
            throw new InvalidValueException("code", "parent-login.code-format");
        }
        LoginLimits limits = LoginLimits.fromSettings();
        LoginCodeHasher hasher = hasher();
        LoginCode row = latest(hasher.phoneDigest(phone))
                .orElseThrow(() -> new InvalidValueException("code", "parent-login.no-code"));
        int max = limits.maxAttempts();
        return switch (row.attempt(hasher.hash(row.salt(), phone, typed), clock.instant(), max)) {
            case SIGNED_IN -> {
                LOG.info(() -> "Parent " + phone.masked() + " signed in");
                yield phone;
            }
            case WRONG -> throw new SignInRefused("code", "parent-login.code-wrong", row.triesLeft(max));
            case DEAD -> {
                LOG.info(() -> "Sign-in code for " + phone.masked() + " is dead after " + max + " wrong codes");
                throw new SignInRefused("code", "parent-login.code-dead", max);
            }
            case SPENT -> throw new InvalidValueException("code", "parent-login.code-spent");
        };
    }

    private LoginCodeHasher hasher() {
        return new LoginCodeHasher(cipher, RANDOM);
    }

    /** The number's latest code, locked for this transaction. */
    private Optional<LoginCode> latest(byte[] phoneDigest) {
        return em.createNamedQuery(LoginCode.LATEST, LoginCode.class)
                .setParameter("digest", phoneDigest)
                .setMaxResults(1)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst();
    }

    private List<Instant> times(String query, byte[] digest, Instant since) {
        return em.createNamedQuery(query, Instant.class)
                .setParameter("digest", digest)
                .setParameter("since", since)
                .getResultList();
    }
}
