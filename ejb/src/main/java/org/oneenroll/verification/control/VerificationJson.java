package org.oneenroll.verification.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.oneenroll.identity.entity.Address;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.policy.entity.FamilyCategory;
import org.oneenroll.verification.entity.ApplicationType;
import org.oneenroll.verification.entity.CategoryFinding;
import org.oneenroll.verification.entity.CheckOutcome;
import org.oneenroll.verification.entity.Declaration;
import org.oneenroll.verification.entity.DeclaredPermit;
import org.oneenroll.verification.entity.DeclaredPerson;
import org.oneenroll.verification.entity.Evidence;
import org.oneenroll.verification.entity.FieldMismatch;
import org.oneenroll.verification.entity.FilledField;
import org.oneenroll.verification.entity.FilledFields;
import org.oneenroll.verification.entity.GovernmentSource;
import org.oneenroll.verification.entity.MessageRef;
import org.oneenroll.verification.entity.OfflineCheck;
import org.oneenroll.verification.entity.PlanContext;
import org.oneenroll.verification.entity.PreferentialClaim;
import org.oneenroll.verification.entity.Proof;
import org.oneenroll.verification.entity.Relation;
import org.oneenroll.verification.entity.SourceAnswer;
import org.oneenroll.verification.entity.SourceFailure;
import org.oneenroll.verification.entity.SourceOutcome;
import org.oneenroll.verification.entity.VerificationResult;
import org.oneenroll.verification.entity.VerificationStatus;
import org.oneenroll.verification.entity.ZoneUnits;

/**
 * A case's declaration and verification result as compact JSON text and back, so each can be stored sealed (SM4)
 * in one column: reviewers read the result exactly as it was found, and a re-check needs the declaration exactly
 * as typed. The plan is not stored; the server rebuilds it and hands it to the reader, which also takes a zone's
 * units from it. Records stay as the platform sent them and read back with the types {@code
 * HttpGovernmentData.plain} gives; message numbers keep their Java type. Every text carries its format as
 * {@code "v"}, and a reader refuses any format but {@link #FORMAT} rather than guess at it.
 */
public final class VerificationJson {

    /** The format this class writes and the only one it reads. */
    public static final int FORMAT = 1;

    private static final JsonProvider JSON = JsonProvider.provider();

    private VerificationJson() {}

    /** Everything the family declared except the plan. */
    public static String declaration(Declaration d) {
        JsonObjectBuilder o = versioned()
                .add("t", d.type().name())
                .add("c", writePerson(d.child()))
                .add("g", list(d.guardians(), VerificationJson::writePerson));
        if (!d.householdMembers().isEmpty()) {
            o.add("m", list(d.householdMembers(), VerificationJson::writePerson));
        }
        o.add("h", writeAddress(d.home()));
        if (!d.permits().isEmpty()) {
            o.add("p", list(d.permits(), VerificationJson::writePermit));
        }
        optional(o, "n", d.certificateNumber());
        o.add("k", d.claim().name());
        return o.build().toString();
    }

    /** The declaration written by {@link #declaration(Declaration)}, under {@code plan}. */
    public static Declaration declaration(String json, PlanContext plan) {
        Objects.requireNonNull(plan, "plan");
        JsonObject o = open(json, "declaration");
        try {
            return new Declaration(
                    named(ApplicationType.class, text(o, "t")),
                    readPerson(required(o, "c")),
                    list(o, "g", VerificationJson::readPerson),
                    list(o, "m", VerificationJson::readPerson),
                    readAddress(required(o, "h")),
                    list(o, "p", VerificationJson::readPermit),
                    optionalText(o, "n"),
                    named(PreferentialClaim.class, text(o, "k")),
                    plan);
        } catch (RuntimeException e) {
            throw malformed("declaration", e);
        }
    }

    public static String result(VerificationResult r) {
        JsonObjectBuilder o = versioned()
                .add("s", r.status().name())
                .add("e", list(r.evidence(), VerificationJson::writeEvidence))
                .add("f", writeFilled(r.filled()))
                .add("c", writeCategory(r.category()));
        if (!r.offlineChecks().isEmpty()) {
            o.add("o", list(r.offlineChecks(), VerificationJson::writeOfflineCheck));
        }
        return o.build().toString();
    }

    /** The result written by {@link #result(VerificationResult)}; a finding's zone is taken from {@code plan}. */
    public static VerificationResult result(String json, PlanContext plan) {
        Objects.requireNonNull(plan, "plan");
        JsonObject o = open(json, "result");
        try {
            return new VerificationResult(
                    named(VerificationStatus.class, text(o, "s")),
                    list(o, "e", VerificationJson::readEvidence),
                    readFilled(required(o, "f")),
                    readCategory(object(required(o, "c"), "category"), plan),
                    list(o, "o", VerificationJson::readOfflineCheck));
        } catch (RuntimeException e) {
            throw malformed("result", e);
        }
    }

    // Declaration parts

    private static JsonValue writePerson(DeclaredPerson p) {
        return JSON.createArrayBuilder()
                .add(p.name())
                .add(p.idNumber())
                .add(p.relation().name())
                .build();
    }

    private static DeclaredPerson readPerson(JsonValue v) {
        JsonArray a = tuple(v, 3, "person");
        return new DeclaredPerson(
                string(a.get(0), "name"),
                string(a.get(1), "idNumber"),
                named(Relation.class, string(a.get(2), "relation")));
    }

    private static JsonValue writeAddress(Address a) {
        JsonArrayBuilder b = JSON.createArrayBuilder().add(a.county().value());
        for (String part : new String[] {a.townCode(), a.community(), a.compound(), a.building(), a.detail()}) {
            addNullable(b, part);
        }
        return b.build();
    }

    private static Address readAddress(JsonValue v) {
        JsonArray a = tuple(v, 6, "address");
        return Address.of(
                RegionCode.of(string(a.get(0), "county")),
                nullableString(a.get(1), "townCode"),
                nullableString(a.get(2), "community"),
                nullableString(a.get(3), "compound"),
                nullableString(a.get(4), "building"),
                nullableString(a.get(5), "detail"));
    }

    private static JsonValue writePermit(DeclaredPermit p) {
        JsonArrayBuilder b = JSON.createArrayBuilder().add(p.holderIdNumber());
        addNullable(b, p.issueDate() == null ? null : p.issueDate().toString());
        addNullable(b, p.validUntil() == null ? null : p.validUntil().toString());
        addNullable(b, p.issuingAuthority());
        addNullable(b, p.registeredAddress());
        return b.build();
    }

    private static DeclaredPermit readPermit(JsonValue v) {
        JsonArray a = tuple(v, 5, "permit");
        String issue = nullableString(a.get(1), "issueDate");
        String until = nullableString(a.get(2), "validUntil");
        return new DeclaredPermit(
                string(a.get(0), "holderIdNumber"),
                issue == null ? null : LocalDate.parse(issue),
                until == null ? null : LocalDate.parse(until),
                nullableString(a.get(3), "issuingAuthority"),
                nullableString(a.get(4), "registeredAddress"));
    }

    // Result parts

    private static JsonValue writeEvidence(Evidence e) {
        JsonObjectBuilder o = JSON.createObjectBuilder().add("s", e.source().name());
        optional(o, "i", e.subjectIdNumber());
        optional(o, "r", e.subjectRelation());
        o.add("o", e.outcome().name());
        if (!e.mismatches().isEmpty()) {
            o.add("m", list(e.mismatches(), VerificationJson::writeMismatch));
        }
        if (!e.fieldsUsed().isEmpty()) {
            o.add("u", list(e.fieldsUsed(), f -> JSON.createValue(f)));
        }
        if (!e.findings().isEmpty()) {
            o.add("n", list(e.findings(), VerificationJson::writeMessage));
        }
        if (e.answer() != null) {
            o.add("a", writeAnswer(e.answer()));
        }
        return o.build();
    }

    private static Evidence readEvidence(JsonValue v) {
        JsonObject o = object(v, "evidence");
        JsonValue answer = o.get("a");
        return new Evidence(
                named(GovernmentSource.class, text(o, "s")),
                optionalText(o, "i"),
                optionalNamed(Relation.class, o, "r"),
                named(CheckOutcome.class, text(o, "o")),
                list(o, "m", VerificationJson::readMismatch),
                list(o, "u", u -> string(u, "field used")),
                list(o, "n", VerificationJson::readMessage),
                isNull(answer) ? null : readAnswer(answer));
    }

    private static JsonValue writeMismatch(FieldMismatch m) {
        JsonArrayBuilder b = JSON.createArrayBuilder();
        addNullable(b, m.field());
        addNullable(b, m.typed());
        addNullable(b, m.recorded());
        return b.build();
    }

    private static FieldMismatch readMismatch(JsonValue v) {
        JsonArray a = tuple(v, 3, "mismatch");
        return new FieldMismatch(
                nullableString(a.get(0), "field"),
                nullableString(a.get(1), "typed"),
                nullableString(a.get(2), "recorded"));
    }

    private static JsonValue writeAnswer(SourceAnswer a) {
        JsonObjectBuilder o = JSON.createObjectBuilder();
        optional(o, "s", a.source());
        optional(o, "o", a.outcome());
        optional(o, "x", a.failure());
        if (!a.records().isEmpty()) {
            o.add("r", list(a.records(), VerificationJson::writePlain));
        }
        if (a.queryId() != 0) {
            o.add("q", a.queryId());
        }
        optional(o, "id", a.requestId());
        optional(o, "t", a.askedAt() == null ? null : a.askedAt().toString());
        optional(o, "l", a.latency() == null ? null : a.latency().toString());
        o.add("n", a.attempts());
        optional(o, "d", a.detail());
        return o.build();
    }

    private static SourceAnswer readAnswer(JsonValue v) {
        JsonObject o = object(v, "answer");
        String askedAt = optionalText(o, "t");
        String latency = optionalText(o, "l");
        JsonValue queryId = o.get("q");
        return new SourceAnswer(
                optionalNamed(GovernmentSource.class, o, "s"),
                optionalNamed(SourceOutcome.class, o, "o"),
                optionalNamed(SourceFailure.class, o, "x"),
                list(o, "r", VerificationJson::readRecord),
                isNull(queryId) ? 0 : integral(queryId, "queryId"),
                optionalText(o, "id"),
                askedAt == null ? null : Instant.parse(askedAt),
                latency == null ? null : Duration.parse(latency),
                Math.toIntExact(integral(required(o, "n"), "attempts")),
                optionalText(o, "d"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readRecord(JsonValue v) {
        return (Map<String, Object>) HttpGovernmentData.plain(object(v, "record"));
    }

    /**
     * A record value as the platform would have sent it. Only what {@code HttpGovernmentData.plain} gives reads
     * back as the same Java value; other numbers read back as {@code Long} or {@code BigDecimal}, dates as text.
     */
    private static JsonValue writePlain(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof String s) {
            return JSON.createValue(s);
        }
        if (value instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return JSON.createValue(((Number) value).longValue());
        }
        if (value instanceof BigDecimal d) {
            return JSON.createValue(d);
        }
        if (value instanceof BigInteger i) {
            return JSON.createValue(i);
        }
        if (value instanceof Double || value instanceof Float) {
            return JSON.createValue(((Number) value).doubleValue());
        }
        if (value instanceof Map<?, ?> map) {
            JsonObjectBuilder o = JSON.createObjectBuilder();
            map.forEach((k, v) -> o.add(String.valueOf(k), writePlain(v)));
            return o.build();
        }
        if (value instanceof Collection<?> list) {
            JsonArrayBuilder a = JSON.createArrayBuilder();
            list.forEach(v -> a.add(writePlain(v)));
            return a.build();
        }
        if (value instanceof Enum<?> e) {
            return JSON.createValue(e.name());
        }
        if (value instanceof TemporalAccessor) {
            return JSON.createValue(value.toString());
        }
        throw new IllegalArgumentException(
                "a record holds a " + value.getClass().getName() + ", which has no JSON form");
    }

    private static JsonValue writeFilled(FilledFields filled) {
        JsonObjectBuilder o = JSON.createObjectBuilder();
        filled.values().forEach((field, value) -> o.add(field.name(), writeFilledValue(field, value)));
        return o.build();
    }

    private static JsonValue writeFilledValue(FilledField field, Object value) {
        if (value instanceof String s) {
            return JSON.createValue(s);
        }
        if (value instanceof LocalDate || value instanceof YearMonth) {
            return JSON.createValue(value.toString());
        }
        if (value instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Integer i) {
            return JSON.createValue(i.intValue());
        }
        throw new IllegalArgumentException(
                field + " holds a " + value.getClass().getName() + ", which has no JSON form");
    }

    private static FilledFields readFilled(JsonValue v) {
        Map<FilledField, Object> values = new EnumMap<>(FilledField.class);
        object(v, "filled fields").forEach((name, value) -> {
            FilledField field = named(FilledField.class, name);
            Class<?> type = field.type();
            Object read;
            if (type == String.class) {
                read = string(value, name);
            } else if (type == LocalDate.class) {
                read = LocalDate.parse(string(value, name));
            } else if (type == YearMonth.class) {
                read = YearMonth.parse(string(value, name));
            } else if (type == Boolean.class) {
                read = bool(value, name);
            } else if (type == Integer.class) {
                read = Math.toIntExact(integral(value, name));
            } else {
                throw new IllegalArgumentException(field + " holds a " + type.getName() + ", which has no JSON form");
            }
            values.put(field, read);
        });
        return new FilledFields(values);
    }

    private static JsonValue writeCategory(CategoryFinding c) {
        JsonObjectBuilder o = JSON.createObjectBuilder();
        optional(o, "k", c.category());
        o.add("ok", c.confirmed());
        if (c.zone() != null) {
            o.add(
                    "z",
                    JSON.createArrayBuilder()
                            .add(c.zone().code())
                            .add(c.zone().name())
                            .build());
        }
        if (!c.basis().isEmpty()) {
            // Sorted, so that the same finding is always the same text.
            o.add("b", list(c.basis().stream().sorted().toList(), s -> JSON.createValue(s.name())));
        }
        o.add("r", writeMessage(c.reason()));
        if (!c.notes().isEmpty()) {
            o.add("n", list(c.notes(), VerificationJson::writeMessage));
        }
        return o.build();
    }

    private static CategoryFinding readCategory(JsonObject o, PlanContext plan) {
        JsonValue z = o.get("z");
        ZoneUnits zone = null;
        if (!isNull(z)) {
            JsonArray a = tuple(z, 2, "zone");
            String code = string(a.get(0), "zone code");
            String name = string(a.get(1), "zone name");
            zone = plan.zones().stream()
                    .filter(u -> u.code().equals(code))
                    .findFirst()
                    .orElseGet(() -> new ZoneUnits(code, name, Set.of()));
        }
        Set<GovernmentSource> basis = EnumSet.noneOf(GovernmentSource.class);
        basis.addAll(list(o, "b", b -> named(GovernmentSource.class, string(b, "basis"))));
        return new CategoryFinding(
                optionalNamed(FamilyCategory.class, o, "k"),
                bool(required(o, "ok"), "confirmed"),
                zone,
                basis,
                readMessage(required(o, "r")),
                list(o, "n", VerificationJson::readMessage));
    }

    private static JsonValue writeOfflineCheck(OfflineCheck c) {
        JsonObjectBuilder o = JSON.createObjectBuilder();
        optional(o, "s", c.source());
        return o.add("p", c.proof().name())
                .add("r", writeMessage(c.reason()))
                .add("a", writeMessage(c.action()))
                .build();
    }

    private static OfflineCheck readOfflineCheck(JsonValue v) {
        JsonObject o = object(v, "offline check");
        return new OfflineCheck(
                optionalNamed(GovernmentSource.class, o, "s"),
                named(Proof.class, text(o, "p")),
                readMessage(required(o, "r")),
                readMessage(required(o, "a")));
    }

    /**
     * {@code ["key", args...]}: a string argument as a string, an {@code Integer} as a number, a nested message as
     * an array, and the rarer number types tagged so that they read back as the same type.
     */
    private static JsonValue writeMessage(MessageRef m) {
        JsonArrayBuilder a = JSON.createArrayBuilder().add(m.key());
        for (Object arg : m.args()) {
            if (arg instanceof String s) {
                a.add(s);
            } else if (arg instanceof MessageRef nested) {
                a.add(writeMessage(nested));
            } else if (arg instanceof Integer i) {
                a.add(i.intValue());
            } else if (arg instanceof Long l) {
                a.add(JSON.createObjectBuilder().add("l", l.longValue()));
            } else if (arg instanceof BigDecimal d) {
                a.add(JSON.createObjectBuilder().add("d", d.toString()));
            } else if (arg instanceof Double d) {
                a.add(JSON.createObjectBuilder().add("f", d.toString()));
            } else {
                throw new IllegalArgumentException("message " + m.key() + " has an argument of type "
                        + arg.getClass().getName() + "; only String, Integer, Long, BigDecimal, Double and"
                        + " MessageRef are stored");
            }
        }
        return a.build();
    }

    private static MessageRef readMessage(JsonValue v) {
        JsonArray a = array(v, "message");
        if (a.isEmpty()) {
            throw new IllegalArgumentException("a message without its key");
        }
        String key = string(a.get(0), "message key");
        List<Object> args = new ArrayList<>(a.size() - 1);
        for (JsonValue arg : a.subList(1, a.size())) {
            args.add(
                    switch (arg.getValueType()) {
                        case STRING -> ((JsonString) arg).getString();
                        case NUMBER -> Math.toIntExact(integral(arg, "argument of " + key));
                        case ARRAY -> readMessage(arg);
                        case OBJECT -> readTaggedNumber(arg.asJsonObject(), key);
                        default -> throw new IllegalArgumentException("message " + key + " has an argument " + arg);
                    });
        }
        return new MessageRef(key, args);
    }

    private static Number readTaggedNumber(JsonObject o, String key) {
        if (o.size() == 1) {
            if (o.containsKey("l")) {
                return integral(o.get("l"), "argument of " + key);
            }
            if (o.containsKey("d")) {
                return new BigDecimal(string(o.get("d"), "argument of " + key));
            }
            if (o.containsKey("f")) {
                return Double.valueOf(string(o.get("f"), "argument of " + key));
            }
        }
        throw new IllegalArgumentException("message " + key + " has an argument " + o);
    }

    // JSON helpers

    private static JsonObjectBuilder versioned() {
        return JSON.createObjectBuilder().add("v", FORMAT);
    }

    private static JsonObject open(String json, String what) {
        Objects.requireNonNull(json, what);
        JsonValue root;
        // A parser rather than a reader: a reader stops after the first value and would take "{...}garbage".
        try (JsonParser parser = JSON.createParser(new StringReader(json))) {
            parser.next();
            root = parser.getValue();
            if (parser.hasNext()) {
                throw new IllegalArgumentException("text after the JSON value");
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("verification " + what + " is not JSON: " + e.getMessage(), e);
        }
        if (root.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new IllegalArgumentException("verification " + what + " JSON is not an object");
        }
        JsonObject o = root.asJsonObject();
        JsonValue version = o.get("v");
        if (version == null) {
            throw new IllegalArgumentException("verification " + what + " JSON has no format version \"v\"");
        }
        if (!(version instanceof JsonNumber n
                && n.isIntegral()
                && n.bigIntegerValue().equals(BigInteger.valueOf(FORMAT)))) {
            throw new IllegalArgumentException(
                    "verification " + what + " JSON is format " + version + "; this build reads format " + FORMAT);
        }
        return o;
    }

    private static IllegalArgumentException malformed(String what, RuntimeException cause) {
        return new IllegalArgumentException("malformed verification " + what + " JSON: " + cause.getMessage(), cause);
    }

    private static <T> JsonArray list(List<T> items, Function<T, JsonValue> write) {
        JsonArrayBuilder a = JSON.createArrayBuilder();
        items.forEach(item -> a.add(write.apply(item)));
        return a.build();
    }

    /** The array under {@code key} read item by item; absent means empty. */
    private static <T> List<T> list(JsonObject o, String key, Function<JsonValue, T> read) {
        JsonValue v = o.get(key);
        if (isNull(v)) {
            return List.of();
        }
        List<T> out = new ArrayList<>();
        for (JsonValue item : array(v, "\"" + key + "\"")) {
            out.add(read.apply(item));
        }
        return out;
    }

    private static void optional(JsonObjectBuilder o, String key, String value) {
        if (value != null) {
            o.add(key, value);
        }
    }

    private static void optional(JsonObjectBuilder o, String key, Enum<?> value) {
        if (value != null) {
            o.add(key, value.name());
        }
    }

    private static void addNullable(JsonArrayBuilder a, String value) {
        if (value == null) {
            a.addNull();
        } else {
            a.add(value);
        }
    }

    private static boolean isNull(JsonValue v) {
        return v == null || v.getValueType() == JsonValue.ValueType.NULL;
    }

    private static JsonValue required(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (isNull(v)) {
            throw new IllegalArgumentException("\"" + key + "\" is missing");
        }
        return v;
    }

    private static String text(JsonObject o, String key) {
        return string(required(o, key), "\"" + key + "\"");
    }

    private static String optionalText(JsonObject o, String key) {
        return nullableString(o.get(key), "\"" + key + "\"");
    }

    private static <E extends Enum<E>> E optionalNamed(Class<E> type, JsonObject o, String key) {
        String name = optionalText(o, key);
        return name == null ? null : named(type, name);
    }

    private static <E extends Enum<E>> E named(Class<E> type, String name) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("no " + type.getSimpleName() + " " + name, e);
        }
    }

    private static JsonObject object(JsonValue v, String what) {
        if (v == null || v.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new IllegalArgumentException(what + " is not an object: " + v);
        }
        return v.asJsonObject();
    }

    private static JsonArray array(JsonValue v, String what) {
        if (v == null || v.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new IllegalArgumentException(what + " is not an array: " + v);
        }
        return v.asJsonArray();
    }

    private static JsonArray tuple(JsonValue v, int size, String what) {
        JsonArray a = array(v, what);
        if (a.size() != size) {
            throw new IllegalArgumentException(what + " has " + a.size() + " items, not " + size + ": " + v);
        }
        return a;
    }

    private static String string(JsonValue v, String what) {
        if (v == null || v.getValueType() != JsonValue.ValueType.STRING) {
            throw new IllegalArgumentException(what + " is not a string: " + v);
        }
        return ((JsonString) v).getString();
    }

    private static String nullableString(JsonValue v, String what) {
        return isNull(v) ? null : string(v, what);
    }

    private static boolean bool(JsonValue v, String what) {
        return switch (v.getValueType()) {
            case TRUE -> true;
            case FALSE -> false;
            default -> throw new IllegalArgumentException(what + " is not true or false: " + v);
        };
    }

    private static long integral(JsonValue v, String what) {
        if (!(v instanceof JsonNumber n) || !n.isIntegral()) {
            throw new IllegalArgumentException(what + " is not a whole number: " + v);
        }
        try {
            return n.longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(what + " is out of range: " + v, e);
        }
    }
}
