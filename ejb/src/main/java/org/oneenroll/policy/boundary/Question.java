package org.oneenroll.policy.boundary;

import java.io.Serializable;
import java.util.List;

/** One question parents ask, with its answer in paragraphs. */
public record Question(String id, String question, List<String> answer) implements Serializable {}
