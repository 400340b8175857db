package org.oneenroll.verification.entity;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * The residence-permit fields a guardian typed on the non-local form (seed 000 附件2: 居住证签发日期, 有效日期,
 * 签发机关, 登记现居住地). A field left empty ({@code null}) is not compared.
 *
 * @param holderIdNumber the guardian holding the permit
 */
public record DeclaredPermit(
        String holderIdNumber,
        LocalDate issueDate,
        LocalDate validUntil,
        String issuingAuthority,
        String registeredAddress) {

    public DeclaredPermit {
        Objects.requireNonNull(holderIdNumber, "holderIdNumber");
        holderIdNumber = holderIdNumber.strip().toUpperCase(Locale.ROOT);
    }
}
