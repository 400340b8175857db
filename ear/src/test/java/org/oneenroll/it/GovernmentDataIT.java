package org.oneenroll.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeEach
    void platformIsUp() {
        URI health = URI.create(System.getProperty("oneenroll.govdata.url") + "/health");
        await().atMost(Duration.ofSeconds(90))
                .ignoreExceptions()
                .until(() -> http.send(
                                        HttpRequest.newBuilder(health)
                                                .timeout(Duration.ofSeconds(2))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200);
    }

    /** The demo county's generated families, as the build wrote them (what a parent would type comes from here). */
    static List<JsonObject> families() throws IOException {
        return Files.readAllLines(Path.of(System.getProperty("oneenroll.it.families"))).stream()
                .map(line -> Json.createReader(new StringReader(line)).readObject())
                .toList();
    }

    static boolean hasDefect(JsonObject family, String kind) {
        return family.getJsonArray("defects").stream()
                .anyMatch(d -> d.asJsonObject().getString("kind").equals(kind));
    }

    static JsonObject child(JsonObject family) {
        return family.getJsonArray("children").getJsonObject(0).getJsonObject("person");
    }

    @Test
    void aChildsHukouAndBirthCertificateAreAskedAtOnce() throws IOException {
        JsonObject family = families().stream()
                .filter(f -> !hasDefect(f, "MISSING_HUKOU_RECORD")
                        && !hasDefect(f, "MISSING_BIRTH_CERTIFICATE")
                        && !f.getJsonArray("children").isEmpty())
                .findFirst()
                .orElseThrow();
        String id = child(family).getString("idNumber");

        List<SourceAnswer> answers = fanOut.ask(
                List.of(new Question(GovernmentSource.HUKOU, id), new Question(GovernmentSource.BIRTH_CERTIFICATE, id)),
                "IT-620123-2027-X-000001");

        assertEquals(
                SourceOutcome.FOUND, answers.get(0).outcome(), answers.get(0).detail());
        assertEquals(
                child(family).getString("name"), answers.get(0).records().get(0).get("name"));
        assertEquals(
                SourceOutcome.FOUND, answers.get(1).outcome(), answers.get(1).detail());
        assertTrue(answers.get(0).queryId() > 0);
    }

    @Test
    void aChildWithoutAHukouRecordIsANoRecordAnswer() throws IOException {
        JsonObject family = families().stream()
                .filter(f -> hasDefect(f, "MISSING_HUKOU_RECORD")
                        && !f.getJsonArray("children").isEmpty())
                .findFirst()
                .orElseThrow(
                        () -> new AssertionError("the first 500 demo families include one without a hukou record"));
        SourceAnswer hukou = fanOut.ask(
                        List.of(new Question(
                                GovernmentSource.HUKOU, child(family).getString("idNumber"))),
                        "IT-620123-2027-X-000002")
                .get(0);
        assertEquals(SourceOutcome.NO_RECORD, hukou.outcome(), hukou.detail());
        assertEquals(1, hukou.attempts());
    }
}
