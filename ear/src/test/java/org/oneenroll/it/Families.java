package org.oneenroll.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.oneenroll.identity.entity.Address;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.policy.entity.Stage;
import org.oneenroll.verification.entity.ApplicationType;
import org.oneenroll.verification.entity.Declaration;
import org.oneenroll.verification.entity.DeclaredPermit;
import org.oneenroll.verification.entity.DeclaredPerson;
import org.oneenroll.verification.entity.PlanContext;
import org.oneenroll.verification.entity.PreferentialClaim;
import org.oneenroll.verification.entity.Relation;

/**
 * The test county's generated families (the file the build wrote beside the simulated platform) and what a
 * parent of each would type on the form: names and numbers, the home, the permit as printed on it. The
 * platform answers from the same families, so the outcome of every check is known.
 */
public final class Families {

    private static volatile List<JsonObject> all;

    private Families() {}

    public static List<JsonObject> all() {
        List<JsonObject> families = all;
        if (families == null) {
            try {
                families = Files.readAllLines(Path.of(System.getProperty("oneenroll.it.families"))).stream()
                        .map(line -> Json.createReader(new StringReader(line)).readObject())
                        .toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            all = families;
        }
        return families;
    }

    /**
     * {@code families} last first: test classes that take "any unused family" walk the list from its end, so the
     * families the other classes pick by position from its start stay free whatever order the classes run in.
     */
    public static List<JsonObject> fromTheEnd(List<JsonObject> families) {
        List<JsonObject> reversed = new java.util.ArrayList<>(families);
        java.util.Collections.reverse(reversed);
        return reversed;
    }

    /** The families that match, in file order; an assertion error names what was looked for when none does. */
    public static List<JsonObject> where(String what, Predicate<JsonObject> test) {
        List<JsonObject> found = all().stream().filter(test).toList();
        if (found.isEmpty()) {
            throw new AssertionError("the test population has no family " + what);
        }
        return found;
    }

    public static boolean hasDefect(JsonObject family, String kind) {
        return family.getJsonArray("defects").stream()
                .anyMatch(d -> d.asJsonObject().getString("kind").equals(kind));
    }

    public static boolean clean(JsonObject family) {
        return family.getJsonArray("defects").isEmpty();
    }

    public static String scenario(JsonObject family) {
        return family.getString("scenario");
    }

    /** The child applying (primary or junior), if the family has one. */
    public static JsonObject applicant(JsonObject family) {
        return family.getJsonArray("children").stream()
                .map(JsonValue::asJsonObject)
                .filter(c -> !c.getString("role").equals("YOUNGER_SIBLING"))
                .findFirst()
                .orElse(null);
    }

    public static boolean applies(JsonObject family, Stage stage) {
        JsonObject child = applicant(family);
        return child != null && child.getString("role").equals(stage.name() + "_APPLICANT");
    }

    public static String childId(JsonObject family) {
        return applicant(family).getJsonObject("person").getString("idNumber");
    }

    /** What the family's parent types for the applying child under {@code plan}. */
    public static Declaration declare(JsonObject family, PlanContext plan) {
        String scenario = scenario(family);
        boolean local = scenario.equals("HOUSE_AND_HUKOU")
                || scenario.startsWith("HUKOU_ONLY")
                || (scenario.equals("PREFERENTIAL")
                        && family.getString("preferential").equals("HIGH_LEVEL_TALENT"));
        JsonObject records = family.getJsonObject("records");
        boolean divorced = records.getJsonArray("marriages").stream()
                .anyMatch(m -> m.asJsonObject().getString("status").equals("离婚"));
        List<DeclaredPerson> guardians = new ArrayList<>();
        List<DeclaredPerson> members = new ArrayList<>();
        for (JsonValue v : family.getJsonArray("adults")) {
            JsonObject adult = v.asJsonObject();
            DeclaredPerson p = person(adult);
            if (adult.getBoolean("guardian")) {
                guardians.add(p);
            } else if (!(divorced && p.relation().parent())) {
                members.add(p);
            }
        }
        List<DeclaredPermit> permits = new ArrayList<>();
        if (!local) {
            for (JsonValue v : records.getJsonArray("residencePermits")) {
                JsonObject permit = v.asJsonObject();
                if (permit.getString("idNumber").equals(guardians.get(0).idNumber())) {
                    permits.add(new DeclaredPermit(
                            permit.getString("idNumber"),
                            LocalDate.parse(permit.getString("issueDate")),
                            LocalDate.parse(permit.getString("validUntil")),
                            permit.getString("issuingAuthority"),
                            permit.getString("residenceAddress")));
                }
            }
        }
        List<String> parents = new ArrayList<>();
        guardians.stream().filter(p -> p.relation().parent()).forEach(p -> parents.add(p.idNumber()));
        members.stream().filter(p -> p.relation().parent()).forEach(p -> parents.add(p.idNumber()));
        String certificate = null;
        for (JsonValue v : records.getJsonArray("realEstateTitles")) {
            JsonObject title = v.asJsonObject();
            boolean ours = parents.contains(title.getString("holderIdNumber"))
                    || title.getJsonArray("coOwners").stream()
                            .anyMatch(c -> parents.contains(c.asJsonObject().getString("idNumber")));
            if (ours) {
                certificate = title.getString("certificateNumber");
                break;
            }
        }
        PreferentialClaim claim =
                switch (family.getString("preferential")) {
                    case "HIGH_LEVEL_TALENT" -> PreferentialClaim.HIGH_LEVEL_TALENT;
                    case "MILITARY" -> PreferentialClaim.OTHER;
                    default -> PreferentialClaim.NONE;
                };
        JsonObject h = family.getJsonObject("home");
        Address home = Address.of(
                RegionCode.of(h.getString("regionCode")),
                h.getString("townCode"),
                h.getString("community"),
                h.isNull("compound") ? null : h.getString("compound"),
                null,
                h.isNull("detail") ? null : h.getString("detail"));
        JsonObject child = applicant(family).getJsonObject("person");
        return new Declaration(
                local ? ApplicationType.LOCAL : ApplicationType.NON_LOCAL,
                new DeclaredPerson(child.getString("name"), child.getString("idNumber"), Relation.CHILD),
                guardians,
                members,
                home,
                permits,
                certificate,
                claim,
                plan);
    }

    private static DeclaredPerson person(JsonObject adult) {
        JsonObject p = adult.getJsonObject("person");
        Relation relation =
                switch (adult.getString("kinship")) {
                    case "FATHER" -> Relation.FATHER;
                    case "MOTHER" -> Relation.MOTHER;
                    case "GRANDFATHER" -> Relation.GRANDFATHER;
                    case "GRANDMOTHER" -> Relation.GRANDMOTHER;
                    case "MATERNAL_GRANDFATHER" -> Relation.MATERNAL_GRANDFATHER;
                    default -> Relation.MATERNAL_GRANDMOTHER;
                };
        return new DeclaredPerson(p.getString("name"), p.getString("idNumber"), relation);
    }

    /** The first guardian's mobile, the number the family is told on. */
    public static String mobile(JsonObject family) {
        return family.getJsonArray("adults").stream()
                .map(JsonValue::asJsonObject)
                .filter(a -> a.getBoolean("guardian"))
                .findFirst()
                .orElseThrow()
                .getString("mobile");
    }
}
