package org.oneenroll.feedback.entity;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * What the family (or the staff member logging a call) is told on receipt: the reference to quote, the number the
 * county will call back (masked) and the day the answer is due.
 */
public record ConcernReceipt(String reference, String kindLabel, String maskedPhone, LocalDate dueOn)
        implements Serializable {}
