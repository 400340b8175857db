package org.oneenroll.verification.entity;

import java.util.Locale;
import java.util.Objects;

/**
 * A person as the family typed them: name, identity number and relation to the child. The number is the
 * key every source is asked by; the name is what the records are compared with.
 */
public record DeclaredPerson(String name, String idNumber, Relation relation) {

    public DeclaredPerson {
        Objects.requireNonNull(relation, "relation");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name is required");
        }
        if (idNumber == null || idNumber.strip().length() != 18) {
            throw new IllegalArgumentException("an 18-character identity number is required");
        }
        name = name.strip();
        // Registries store the check character upper-case (GB 11643); a typed 'x' is the same number.
        idNumber = idNumber.strip().toUpperCase(Locale.ROOT);
    }
}
