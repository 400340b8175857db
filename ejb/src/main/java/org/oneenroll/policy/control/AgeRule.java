package org.oneenroll.policy.control;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import org.oneenroll.policy.entity.Stage;

/**
 * The age rule of compulsory education: a primary applicant is 6 full years old on 31 August of the plan
 * year; a junior applicant graduates from primary school that year. Children 8 or older on the cut-off
 * are not refused (late entry happens) but are sent to a counter.
 */
public final class AgeRule {

    static final MonthDay CUT_OFF = MonthDay.of(8, 31);
    static final int PRIMARY_AGE = 6;
    static final int PRIMARY_LATE_AGE = 8;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    /** The verdict, with the message key and arguments that explain it to a parent. */
    public record Verdict(boolean eligible, boolean needsCounter, String messageKey, Object[] arguments) {}

    public Verdict primary(LocalDate birthDate, int planYear) {
        LocalDate cutOff = CUT_OFF.atYear(planYear);
        int age = birthDate.isAfter(cutOff)
                ? 0
                : Period.between(birthDate, cutOff).getYears();
        if (age < PRIMARY_AGE) {
            return new Verdict(false, false, "eligibility.primary.too-young", new Object[] {
                String.valueOf(planYear), DAY.format(birthDate), age
            });
        }
        if (age >= PRIMARY_LATE_AGE) {
            return new Verdict(true, true, "eligibility.primary.too-old", new Object[] {
                DAY.format(birthDate), String.valueOf(planYear), age
            });
        }
        return new Verdict(true, false, "eligibility.ok", new Object[] {String.valueOf(planYear)});
    }

    /** Junior applicants are that year's primary graduates; the graduation year comes from the student record. */
    public Verdict junior(Integer primaryGraduationYear, int planYear) {
        if (primaryGraduationYear == null || primaryGraduationYear != planYear) {
            return new Verdict(
                    false, false, "eligibility.junior.not-graduate", new Object[] {String.valueOf(planYear)});
        }
        return new Verdict(true, false, "eligibility.ok", new Object[] {String.valueOf(planYear)});
    }

    public Verdict check(Stage stage, LocalDate birthDate, Integer primaryGraduationYear, int planYear) {
        return stage == Stage.PRIMARY ? primary(birthDate, planYear) : junior(primaryGraduationYear, planYear);
    }
}
