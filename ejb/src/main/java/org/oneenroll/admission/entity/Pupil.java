package org.oneenroll.admission.entity;

import java.util.List;
import java.util.Objects;
import org.oneenroll.identity.entity.Sex;

/**
 * An admitted child as class assignment sees it: reference, sex (from the ID number) and the values of the
 * extra attributes the school balances on, in the order of the input's attribute names.
 */
public record Pupil(String childRef, Sex sex, List<String> attributes) {

    public Pupil {
        Codes.childRef("childRef", childRef);
        Objects.requireNonNull(sex, "sex");
        attributes = List.copyOf(attributes);
        attributes.forEach(v -> Codes.token("attributes", "admission.code.attribute", v));
    }
}
