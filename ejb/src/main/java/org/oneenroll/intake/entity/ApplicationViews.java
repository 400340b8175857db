package org.oneenroll.intake.entity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.verification.entity.Proof;

/** What the application wizard shows, as the {@code Applications} boundary hands it to screens. */
public final class ApplicationViews {

    private ApplicationViews() {}

    /**
     * The caller's draft: the form as saved, the step reached, the case once submitted, and each stage's
     * application window (for the off-season notice).
     */
    public record Draft(
            long id,
            long version,
            int step,
            ApplicationForm form,
            String caseNumber,
            Channel channel,
            RegionCode county,
            String countyName,
            int planYear,
            List<StageWindow> windows) {

        /** The window of the form's stage, if a stage is chosen and the county published its plan. */
        public java.util.Optional<StageWindow> window() {
            return windows.stream()
                    .filter(w -> w.stage().equals(form.getStage()))
                    .findFirst();
        }
    }

    /** A stage's published online window and whether it is open now. */
    public record StageWindow(String stage, Instant opens, Instant closes, boolean open) {}

    /**
     * What the government sources returned for the case, read-only ("以下内容直接调取政务信息").
     *
     * @param checking     the sources are still being asked
     * @param sources      one line per source asked
     * @param fields       the form fields the records filled
     * @param proofsNeeded what the sources could not confirm and the proof that stands in for it
     */
    public record Records(
            String caseNumber,
            String status,
            boolean checking,
            String category,
            List<SourceLine> sources,
            List<Field> fields,
            List<NeededProof> proofsNeeded,
            LocalDate proofDeadline) {}

    public record SourceLine(String source, String outcome, boolean confirmed) {}

    public record Field(String label, String value) {}

    public record NeededProof(Proof proof, String label, String reason, String action) {}

    /** A school the family may name, as the plan allows (the zone school is where a child without choices goes). */
    public record SchoolOption(String code, String name, boolean privateSchool, boolean zoneSchool, int seats) {}

    public record ProofFile(
            long id, Proof proof, String label, String fileName, String contentType, int size, Instant uploadedAt) {}

    /**
     * A place a family can live in, as the zones know it: town, community or village, and the compound
     * ({@code null} for a village or a house outside any compound).
     */
    public record AddressUnit(String townCode, String townName, String community, String compound) {}

    /** An uploaded proof's bytes, opened for the viewer. */
    public record ProofContent(String fileName, String contentType, byte[] bytes) {}
}
