package org.oneenroll.verification.control;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.oneenroll.verification.control.Facts.Holding;
import org.oneenroll.verification.control.SourceFanOut.Question;
import org.oneenroll.verification.entity.ApplicationType;
import org.oneenroll.verification.entity.CheckOutcome;
import org.oneenroll.verification.entity.Declaration;
import org.oneenroll.verification.entity.DeclaredPermit;
import org.oneenroll.verification.entity.DeclaredPerson;
import org.oneenroll.verification.entity.EligibilityThresholds;
import org.oneenroll.verification.entity.Evidence;
import org.oneenroll.verification.entity.FieldMismatch;
import org.oneenroll.verification.entity.GovernmentSource;
import org.oneenroll.verification.entity.MessageRef;
import org.oneenroll.verification.entity.Relation;
import org.oneenroll.verification.entity.SourceAnswer;
import org.oneenroll.verification.entity.SourceOutcome;

/**
 * Turns each source's answer into an evidence line (typed fields against the record: matched, mismatch with
 * the field and both values, no record, source error) and reads the household facts from the same records.
 * Wire field names are those of docs/simulator.md.
 */
final class SourceChecks {

    static final String SUBJECT_HUKOU = "verification.subject.hukou";
    static final String SUBJECT_PROPERTY = "verification.subject.property";
    static final String SUBJECT_RENTAL = "verification.subject.rental";
    static final String OUTSIDE_ZONES = "verification.finding.outside-zones";
    static final String OUTSIDE_COUNTY = "verification.finding.outside-county";
    static final String HUKOU_NOT_LOCAL = "verification.finding.hukou-not-local";
    static final String PERMIT_EXPIRED = "verification.finding.permit-expired";
    static final String PERMIT_NOT_LOCAL = "verification.finding.permit-not-local";
    static final String PERMIT_TOO_RECENT = "verification.finding.permit-too-recent";
    static final String INSURANCE_SHORT = "verification.finding.insurance-short";
    static final String INSURANCE_TOO_FEW = "verification.finding.insurance-too-few";
    static final String INSURANCE_LAPSED = "verification.finding.insurance-lapsed";
    static final String RENTAL_ENDED = "verification.finding.rental-ended";
    static final String BUSINESS_NOT_LOCAL = "verification.finding.business-not-local";

    private static final List<String> HUKOU_FIELDS = List.of(
            "idNumber",
            "name",
            "sex",
            "birthDate",
            "ethnicity",
            "nativePlace",
            "birthPlace",
            "regionCode",
            "regionName",
            "address",
            "householdType",
            "householderName",
            "relationCode",
            "relationName");
    private static final List<String> BIRTH_FIELDS = List.of(
            "certificateNumber",
            "childName",
            "birthDate",
            "fatherName",
            "fatherIdNumber",
            "motherName",
            "motherIdNumber");
    private static final List<String> PERMIT_FIELDS =
            List.of("idNumber", "name", "issueDate", "validUntil", "issuingAuthority", "residenceAddress", "valid");
    private static final List<String> TITLE_FIELDS = List.of(
            "holderName",
            "holderIdNumber",
            "certificateNumber",
            "registrationDate",
            "locationRegionCode",
            "location",
            "use",
            "coOwnershipType",
            "holderShare",
            "coOwners");
    private static final List<String> CONTRACT_FIELDS = List.of(
            "contractNumber",
            "buyerName",
            "buyerIdNumber",
            "coOwnership",
            "locationRegionCode",
            "location",
            "plannedUse");
    private static final List<String> RENTAL_FIELDS = List.of(
            "registrationNumber",
            "tenantName",
            "tenantIdNumber",
            "locationRegionCode",
            "location",
            "leaseStart",
            "leaseEnd");
    private static final List<String> AFFORDABLE_FIELDS = List.of(
            "regionCode",
            "address",
            "memberName",
            "memberIdNumber",
            "contractStart",
            "contractEnd",
            "supportType",
            "applicationNumber");
    private static final List<String> INSURANCE_FIELDS = List.of(
            "idNumber",
            "name",
            "employerName",
            "insuranceType",
            "paidMonths",
            "currentMonth",
            "startMonth",
            "endMonth",
            "monthsPaidLast24");
    private static final List<String> INDIVIDUAL_FIELDS =
            List.of("operatorName", "operatorIdNumber", "creditCode", "premisesRegionCode");
    private static final List<String> ENTERPRISE_FIELDS =
            List.of("enterpriseName", "creditCode", "operatorName", "registeredRegionCode");
    private static final List<String> MARRIAGE_FIELDS =
            List.of("husbandIdNumber", "husbandName", "wifeIdNumber", "wifeName", "status");

    /** The evidence lines, in the questions' order, and the facts read from them. */
    record Reading(List<Evidence> evidence, Facts facts) {}

    private final Declaration declaration;
    private final LocalDate checkDate;
    private final AddressReader reader;
    private final EligibilityThresholds thresholds;
    private final Facts facts = new Facts();

    private SourceChecks(Declaration declaration, LocalDate checkDate, AddressReader reader) {
        this.declaration = declaration;
        this.checkDate = checkDate;
        this.reader = reader;
        this.thresholds = declaration.plan().thresholds();
    }

    static Reading read(
            Declaration declaration,
            List<Question> questions,
            List<SourceAnswer> answers,
            LocalDate checkDate,
            AddressReader reader) {
        if (questions.size() != answers.size()) {
            throw new IllegalArgumentException(questions.size() + " questions but " + answers.size() + " answers");
        }
        SourceChecks checks = new SourceChecks(declaration, checkDate, reader);
        List<Evidence> evidence = new ArrayList<>(questions.size());
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            SourceAnswer a = answers.get(i);
            if (a.source() != q.source()) {
                throw new IllegalArgumentException("answer " + i + " is from " + a.source() + ", asked " + q.source());
            }
            evidence.add(checks.check(q, a));
        }
        checks.checkTypedCertificate(evidence);
        return new Reading(List.copyOf(evidence), checks.facts);
    }

    private Evidence check(Question q, SourceAnswer answer) {
        GovernmentSource source = q.source();
        facts.asked.add(source);
        Optional<DeclaredPerson> asked = declaration.person(q.idNumber());
        DeclaredPerson person = asked.orElse(null);
        Relation relation = asked.map(DeclaredPerson::relation).orElse(Relation.OTHER);
        if (answer.outcome() == SourceOutcome.SOURCE_ERROR) {
            facts.errored.add(source);
            return new Evidence(
                    source, q.idNumber(), relation, CheckOutcome.SOURCE_ERROR, List.of(), List.of(), List.of(), answer);
        }
        if (answer.outcome() == SourceOutcome.NO_RECORD || answer.records().isEmpty()) {
            if (source == GovernmentSource.HUKOU && relation == Relation.CHILD) {
                facts.childHukouMissing = true;
            }
            return new Evidence(
                    source, q.idNumber(), relation, CheckOutcome.NO_RECORD, List.of(), List.of(), List.of(), answer);
        }
        Line line = new Line();
        String id = q.idNumber().strip().toUpperCase(Locale.ROOT);
        for (Map<String, Object> record : answer.records()) {
            switch (source) {
                case HUKOU -> hukou(record, id, person, line);
                case BIRTH_CERTIFICATE -> birth(record, person, line);
                case RESIDENCE_PERMIT -> permit(record, id, person, line);
                case REAL_ESTATE_TITLE -> title(record, id, person, line);
                case PURCHASE_CONTRACT -> contract(record, id, person, line);
                case RENTAL_REGISTRATION -> rental(record, id, person, line);
                case AFFORDABLE_HOUSING -> affordable(record, id, person, line);
                case SOCIAL_INSURANCE -> insurance(record, id, person, line);
                case INDIVIDUAL_BUSINESS_LICENCE -> individualBusiness(record, id, person, line);
                case ENTERPRISE_LICENCE -> enterprise(record, person, line);
                case MARRIAGE -> marriage(record, id, person, line);
            }
            if (source == GovernmentSource.BIRTH_CERTIFICATE || source == GovernmentSource.HUKOU && line.done) {
                break;
            }
        }
        return new Evidence(
                source,
                q.idNumber(),
                relation,
                line.mismatches.isEmpty() ? CheckOutcome.MATCHED : CheckOutcome.MISMATCH,
                line.mismatches,
                fields(source),
                line.findings,
                answer);
    }

    /** What one answer's records add to its evidence line. */
    private static final class Line {
        final List<FieldMismatch> mismatches = new ArrayList<>();
        final List<MessageRef> findings = new ArrayList<>();
        boolean done;

        void compareName(String field, DeclaredPerson person, String recorded) {
            if (person != null && recorded != null && !RecordValues.sameName(person.name(), recorded)) {
                mismatches.add(new FieldMismatch(field, person.name(), recorded));
            }
        }

        void compare(String field, Object typed, Object recorded, boolean same) {
            if (typed != null && !same) {
                mismatches.add(new FieldMismatch(
                        field, String.valueOf(typed), recorded == null ? "" : String.valueOf(recorded)));
            }
        }
    }

    private static List<String> fields(GovernmentSource source) {
        return switch (source) {
            case HUKOU -> HUKOU_FIELDS;
            case BIRTH_CERTIFICATE -> BIRTH_FIELDS;
            case RESIDENCE_PERMIT -> PERMIT_FIELDS;
            case REAL_ESTATE_TITLE -> TITLE_FIELDS;
            case PURCHASE_CONTRACT -> CONTRACT_FIELDS;
            case RENTAL_REGISTRATION -> RENTAL_FIELDS;
            case AFFORDABLE_HOUSING -> AFFORDABLE_FIELDS;
            case SOCIAL_INSURANCE -> INSURANCE_FIELDS;
            case INDIVIDUAL_BUSINESS_LICENCE -> INDIVIDUAL_FIELDS;
            case ENTERPRISE_LICENCE -> ENTERPRISE_FIELDS;
            case MARRIAGE -> MARRIAGE_FIELDS;
        };
    }

    private void hukou(Map<String, Object> record, String id, DeclaredPerson person, Line line) {
        String recordId = RecordValues.text(record, "idNumber");
        if (recordId != null && !recordId.equalsIgnoreCase(id)) {
            return;
        }
        line.done = true;
        line.compareName("name", person, RecordValues.text(record, "name"));
        if (person == null || person.relation() != Relation.CHILD) {
            return;
        }
        Placement place = reader.place(RecordValues.text(record, "regionCode"), RecordValues.text(record, "address"));
        facts.childHukou = new Facts.HukouFact(record, place);
        if (place.kind() == Placement.Kind.IN_COUNTY) {
            line.findings.add(MessageRef.of(OUTSIDE_ZONES, MessageRef.of(SUBJECT_HUKOU), place.line()));
        }
        if (!place.inCounty() && declaration.type() == ApplicationType.LOCAL) {
            line.findings.add(MessageRef.of(HUKOU_NOT_LOCAL, nonNull(RecordValues.text(record, "regionName"))));
        }
    }

    private void birth(Map<String, Object> record, DeclaredPerson child, Line line) {
        line.compareName("childName", child, RecordValues.text(record, "childName"));
        if (child != null && child.relation() == Relation.CHILD) {
            LocalDate fromId = birthDateOf(child.idNumber());
            LocalDate recorded = RecordValues.date(record, "birthDate");
            line.compare("birthDate", fromId, recorded, fromId == null || fromId.equals(recorded));
        }
        parent(record, "fatherIdNumber", "fatherName", Relation.FATHER, line);
        parent(record, "motherIdNumber", "motherName", Relation.MOTHER, line);
    }

    /** A declared parent must be the one on the birth certificate: same number, then same name. */
    private void parent(Map<String, Object> record, String idField, String nameField, Relation relation, Line line) {
        Optional<DeclaredPerson> declared = declaration.adult(relation);
        String recordedId = RecordValues.text(record, idField);
        if (declared.isEmpty() || recordedId == null) {
            return;
        }
        if (!recordedId.equalsIgnoreCase(declared.get().idNumber())) {
            line.compare(idField, declared.get().idNumber(), recordedId, false);
            return;
        }
        line.compareName(nameField, declared.get(), RecordValues.text(record, nameField));
    }

    private void permit(Map<String, Object> record, String id, DeclaredPerson holder, Line line) {
        String recordId = RecordValues.text(record, "idNumber");
        if (recordId != null && !recordId.equalsIgnoreCase(id)) {
            return;
        }
        line.compareName("name", holder, RecordValues.text(record, "name"));
        LocalDate issue = RecordValues.date(record, "issueDate");
        LocalDate until = RecordValues.date(record, "validUntil");
        Optional<DeclaredPermit> typed = declaration.permitOf(id);
        if (typed.isPresent()) {
            DeclaredPermit t = typed.get();
            line.compare(
                    "issueDate",
                    t.issueDate(),
                    issue,
                    t.issueDate() == null || t.issueDate().equals(issue));
            line.compare(
                    "validUntil",
                    t.validUntil(),
                    until,
                    t.validUntil() == null || t.validUntil().equals(until));
            String authority = RecordValues.text(record, "issuingAuthority");
            line.compare(
                    "issuingAuthority",
                    t.issuingAuthority(),
                    authority,
                    t.issuingAuthority() == null || RecordValues.sameText(t.issuingAuthority(), authority));
            String residence = RecordValues.text(record, "residenceAddress");
            line.compare(
                    "residenceAddress",
                    t.registeredAddress(),
                    residence,
                    t.registeredAddress() == null || RecordValues.sameText(t.registeredAddress(), residence));
        }
        boolean valid = issue != null && until != null
                ? !checkDate.isBefore(issue) && !checkDate.isAfter(until)
                : Boolean.TRUE.equals(RecordValues.bool(record, "valid"));
        Placement residence = reader.place(null, RecordValues.text(record, "residenceAddress"));
        String authority = RecordValues.text(record, "issuingAuthority");
        boolean local = residence.inCounty()
                || authority != null
                        && RecordValues.squeeze(authority)
                                .startsWith(
                                        RecordValues.squeeze(declaration.plan().countyName()));
        int months = thresholds.permitMonthsByCutoff();
        LocalDate cutoff = thresholds.cutoffIn(declaration.plan().planYear());
        String name = holder == null ? nonNull(RecordValues.text(record, "name")) : holder.name();
        MessageRef problem = null;
        if (!valid) {
            problem = MessageRef.of(PERMIT_EXPIRED, name, until == null ? "" : until);
        } else if (!local) {
            problem = MessageRef.of(PERMIT_NOT_LOCAL, name, residence.line());
        } else if (months > 0 && (issue == null || issue.plusMonths(months).isAfter(cutoff))) {
            problem = MessageRef.of(PERMIT_TOO_RECENT, name, issue == null ? "" : issue, cutoff, months);
        }
        if (problem != null) {
            line.findings.add(problem);
        }
        if (holder != null) {
            facts.permits.add(new Facts.PermitFact(holder, record, issue, until, valid, problem));
        }
    }

    private Holding holding(DeclaredPerson person) {
        // A legal guardian other than a grandparent stands in for the parents: their home is the child's own.
        return person.relation().parent() || person.relation() == Relation.OTHER ? Holding.PARENT : Holding.RELATIVE;
    }

    private void title(Map<String, Object> record, String id, DeclaredPerson person, Line line) {
        boolean holder = id.equalsIgnoreCase(nonNull(RecordValues.text(record, "holderIdNumber")));
        Map<String, Object> coOwner = RecordValues.records(record, "coOwners").stream()
                .filter(c -> id.equalsIgnoreCase(nonNull(RecordValues.text(c, "idNumber"))))
                .findFirst()
                .orElse(null);
        if (!holder && coOwner == null) {
            return;
        }
        if (holder) {
            line.compareName("holderName", person, RecordValues.text(record, "holderName"));
        } else {
            line.compareName("coOwnerName", person, RecordValues.text(coOwner, "name"));
        }
        Placement place =
                reader.place(RecordValues.text(record, "locationRegionCode"), RecordValues.text(record, "location"));
        note(place, SUBJECT_PROPERTY, line);
        if (person != null && person.relation() != Relation.CHILD) {
            facts.addHome(new Facts.HomeFact(
                    GovernmentSource.REAL_ESTATE_TITLE,
                    RecordValues.text(record, "certificateNumber"),
                    person,
                    holding(person),
                    place,
                    RecordValues.date(record, "registrationDate"),
                    RecordValues.text(record, "coOwnershipType"),
                    holder ? RecordValues.text(record, "holderShare") : RecordValues.text(coOwner, "share"),
                    RecordValues.text(record, "certificateNumber"),
                    RecordValues.text(record, "use")));
        }
    }

    private static final Pattern OWNERSHIP_TYPE = Pattern.compile("^([^（(]+)");
    private static final Pattern OWNERS = Pattern.compile("[（(](.*)[）)]");
    private static final Pattern SHARE = Pattern.compile("(\\d+(?:\\.\\d+)?%)$");

    /**
     * A contract names its co-buyers only in 共有方式及权利份额 ("按份共有（张三60%，李四40%）"), without numbers: a
     * co-buyer is a declared adult whose exact name is one of them, and only when the buyer is not a declared adult
     * (whose number settles whose home it is). Registries that match co-buyers by name return contracts of
     * namesakes and of longer names containing the name; those rows are not about the person.
     */
    private void contract(Map<String, Object> record, String id, DeclaredPerson person, Line line) {
        boolean buyer = id.equalsIgnoreCase(nonNull(RecordValues.text(record, "buyerIdNumber")));
        String ownership = nonNull(RecordValues.text(record, "coOwnership"));
        Map<String, String> owners = owners(ownership);
        boolean buyerDeclared =
                declaration.person(RecordValues.text(record, "buyerIdNumber")).isPresent();
        boolean coBuyer =
                person != null && !buyer && !buyerDeclared && owners.containsKey(RecordValues.nfc(person.name()));
        if (!buyer && !coBuyer) {
            return;
        }
        if (buyer) {
            line.compareName("buyerName", person, RecordValues.text(record, "buyerName"));
        }
        Placement place =
                reader.place(RecordValues.text(record, "locationRegionCode"), RecordValues.text(record, "location"));
        note(place, SUBJECT_PROPERTY, line);
        if (person != null && person.relation() != Relation.CHILD) {
            Matcher type = OWNERSHIP_TYPE.matcher(ownership);
            facts.addHome(new Facts.HomeFact(
                    GovernmentSource.PURCHASE_CONTRACT,
                    RecordValues.text(record, "contractNumber"),
                    person,
                    holding(person),
                    place,
                    null,
                    type.find() ? type.group(1).strip() : null,
                    owners.get(RecordValues.nfc(person.name())),
                    null,
                    RecordValues.text(record, "plannedUse")));
        }
    }

    /** The owners named in 共有方式及权利份额, each with their share ("60%") or {@code null}. */
    private static Map<String, String> owners(String ownership) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher inside = OWNERS.matcher(ownership);
        if (!inside.find()) {
            return out;
        }
        for (String token : inside.group(1).split("[，,、]")) {
            String t = token.strip();
            Matcher share = SHARE.matcher(t);
            if (share.find()) {
                out.put(t.substring(0, share.start()).strip(), share.group(1));
            } else if (!t.isEmpty()) {
                out.put(t, null);
            }
        }
        return out;
    }

    private void rental(Map<String, Object> record, String id, DeclaredPerson person, Line line) {
        if (!id.equalsIgnoreCase(nonNull(RecordValues.text(record, "tenantIdNumber")))) {
            return;
        }
        line.compareName("tenantName", person, RecordValues.text(record, "tenantName"));
        LocalDate start = RecordValues.date(record, "leaseStart");
        LocalDate end = RecordValues.date(record, "leaseEnd");
        boolean running = start != null && end != null && !checkDate.isBefore(start) && !checkDate.isAfter(end);
        Placement place =
                reader.place(RecordValues.text(record, "locationRegionCode"), RecordValues.text(record, "location"));
        if (!running) {
            line.findings.add(MessageRef.of(
                    RENTAL_ENDED, nonNull(RecordValues.text(record, "registrationNumber")), end == null ? "" : end));
        }
        if (!place.inCounty()) {
            line.findings.add(MessageRef.of(OUTSIDE_COUNTY, MessageRef.of(SUBJECT_RENTAL), place.line()));
        }
        if (person != null) {
            facts.addRental(new Facts.RentalFact(
                    GovernmentSource.RENTAL_REGISTRATION,
                    RecordValues.text(record, "registrationNumber"),
                    person,
                    place,
                    start,
                    end,
                    running));
        }
    }

    private void affordable(Map<String, Object> record, String id, DeclaredPerson person, Line line) {
        if (!id.equalsIgnoreCase(nonNull(RecordValues.text(record, "memberIdNumber")))) {
            return;
        }
        line.compareName("memberName", person, RecordValues.text(record, "memberName"));
        if (person == null) {
            return;
        }
        Placement place = reader.place(RecordValues.text(record, "regionCode"), RecordValues.text(record, "address"));
        String support = nonNull(RecordValues.text(record, "supportType"));
        LocalDate start = RecordValues.date(record, "contractStart");
        LocalDate end = RecordValues.date(record, "contractEnd");
        boolean running = start != null && end != null && !checkDate.isBefore(start) && !checkDate.isAfter(end);
        String key = RecordValues.text(record, "applicationNumber");
        // 公共租赁住房 and 廉租住房 are rented (有户无房（二）); owned affordable housing is 有户无房（一） per seed 004.
        if (support.contains("租")) {
            facts.addRental(
                    new Facts.RentalFact(GovernmentSource.AFFORDABLE_HOUSING, key, person, place, start, end, running));
        } else if (running) {
            facts.addHome(new Facts.HomeFact(
                    GovernmentSource.AFFORDABLE_HOUSING,
                    key,
                    person,
                    Holding.AFFORDABLE,
                    place,
                    start,
                    null,
                    null,
                    null,
                    support));
        }
    }

    private void insurance(Map<String, Object> record, String id, DeclaredPerson insured, Line line) {
        String recordId = RecordValues.text(record, "idNumber");
        if (recordId != null && !recordId.equalsIgnoreCase(id)) {
            return;
        }
        line.compareName("name", insured, RecordValues.text(record, "name"));
        YearMonth current = YearMonth.from(checkDate);
        YearMonth windowStart = current.minusMonths(thresholds.insuranceWindowMonths());
        YearMonth windowEnd = current.minusMonths(1);
        List<YearMonth> paid = RecordValues.months(record, "paidMonths");
        YearMonth start = RecordValues.month(record, "startMonth");
        YearMonth end = RecordValues.month(record, "endMonth");
        if (paid != null && !paid.isEmpty()) {
            start = start == null ? paid.get(0) : start;
            end = end == null ? paid.get(paid.size() - 1) : end;
        }
        int paidInWindow;
        if (paid != null) {
            paidInWindow = (int) paid.stream()
                    .filter(m -> !m.isBefore(windowStart) && !m.isAfter(windowEnd))
                    .distinct()
                    .count();
        } else {
            Integer n = RecordValues.integer(record, "monthsPaidLast24");
            paidInWindow = n == null ? 0 : n;
        }
        int expected = paidInWindow;
        if (start != null && end != null) {
            YearMonth from = start.isBefore(windowStart) ? windowStart : start;
            YearMonth to = end.isAfter(windowEnd) ? windowEnd : end;
            expected = Math.max(paidInWindow, from.isAfter(to) ? 0 : (int) ChronoUnit.MONTHS.between(from, to) + 1);
        }
        String name = insured == null ? nonNull(RecordValues.text(record, "name")) : insured.name();
        MessageRef problem = null;
        if (expected - paidInWindow > thresholds.insuranceMaxMissingMonths()) {
            problem = MessageRef.of(INSURANCE_SHORT, name, expected, paidInWindow, expected - paidInWindow);
        } else if (end == null || end.isBefore(current.minusMonths(thresholds.insuranceLapseMonths()))) {
            problem = MessageRef.of(INSURANCE_LAPSED, name, end == null ? "" : end);
        } else if (paidInWindow < thresholds.insuranceMinMonths()) {
            problem = MessageRef.of(INSURANCE_TOO_FEW, name, paidInWindow, thresholds.insuranceMinMonths());
        }
        if (problem != null) {
            line.findings.add(problem);
        }
        if (insured != null) {
            facts.insurance.add(
                    new Facts.InsuranceFact(insured, record, start, end, current, paidInWindow, expected, problem));
        }
    }

    private void individualBusiness(Map<String, Object> record, String id, DeclaredPerson operator, Line line) {
        if (!id.equalsIgnoreCase(nonNull(RecordValues.text(record, "operatorIdNumber")))) {
            return;
        }
        line.compareName("operatorName", operator, RecordValues.text(record, "operatorName"));
        business(
                GovernmentSource.INDIVIDUAL_BUSINESS_LICENCE,
                operator,
                RecordValues.text(record, "creditCode"),
                RecordValues.text(record, "premisesRegionCode"),
                line);
    }

    private void enterprise(Map<String, Object> record, DeclaredPerson operator, Line line) {
        line.compareName("operatorName", operator, RecordValues.text(record, "operatorName"));
        business(
                GovernmentSource.ENTERPRISE_LICENCE,
                operator,
                RecordValues.text(record, "enterpriseName"),
                RecordValues.text(record, "registeredRegionCode"),
                line);
    }

    private void business(GovernmentSource source, DeclaredPerson operator, String name, String regionCode, Line line) {
        boolean inCounty = declaration.plan().county().value().equals(regionCode);
        if (!inCounty) {
            line.findings.add(MessageRef.of(BUSINESS_NOT_LOCAL, nonNull(name), nonNull(regionCode)));
        }
        if (operator != null) {
            facts.businesses.add(new Facts.BusinessFact(source, operator, name, inCounty));
        }
    }

    private void marriage(Map<String, Object> record, String id, DeclaredPerson person, Line line) {
        if (id.equalsIgnoreCase(nonNull(RecordValues.text(record, "husbandIdNumber")))) {
            line.compareName("husbandName", person, RecordValues.text(record, "husbandName"));
        } else if (id.equalsIgnoreCase(nonNull(RecordValues.text(record, "wifeIdNumber")))) {
            line.compareName("wifeName", person, RecordValues.text(record, "wifeName"));
        }
    }

    private static void note(Placement place, String subject, Line line) {
        if (place.kind() == Placement.Kind.IN_COUNTY) {
            line.findings.add(MessageRef.of(OUTSIDE_ZONES, MessageRef.of(subject), place.line()));
        } else if (place.kind() == Placement.Kind.OUTSIDE_COUNTY) {
            line.findings.add(MessageRef.of(OUTSIDE_COUNTY, MessageRef.of(subject), place.line()));
        }
    }

    /**
     * A typed 产权证编号 must be one of the titles found about any declared adult; when titles were found but none
     * carries it, the first title line shows the mismatch.
     */
    private void checkTypedCertificate(List<Evidence> evidence) {
        String typed = declaration.certificateNumber();
        if (typed == null) {
            return;
        }
        List<String> found = new ArrayList<>();
        for (Evidence e : evidence) {
            if (e.source() == GovernmentSource.REAL_ESTATE_TITLE && e.answer() != null) {
                for (Map<String, Object> r : e.answer().records()) {
                    String n = RecordValues.text(r, "certificateNumber");
                    if (n != null) {
                        found.add(n);
                    }
                }
            }
        }
        if (found.isEmpty() || found.stream().anyMatch(n -> RecordValues.sameText(typed, n))) {
            return;
        }
        for (int i = 0; i < evidence.size(); i++) {
            Evidence e = evidence.get(i);
            if (e.source() == GovernmentSource.REAL_ESTATE_TITLE
                    && !e.answer().records().isEmpty()
                    && e.outcome() != CheckOutcome.SOURCE_ERROR) {
                List<FieldMismatch> mismatches = new ArrayList<>(e.mismatches());
                mismatches.add(new FieldMismatch("certificateNumber", typed, String.join("、", found)));
                evidence.set(
                        i,
                        new Evidence(
                                e.source(),
                                e.subjectIdNumber(),
                                e.subjectRelation(),
                                CheckOutcome.MISMATCH,
                                mismatches,
                                e.fieldsUsed(),
                                e.findings(),
                                e.answer()));
                return;
            }
        }
    }

    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

    static LocalDate birthDateOf(String idNumber) {
        if (idNumber == null || idNumber.length() != 18) {
            return null;
        }
        try {
            return LocalDate.parse(idNumber.substring(6, 14), BASIC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
