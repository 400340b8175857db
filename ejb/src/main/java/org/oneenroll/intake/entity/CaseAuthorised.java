package org.oneenroll.intake.entity;

/**
 * Fired (and observed after the transaction commits) when a case may be checked against the government
 * sources: it was submitted with the guardian's authorisation, or the authorisation came later.
 *
 * @param firstCheck whether the case was never checked (else the new authorisation means a re-check)
 */
public record CaseAuthorised(String caseNumber, boolean firstCheck) {}
