package org.oneenroll.identity.entity;

import jakarta.inject.Inject;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import org.oneenroll.identity.control.PersonalDataCipher;

/**
 * Keeps the keyed look-up digests of an entity's sealed personal data in step with the values, so an
 * exact search ("who has this phone?") never needs to decrypt a table.
 */
public class LookupDigests {

    /** An entity with sealed personal data that can be searched for by exact value. */
    public interface Digested {
        void refreshDigests(PersonalDataCipher cipher);
    }

    @Inject
    PersonalDataCipher cipher;

    @PrePersist
    @PreUpdate
    void refresh(Object entity) {
        if (entity instanceof Digested digested) {
            digested.refreshDigests(cipher);
        }
    }
}
