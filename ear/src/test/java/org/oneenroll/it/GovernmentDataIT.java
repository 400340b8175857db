package org.oneenroll.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oneenroll.verification.control.SourceFanOut;
import org.oneenroll.verification.control.SourceFanOut.Question;
import org.oneenroll.verification.entity.GovernmentSource;
import org.oneenroll.verification.entity.SourceAnswer;
import org.oneenroll.verification.entity.SourceOutcome;

/**
 * The server asks the simulated government data platform (started beside it by the build) through the
 * container's verification executor, with the configured address and key.
 */
@ExtendWith(ArquillianExtension.class)
class GovernmentDataIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.oneEnroll();
    }

    @Inject
    SourceFanOut fanOut;

    @BeforeEach
    void platformIsUp() {
        new Simulator().awaitUp();
    }

    @Test
    void aChildsHukouAndBirthCertificateAreAskedAtOnce() {
        JsonObject family = Families.all().stream()
                .filter(f -> !Families.hasDefect(f, "MISSING_HUKOU_RECORD")
                        && !Families.hasDefect(f, "MISSING_BIRTH_CERTIFICATE")
                        && Families.applicant(f) != null)
                .findFirst()
                .orElseThrow();
        String id = Families.childId(family);

        List<SourceAnswer> answers = fanOut.ask(
                List.of(new Question(GovernmentSource.HUKOU, id), new Question(GovernmentSource.BIRTH_CERTIFICATE, id)),
                "IT-620123-2027-X-000001");

        assertEquals(
                SourceOutcome.FOUND, answers.get(0).outcome(), answers.get(0).detail());
        assertEquals(
                Families.applicant(family).getJsonObject("person").getString("name"),
                answers.get(0).records().get(0).get("name"));
        assertEquals(
                SourceOutcome.FOUND, answers.get(1).outcome(), answers.get(1).detail());
        assertTrue(answers.get(0).queryId() > 0);
    }

    @Test
    void aChildWithoutAHukouRecordIsANoRecordAnswer() {
        JsonObject family = Families.all().stream()
                .filter(f -> Families.hasDefect(f, "MISSING_HUKOU_RECORD") && Families.applicant(f) != null)
                .findFirst()
                .orElseThrow(
                        () -> new AssertionError("the first 500 demo families include one without a hukou record"));
        SourceAnswer hukou = fanOut.ask(
                        List.of(new Question(GovernmentSource.HUKOU, Families.childId(family))),
                        "IT-620123-2027-X-000002")
                .get(0);
        assertEquals(SourceOutcome.NO_RECORD, hukou.outcome(), hukou.detail());
        assertEquals(1, hukou.attempts());
    }
}
