package org.oneenroll.admission.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oneenroll.admission.entity.AdmissionInput;
import org.oneenroll.admission.entity.Allocation;
import org.oneenroll.admission.entity.LotterySeed;

/** The public replay command: same file and seed, same bytes; tampered files and short seeds refused. */
class ReplayDrawTest {

    /** The worked example of docs/admission.md: keep both in step. */
    static final String EXAMPLE =
            """
            oneenroll-admission-input/1
            engine oneenroll-admission/1
            plan 620123-2026-PRIMARY-r1
            stage PRIMARY
            lottery-rule SINGLE_NUMBER_PER_CHILD
            category-order PREFERENTIAL HOUSE_AND_HUKOU HOUSE_ONLY HUKOU_ONLY_RELATIVE HUKOU_ONLY_RENTING MIGRANT
            reallocation-hops unlimited
            schools 4
            school BS01 PUBLIC 3
            school DG01 PUBLIC 2
            school MB01 PRIVATE 1
            school XG01 PUBLIC 2
            zones 3
            zone Z1 DG01
            zone Z2 XG01
            zone Z3 BS01
            adjacencies 2
            adjacent Z1 Z2
            adjacent Z2 Z3
            children 8
            child 620123-2026-X-000001 HOUSE_AND_HUKOU 0 Z1
            child 620123-2026-X-000002 MIGRANT 85 Z1
            child 620123-2026-X-000003 MIGRANT 70 Z1 MB01
            child 620123-2026-X-000004 HOUSE_ONLY 0 Z1 MB01 XG01
            child 620123-2026-X-000005 HOUSE_AND_HUKOU 0 Z2
            child 620123-2026-X-000006 HUKOU_ONLY_RENTING 0 Z2 DG01
            child 620123-2026-X-000007 PREFERENTIAL 0 Z3 DG01
            child 620123-2026-X-000008 MIGRANT 60 - XG01
            end
            """;

    static final String EXAMPLE_SEED = "3f2a9c0177b40d5e1a2b3c4d5e6f7081";
    static final String EXAMPLE_RESULT_SHA256 = "a2e2977eac486ac6c7337568ba222642b4b59c7600f6f122fad3d28501a30b3d";

    @TempDir
    Path folder;

    @Test
    void theReplayPrintsTheCanonicalResultAndItsDigest() throws IOException {
        Path file = Files.writeString(folder.resolve("input.txt"), EXAMPLE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = ReplayDraw.run(new String[] {file.toString(), EXAMPLE_SEED}, print(out), print(err));

        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        AdmissionInput input = AdmissionInput.parse(new ByteArrayInputStream(EXAMPLE.getBytes(StandardCharsets.UTF_8)));
        Allocation published = new AdmissionEngine().run(input, LotterySeed.parse(EXAMPLE_SEED));
        assertEquals(
                new String(published.canonicalBytes(), StandardCharsets.UTF_8) + "result-sha256 " + published.sha256()
                        + "\n",
                out.toString(StandardCharsets.UTF_8));
        assertEquals(EXAMPLE_RESULT_SHA256, published.sha256());
    }

    @Test
    void aFileWithChangedLineEndsIsNotTheOneThatWasPublished() throws IOException {
        Path file = Files.writeString(folder.resolve("input.txt"), EXAMPLE.replace("\n", "\r\n"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = ReplayDraw.run(
                new String[] {file.toString(), EXAMPLE_SEED}, print(new ByteArrayOutputStream()), print(err));

        assertEquals(1, status);
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("公示文件不是规范格式"));
    }

    @Test
    void aShortSeedIsRefusedBeforeAnythingIsDrawn() throws IOException {
        Path file = Files.writeString(folder.resolve("input.txt"), EXAMPLE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = ReplayDraw.run(new String[] {file.toString(), "1234"}, print(out), print(err));

        assertEquals(1, status);
        assertEquals(0, out.size());
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("摇号种子至少需要128位"));
    }

    @Test
    void withoutBothArgumentsItSaysHowToCallIt() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        assertEquals(2, ReplayDraw.run(new String[] {"input.txt"}, print(new ByteArrayOutputStream()), print(err)));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("用法："));
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
