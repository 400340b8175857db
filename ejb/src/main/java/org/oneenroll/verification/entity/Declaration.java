package org.oneenroll.verification.entity;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.oneenroll.identity.entity.Address;

/**
 * What a family declared for one child, as the rules read it: the fields of the Gansu forms (seed 000
 * 附件1/附件2) that a parent still types, plus the plan it applies under. Nothing here is trusted: every
 * field is either compared with a record or only used to decide whom to ask.
 *
 * @param guardians         监护人, the applying guardian first (one or two)
 * @param householdMembers  other adults the child lives with and who may hold the home (the other parent when
 *                          not a guardian, grandparents for 有户无房（一）); may be empty
 * @param home              现居住地址
 * @param permits           residence-permit fields as typed, per holder (non-local form); may be empty
 * @param certificateNumber 产权证编号 if typed, else {@code null}
 */
public record Declaration(
        ApplicationType type,
        DeclaredPerson child,
        List<DeclaredPerson> guardians,
        List<DeclaredPerson> householdMembers,
        Address home,
        List<DeclaredPermit> permits,
        String certificateNumber,
        PreferentialClaim claim,
        PlanContext plan) {

    public Declaration {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(child, "child");
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(plan, "plan");
        if (child.relation() != Relation.CHILD) {
            throw new IllegalArgumentException("the child is declared with relation CHILD");
        }
        guardians = List.copyOf(guardians);
        if (guardians.isEmpty() || guardians.size() > 2) {
            throw new IllegalArgumentException("one or two guardians");
        }
        householdMembers = householdMembers == null ? List.of() : List.copyOf(householdMembers);
        permits = permits == null ? List.of() : List.copyOf(permits);
        certificateNumber = certificateNumber == null || certificateNumber.isBlank() ? null : certificateNumber.strip();
    }

    /** Guardians, then household members: every adult whose name a housing record may carry. */
    public List<DeclaredPerson> adults() {
        return Stream.concat(guardians.stream(), householdMembers.stream()).toList();
    }

    /** The declared person with this identity number (the child included). */
    public Optional<DeclaredPerson> person(String idNumber) {
        if (idNumber == null) {
            return Optional.empty();
        }
        String id = idNumber.strip().toUpperCase(Locale.ROOT);
        if (child.idNumber().equals(id)) {
            return Optional.of(child);
        }
        return adults().stream().filter(p -> p.idNumber().equals(id)).findFirst();
    }

    /** The first declared adult with this relation. */
    public Optional<DeclaredPerson> adult(Relation relation) {
        return adults().stream().filter(p -> p.relation() == relation).findFirst();
    }

    public Optional<DeclaredPermit> permitOf(String idNumber) {
        return permits.stream().filter(p -> p.holderIdNumber().equals(idNumber)).findFirst();
    }
}
