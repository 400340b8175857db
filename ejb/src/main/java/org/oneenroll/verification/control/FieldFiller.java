package org.oneenroll.verification.control;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.oneenroll.verification.control.Facts.Holding;
import org.oneenroll.verification.control.Facts.HomeFact;
import org.oneenroll.verification.entity.Declaration;
import org.oneenroll.verification.entity.DeclaredPerson;
import org.oneenroll.verification.entity.FilledField;
import org.oneenroll.verification.entity.FilledFields;
import org.oneenroll.verification.entity.GovernmentSource;

/**
 * Fills the form's fetched part from the facts (which source fills which field: {@link FilledField}). Where
 * several records could fill a section, the applying guardian's comes first, and for the property the home in a
 * zone at the declared address, a title before a purchase contract.
 */
final class FieldFiller {

    private FieldFiller() {}

    static FilledFields fill(Declaration declaration, Facts facts) {
        Map<FilledField, Object> v = new EnumMap<>(FilledField.class);
        if (facts.childHukou != null) {
            Map<String, Object> h = facts.childHukou.record();
            v.put(FilledField.SEX, RecordValues.text(h, "sex"));
            v.put(FilledField.BIRTH_DATE, RecordValues.date(h, "birthDate"));
            v.put(FilledField.ETHNICITY, RecordValues.text(h, "ethnicity"));
            v.put(FilledField.BIRTHPLACE, RecordValues.text(h, "birthPlace"));
            v.put(FilledField.PHOTO, RecordValues.text(h, "photo"));
            v.put(FilledField.HOUSEHOLDER, RecordValues.text(h, "householderName"));
            v.put(FilledField.RELATION_TO_HOUSEHOLDER, RecordValues.text(h, "relationName"));
            v.put(FilledField.HUKOU_ADDRESS, RecordValues.text(h, "address"));
            v.put(FilledField.HUKOU_REGION, RecordValues.text(h, "regionName"));
        }
        DeclaredPerson applicant = declaration.guardians().get(0);
        facts.permits.stream()
                .min(Comparator.comparing(p -> !p.holder().equals(applicant)))
                .ifPresent(p -> {
                    v.put(FilledField.PERMIT_ISSUE_DATE, p.issueDate());
                    v.put(FilledField.PERMIT_VALID_UNTIL, p.validUntil());
                    v.put(FilledField.PERMIT_AUTHORITY, RecordValues.text(p.record(), "issuingAuthority"));
                    v.put(FilledField.PERMIT_RESIDENCE, RecordValues.text(p.record(), "residenceAddress"));
                    v.put(FilledField.PERMIT_VALID, p.validOnCheck());
                });
        home(declaration, facts.homes).ifPresent(h -> {
            v.put(
                    FilledField.PROPERTY_ADDRESS,
                    h.place().line().isEmpty() ? null : h.place().line());
            v.put(
                    FilledField.PROPERTY_REGISTRATION_DATE,
                    h.source() == GovernmentSource.REAL_ESTATE_TITLE ? h.registrationDate() : null);
            v.put(FilledField.CO_OWNERSHIP_TYPE, h.coOwnershipType());
            v.put(FilledField.CO_OWNERSHIP_SHARE, h.share());
            v.put(FilledField.CERTIFICATE_NUMBER, h.certificateNumber());
            v.put(FilledField.PROPERTY_USE, h.use());
        });
        facts.insurance.stream()
                .min(Comparator.comparing(i -> !i.insured().equals(applicant)))
                .ifPresent(i -> {
                    v.put(FilledField.INSURANCE_CURRENT_MONTH, i.current());
                    v.put(FilledField.INSURANCE_START_MONTH, i.start());
                    v.put(FilledField.INSURANCE_END_MONTH, i.end());
                    v.put(FilledField.MONTHS_PAID_LAST_24, i.paidInWindow());
                    v.put(FilledField.INSURANCE_EMPLOYER, RecordValues.text(i.record(), "employerName"));
                });
        return new FilledFields(v);
    }

    /** The home the form's 监护人房产信息 shows: a parent's in a zone, else a parent's anywhere, else a relative's. */
    private static Optional<HomeFact> home(Declaration declaration, List<HomeFact> homes) {
        String unit = declaration.home().unitKey();
        return homes.stream()
                .filter(h -> h.holding() != Holding.AFFORDABLE)
                .min(Comparator.comparing((HomeFact h) -> h.holding() != Holding.PARENT)
                        .thenComparing(h -> !h.place().inZone())
                        .thenComparing(h -> !unit.equals(h.place().unitKey()))
                        .thenComparing(h -> h.source() != GovernmentSource.REAL_ESTATE_TITLE));
    }
}
