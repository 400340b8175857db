package org.oneenroll.policy.entity;

import java.util.List;
import java.util.Objects;
import org.oneenroll.identity.entity.Address;

/**
 * What the county says of one school, every part already checked (code, name, address, phone, seats and classes per
 * stage): what the school dialog and each good row of an imported sheet hand to the set-up boundary.
 */
public record SchoolDetails(
        String code,
        String name,
        SchoolOwnership ownership,
        Address address,
        String phone,
        List<SchoolCapacity> capacities) {

    public SchoolDetails {
        code = School.checkedCode(code);
        name = School.checkedName(name);
        Objects.requireNonNull(ownership, "ownership");
        Objects.requireNonNull(address, "address");
        phone = School.checkedPhone(phone);
        capacities = List.copyOf(capacities);
    }

    /** A new school of these details. */
    public School toSchool() {
        return new School(code, name, ownership, address, phone, capacities);
    }

    /** Applies these details to the school of the same code; true if anything changed. */
    public boolean applyTo(School school) {
        return school.revise(name, ownership, address, phone, capacities);
    }

    /** The details a school has now (to export it, or to fill the dialog). */
    public static SchoolDetails of(School school) {
        return new SchoolDetails(
                school.code(),
                school.name(),
                school.ownership(),
                school.address(),
                school.phone(),
                school.capacities());
    }
}
