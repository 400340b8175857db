package org.oneenroll.verification.entity;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The fields filled from records for the form's "以下内容直接调取政务信息，无需申报人填写" part (see
 * {@link FilledField} for which source fills which); each may be absent when its source had no record or
 * did not answer.
 */
public record FilledFields(Map<FilledField, Object> values) {

    public FilledFields {
        EnumMap<FilledField, Object> copy = new EnumMap<>(FilledField.class);
        values.forEach((field, value) -> {
            if (value != null) {
                if (!field.type().isInstance(value)) {
                    throw new IllegalArgumentException(
                            field + " holds a " + field.type().getSimpleName() + ", not "
                                    + value.getClass().getSimpleName());
                }
                copy.put(field, value);
            }
        });
        values = Collections.unmodifiableMap(copy);
    }

    public static FilledFields none() {
        return new FilledFields(Map.of());
    }

    /** The value of a field, if filled. */
    public <T> Optional<T> get(FilledField field, Class<T> type) {
        return Optional.ofNullable(values.get(field)).map(type::cast);
    }

    public boolean has(FilledField field) {
        return values.containsKey(field);
    }

    /** How many of the 25 fields were filled: the "要素免填写" count of the statistics. */
    public int count() {
        return values.size();
    }

    public Optional<String> sex() {
        return get(FilledField.SEX, String.class);
    }

    public Optional<LocalDate> birthDate() {
        return get(FilledField.BIRTH_DATE, LocalDate.class);
    }

    public Optional<String> ethnicity() {
        return get(FilledField.ETHNICITY, String.class);
    }

    public Optional<String> birthplace() {
        return get(FilledField.BIRTHPLACE, String.class);
    }

    public Optional<String> photo() {
        return get(FilledField.PHOTO, String.class);
    }

    public Optional<String> householder() {
        return get(FilledField.HOUSEHOLDER, String.class);
    }

    public Optional<String> relationToHouseholder() {
        return get(FilledField.RELATION_TO_HOUSEHOLDER, String.class);
    }

    public Optional<String> hukouAddress() {
        return get(FilledField.HUKOU_ADDRESS, String.class);
    }

    public Optional<String> hukouRegion() {
        return get(FilledField.HUKOU_REGION, String.class);
    }

    public Optional<LocalDate> permitIssueDate() {
        return get(FilledField.PERMIT_ISSUE_DATE, LocalDate.class);
    }

    public Optional<LocalDate> permitValidUntil() {
        return get(FilledField.PERMIT_VALID_UNTIL, LocalDate.class);
    }

    public Optional<String> permitAuthority() {
        return get(FilledField.PERMIT_AUTHORITY, String.class);
    }

    public Optional<String> permitResidence() {
        return get(FilledField.PERMIT_RESIDENCE, String.class);
    }

    public Optional<Boolean> permitValid() {
        return get(FilledField.PERMIT_VALID, Boolean.class);
    }

    public Optional<String> propertyAddress() {
        return get(FilledField.PROPERTY_ADDRESS, String.class);
    }

    public Optional<LocalDate> propertyRegistrationDate() {
        return get(FilledField.PROPERTY_REGISTRATION_DATE, LocalDate.class);
    }

    public Optional<String> coOwnershipType() {
        return get(FilledField.CO_OWNERSHIP_TYPE, String.class);
    }

    public Optional<String> coOwnershipShare() {
        return get(FilledField.CO_OWNERSHIP_SHARE, String.class);
    }

    public Optional<String> certificateNumber() {
        return get(FilledField.CERTIFICATE_NUMBER, String.class);
    }

    public Optional<String> propertyUse() {
        return get(FilledField.PROPERTY_USE, String.class);
    }

    public Optional<YearMonth> insuranceCurrentMonth() {
        return get(FilledField.INSURANCE_CURRENT_MONTH, YearMonth.class);
    }

    public Optional<YearMonth> insuranceStartMonth() {
        return get(FilledField.INSURANCE_START_MONTH, YearMonth.class);
    }

    public Optional<YearMonth> insuranceEndMonth() {
        return get(FilledField.INSURANCE_END_MONTH, YearMonth.class);
    }

    public Optional<Integer> monthsPaidLast24() {
        return get(FilledField.MONTHS_PAID_LAST_24, Integer.class);
    }

    public Optional<String> insuranceEmployer() {
        return get(FilledField.INSURANCE_EMPLOYER, String.class);
    }
}
