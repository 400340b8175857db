package org.oneenroll.review.entity;

import java.io.Serializable;

/** A case as a reviewer saw it in the queue: its number and the version shown. */
public record CaseRef(String caseNumber, long seenVersion) implements Serializable {}
