package org.oneenroll.intake.control;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.oneenroll.identity.entity.Address;
import org.oneenroll.identity.entity.NationalId;
import org.oneenroll.identity.entity.PhoneNumber;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.intake.entity.ApplicationForm;
import org.oneenroll.platform.control.Messages;
import org.oneenroll.platform.entity.InvalidValueException;
import org.oneenroll.policy.control.AgeRule;
import org.oneenroll.policy.entity.Stage;
import org.oneenroll.verification.entity.ApplicationType;
import org.oneenroll.verification.entity.Declaration;
import org.oneenroll.verification.entity.DeclaredPermit;
import org.oneenroll.verification.entity.DeclaredPerson;
import org.oneenroll.verification.entity.PlanContext;
import org.oneenroll.verification.entity.PreferentialClaim;
import org.oneenroll.verification.entity.Relation;

/**
 * The automatic form checks of seed 004 (自动校验): each wizard step's fields as the parent types them, with a
 * Chinese message per field, and the complete form turned into the {@link Declaration} a case is submitted with.
 * Pure: the plan's county, towns, year and window come in as a {@link Context}.
 */
public final class ApplicationChecks {

    /** The wizard's steps that hold fields, in order. */
    public enum Step {
        KIND,
        CHILD,
        GUARDIAN,
        CONSENT
    }

    /**
     * What the checks need of the plan and the day.
     *
     * @param towns        the county's towns and street offices: 9-digit code to name
     * @param windowOpens  the first day of the application window (a permit must still be valid then)
     */
    public record Context(
            RegionCode county, Map<String, String> towns, int planYear, LocalDate today, LocalDate windowOpens) {}

    /** One field the parent must correct, with what to do, in Chinese. */
    public record Problem(String field, String message) {}

    private static final Locale ZH = Messages.DEFAULT_LOCALE;
    private static final int MAX_NAME = 64;

    private final Context context;

    public ApplicationChecks(Context context) {
        this.context = context;
    }

    /** The problems of one step's fields; empty when the step is complete and right. */
    public List<Problem> check(ApplicationForm form, Step step) {
        List<Problem> problems = new ArrayList<>();
        switch (step) {
            case KIND -> {
                if (blank(form.getStage()) || stage(form) == null) {
                    problems.add(required("stage", "学段"));
                }
                if (blank(form.getType())
                        || java.util.Arrays.stream(ApplicationType.values())
                                .noneMatch(t -> t.name().equals(form.getType()))) {
                    problems.add(required("type", "报名类型"));
                }
            }
            case CHILD -> {
                name(problems, "childName", form.getChildName(), "学生姓名");
                String childProblem = childId(form.getChildId(), stage(form));
                if (childProblem != null) {
                    problems.add(new Problem("childId", childProblem));
                }
                if (blank(form.getTownCode())) {
                    problems.add(required("townCode", "乡镇（街道）"));
                } else if (!context.towns().containsKey(form.getTownCode())) {
                    problems.add(new Problem("townCode", text("apply.town-unknown", form.getTownCode())));
                }
                if (blank(form.getCommunity())) {
                    problems.add(required("community", "社区（村）"));
                } else {
                    address(form).ifPresent(problems::add);
                }
            }
            case GUARDIAN -> {
                name(problems, "guardianName", form.getGuardianName(), "监护人姓名");
                adultId(problems, "guardianId", form.getGuardianId());
                relation(problems, "guardianRelation", form.getGuardianRelation());
                phone(problems, "guardianPhone", form.getGuardianPhone());
                name(problems, "contactName", form.getContactName(), "紧急联系人姓名");
                adultId(problems, "contactId", form.getContactId());
                relation(problems, "contactRelation", form.getContactRelation());
                phone(problems, "contactPhone", form.getContactPhone());
                if (!blank(form.getGuardianId()) && norm(form.getGuardianId()).equals(norm(form.getContactId()))) {
                    problems.add(new Problem("contactId", text("apply.contact-same")));
                }
                if (form.nonLocal()) {
                    permit(problems, form);
                }
            }
            case CONSENT -> {
                if (!form.isConsent()) {
                    problems.add(new Problem("consent", text("apply.consent-required")));
                }
            }
        }
        return problems;
    }

    /** Every step's problems, in step order. */
    public List<Problem> checkAll(ApplicationForm form) {
        List<Problem> problems = new ArrayList<>();
        for (Step s : Step.values()) {
            problems.addAll(check(form, s));
        }
        return problems;
    }

    /**
     * The child's number as the parent types it: the check digit, and for primary school the age on 31 August
     * (seed 001). {@code null} when it is right.
     */
    public String childId(String typed, Stage stage) {
        if (blank(typed)) {
            return text("field.required", "学生身份证号");
        }
        NationalId id;
        try {
            id = NationalId.of(typed, context.today());
        } catch (InvalidValueException e) {
            return e.message(ZH);
        }
        if (stage == Stage.PRIMARY) {
            AgeRule.Verdict age = new AgeRule().primary(id.birthDate(), context.planYear());
            if (!age.eligible()) {
                return Messages.format(ZH, age.messageKey(), age.arguments());
            }
        }
        return null;
    }

    /**
     * The declaration of a complete form.
     *
     * @throws InvalidValueException naming the first field that is wrong, in Chinese
     */
    public Declaration declaration(ApplicationForm form, PlanContext plan) {
        List<Problem> problems = checkAll(form);
        if (!problems.isEmpty()) {
            Problem first = problems.get(0);
            throw new InvalidValueException(first.field(), "apply.problem", first.message());
        }
        DeclaredPerson child = new DeclaredPerson(form.getChildName(), form.getChildId(), Relation.CHILD);
        DeclaredPerson guardian = new DeclaredPerson(
                form.getGuardianName(), form.getGuardianId(), Relation.valueOf(form.getGuardianRelation()));
        DeclaredPerson contact = new DeclaredPerson(
                form.getContactName(), form.getContactId(), Relation.valueOf(form.getContactRelation()));
        // The other parent as emergency contact is a guardian too: a home in their name counts as the family's.
        List<DeclaredPerson> guardians = new ArrayList<>(List.of(guardian));
        List<DeclaredPerson> members = new ArrayList<>();
        if (contact.relation().parent() && guardian.relation().parent()) {
            guardians.add(contact);
        } else {
            members.add(contact);
        }
        List<DeclaredPermit> permits = new ArrayList<>();
        if (form.nonLocal()) {
            permits.add(new DeclaredPermit(
                    guardian.idNumber(),
                    LocalDate.parse(form.getPermitIssueDate().strip()),
                    LocalDate.parse(form.getPermitValidUntil().strip()),
                    form.getPermitAuthority().strip(),
                    form.getPermitAddress().strip()));
        }
        return new Declaration(
                ApplicationType.valueOf(form.getType()),
                child,
                guardians,
                members,
                homeAddress(form),
                permits,
                form.getCertificateNumber(),
                claim(form),
                plan);
    }

    private static PreferentialClaim claim(ApplicationForm form) {
        try {
            return form.getClaim() == null ? PreferentialClaim.NONE : PreferentialClaim.valueOf(form.getClaim());
        } catch (IllegalArgumentException e) {
            return PreferentialClaim.NONE;
        }
    }

    private static Stage stage(ApplicationForm form) {
        try {
            return form.getStage() == null ? null : Stage.valueOf(form.getStage());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private java.util.Optional<Problem> address(ApplicationForm form) {
        try {
            homeAddress(form);
            return java.util.Optional.empty();
        } catch (InvalidValueException e) {
            return java.util.Optional.of(new Problem(e.field(), e.message(ZH)));
        }
    }

    private Address homeAddress(ApplicationForm form) {
        return Address.of(
                context.county(),
                form.getTownCode() == null ? null : form.getTownCode().strip(),
                form.getCommunity(),
                form.getCompound(),
                form.getBuilding(),
                form.getDetail());
    }

    private void adultId(List<Problem> problems, String field, String typed) {
        if (blank(typed)) {
            problems.add(required(field, "身份证号"));
            return;
        }
        try {
            NationalId id = NationalId.of(typed, context.today());
            if (id.ageOn(context.today()) < 18) {
                problems.add(new Problem(field, text("apply.adult-age", id.ageOn(context.today()))));
            }
        } catch (InvalidValueException e) {
            problems.add(new Problem(field, e.message(ZH)));
        }
    }

    private void permit(List<Problem> problems, ApplicationForm form) {
        LocalDate issued = date(problems, "permitIssueDate", form.getPermitIssueDate(), "居住证签发日期");
        LocalDate until = date(problems, "permitValidUntil", form.getPermitValidUntil(), "居住证有效日期");
        if (issued != null && issued.isAfter(context.today())) {
            problems.add(new Problem("permitIssueDate", text("apply.permit-issued-future")));
        }
        if (issued != null && until != null && !until.isAfter(issued)) {
            problems.add(new Problem("permitValidUntil", text("apply.permit-order")));
        } else if (until != null && until.isBefore(context.windowOpens())) {
            problems.add(new Problem(
                    "permitValidUntil",
                    text(
                            "apply.permit-expired",
                            until.toString(),
                            context.windowOpens().toString())));
        }
        if (blank(form.getPermitAuthority())) {
            problems.add(required("permitAuthority", "居住证签发机关"));
        }
        if (blank(form.getPermitAddress())) {
            problems.add(required("permitAddress", "居住证登记现居住地"));
        }
    }

    private static LocalDate date(List<Problem> problems, String field, String typed, String label) {
        if (blank(typed)) {
            problems.add(required(field, label));
            return null;
        }
        try {
            return LocalDate.parse(typed.strip());
        } catch (DateTimeParseException e) {
            problems.add(new Problem(field, text("apply.date-format", label, typed.strip())));
            return null;
        }
    }

    private static void name(List<Problem> problems, String field, String typed, String label) {
        if (blank(typed)) {
            problems.add(required(field, label));
        } else if (typed.strip().length() > MAX_NAME) {
            problems.add(new Problem(field, text("address.text-too-long", label, MAX_NAME)));
        }
    }

    private static void relation(List<Problem> problems, String field, String typed) {
        if (blank(typed)) {
            problems.add(required(field, "与学生关系"));
            return;
        }
        try {
            if (Relation.valueOf(typed) == Relation.CHILD) {
                problems.add(required(field, "与学生关系"));
            }
        } catch (IllegalArgumentException e) {
            problems.add(required(field, "与学生关系"));
        }
    }

    private static void phone(List<Problem> problems, String field, String typed) {
        if (blank(typed)) {
            problems.add(required(field, "手机号码"));
            return;
        }
        try {
            PhoneNumber.of(typed);
        } catch (InvalidValueException e) {
            problems.add(new Problem(field, e.message(ZH)));
        }
    }

    private static Problem required(String field, String label) {
        return new Problem(field, text("field.required", label));
    }

    private static String text(String key, Object... arguments) {
        return Messages.format(ZH, key, arguments);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String norm(String s) {
        return s == null ? "" : s.strip().toUpperCase(Locale.ROOT);
    }
}
