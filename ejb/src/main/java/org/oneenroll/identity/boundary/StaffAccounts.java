package org.oneenroll.identity.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.oneenroll.identity.control.PasswordHasher;
import org.oneenroll.identity.control.PersonalDataCipher;
import org.oneenroll.identity.entity.NationalId;
import org.oneenroll.identity.entity.PhoneNumber;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.identity.entity.StaffAccount;
import org.oneenroll.identity.entity.StaffRole;

/** Staff accounts: creating them, checking a sign-in, finding one by user name or phone. */
@Stateless
public class StaffAccounts {

    private static final Logger LOG = Logger.getLogger(StaffAccounts.class.getName());
    private static final PasswordHasher HASHER = new PasswordHasher();

    @PersistenceContext
    EntityManager em;

    @Inject
    PersonalDataCipher cipher;

    @Inject
    Clock clock;

    @Inject
    Regions regions;

    /** A sign-in's outcome: the account when user name and password match an active account. */
    public record SignedIn(
            String username, String displayName, RegionCode region, String schoolCode, Set<StaffRole> roles) {}

    public StaffAccount create(
            String username,
            String displayName,
            char[] password,
            RegionCode region,
            String schoolCode,
            Set<StaffRole> roles,
            PhoneNumber phone,
            NationalId nationalId) {
        regions.require(region);
        StaffAccount account = new StaffAccount(
                username,
                displayName,
                HASHER.hash(password),
                region,
                schoolCode,
                roles,
                phone,
                nationalId,
                clock.instant());
        em.persist(account);
        LOG.info(() -> "Created staff account " + username + " in " + region + " with roles " + roles
                + (phone == null ? "" : ", phone " + phone));
        return account;
    }

    public Optional<SignedIn> authenticate(String username, char[] password) {
        Optional<StaffAccount> account = findByUsername(username);
        if (account.isEmpty() || !account.get().active()) {
            // Spend the same time as a real check so a user name cannot be probed by timing.
            HASHER.matches(password, DUMMY_HASH);
            return Optional.empty();
        }
        StaffAccount a = account.get();
        if (!HASHER.matches(password, a.passwordHash())) {
            LOG.info(() -> "Failed sign-in for " + username);
            return Optional.empty();
        }
        return Optional.of(new SignedIn(a.username(), a.displayName(), a.region(), a.schoolCode(), a.roles()));
    }

    public Optional<StaffAccount> findByUsername(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return em.createNamedQuery(StaffAccount.BY_USERNAME, StaffAccount.class)
                .setParameter("username", username.strip())
                .getResultStream()
                .findFirst();
    }

    public Optional<StaffAccount> findByPhone(PhoneNumber phone) {
        return em.createNamedQuery(StaffAccount.BY_PHONE_DIGEST, StaffAccount.class)
                .setParameter("digest", cipher.digest(phone.value()))
                .getResultStream()
                .findFirst();
    }

    public long count() {
        return em.createQuery("select count(s) from StaffAccount s", Long.class).getSingleResult();
    }

    private static final String DUMMY_HASH = new PasswordHasher(210_000).hash("timing-equaliser-1".toCharArray());
}
