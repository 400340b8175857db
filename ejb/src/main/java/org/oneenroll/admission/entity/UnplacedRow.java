package org.oneenroll.admission.entity;

import java.io.Serializable;

/** A child the draw left without a seat: the case, the reason and what staff should do next, in words. */
public record UnplacedRow(
        String caseNumber, String childName, String homeZone, UnplacedReason reason, String reasonText, String followUp)
        implements Serializable {}
