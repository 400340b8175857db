package org.oneenroll.simulator.population;

/**
 * One fault injected into a family's records.
 *
 * @param kind            what is wrong
 * @param subjectIdNumber identity number of the person whose record carries the fault
 * @param detail          a short Chinese explanation for humans reading test output
 */
public record Defect(DefectKind kind, String subjectIdNumber, String detail) {}
