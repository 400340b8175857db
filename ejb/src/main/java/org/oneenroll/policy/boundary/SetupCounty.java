package org.oneenroll.policy.boundary;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * The county a set-up screen works on: its name and towns, whether the caller may change it (its own county
 * administrator) or only read it (a supervisor), the published plans that set-up changes leave alone, and the last
 * import of each sheet.
 *
 * @param publishedPlans  e.g. "2027年小学（第1版）": the latest year's published plans
 * @param applicationOpen a published plan's online window is open now: zone changes reach new applications at once
 */
public record SetupCounty(
        String code,
        String name,
        boolean canEdit,
        List<Town> towns,
        List<String> publishedPlans,
        boolean applicationOpen,
        LastImport lastSchoolImport,
        LastImport lastZoneImport)
        implements Serializable {

    /** The published plans in one line, for the notice: "2027年小学（第1版）、2027年初中（第1版）". */
    public String plansText() {
        return String.join("、", publishedPlans);
    }

    /** A town or street of the county (9-digit code). */
    public record Town(String code, String name) implements Serializable {}

    /** Who imported which file when, and what it changed. */
    public record LastImport(
            String fileName, String by, Instant at, int created, int updated, int unchanged, int refused)
            implements Serializable {}
}
