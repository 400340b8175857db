package org.oneenroll.verification.entity;

import java.time.LocalDate;
import java.time.MonthDay;

/**
 * Every number the category rules compare with, in one place, each with the policy text it comes from. A plan
 * picks a preset ({@link #GANSU} for the Gansu pilot counties, {@link #JINING} for the seed 001 example guide) or
 * its own values; the rules never hold a number of their own.
 *
 * @param cutoff                      the day eligibility is judged on (age and permit holding)
 * @param permitMonthsByCutoff        months a residence permit must have been held by the cutoff; 0: it need only be
 *                                    valid on the day of the check
 * @param insuranceWindowMonths       how far back social-insurance months are counted
 * @param insuranceMinMonths          paid months needed inside the window
 * @param insuranceMaxMissingMonths   unpaid months tolerated inside the window since the first payment
 * @param insuranceLapseMonths        how many months before the check month the last payment may lie
 */
public record EligibilityThresholds(
        MonthDay cutoff,
        int permitMonthsByCutoff,
        int insuranceWindowMonths,
        int insuranceMinMonths,
        int insuranceMaxMissingMonths,
        int insuranceLapseMonths) {

    /** Seed 001 附件1 二 and 附件2 二: children "当年8月31日年满6周岁", permits "8月31日前连续满6个月". */
    public static final MonthDay CUTOFF = MonthDay.of(8, 31);

    /** Seed 001 附件2 二: "持有本县居住证（8月31日前连续满6个月）". */
    public static final int PERMIT_MONTHS_SEED_001 = 6;

    /** Seed 000 附件2 asks only "居住证信息核验 有效/无效": a permit valid on the day of the check. */
    public static final int PERMIT_MONTHS_SEED_000 = 0;

    /** Seed 000 附件1/附件2/附件6: "近两年累计缴纳月数", so payments are counted over 24 months. */
    public static final int INSURANCE_WINDOW_MONTHS = 24;

    /**
     * No seed fixes a minimum for social insurance (seed 001 only names 从业情况 as a points item); six months
     * mirrors the six months seed 001 附件2 asks of the residence permit. A plan parameter: confirm per county.
     */
    public static final int INSURANCE_MIN_MONTHS = 6;

    /** Payments must be continuous since the first paid month inside the window (断缴 is the generator's fault). */
    public static final int INSURANCE_MAX_MISSING_MONTHS = 0;

    /** The previous month's payment is the latest a platform can show (seed 000 附件6: updated daily, billed monthly). */
    public static final int INSURANCE_LAPSE_MONTHS = 1;

    /** The Gansu pilot counties (seed 000): permit valid on the day of the check. */
    public static final EligibilityThresholds GANSU = new EligibilityThresholds(
            CUTOFF,
            PERMIT_MONTHS_SEED_000,
            INSURANCE_WINDOW_MONTHS,
            INSURANCE_MIN_MONTHS,
            INSURANCE_MAX_MISSING_MONTHS,
            INSURANCE_LAPSE_MONTHS);

    /** The seed 001 example guide (Jining): permit held six months without a break by 31 August. */
    public static final EligibilityThresholds JINING = new EligibilityThresholds(
            CUTOFF,
            PERMIT_MONTHS_SEED_001,
            INSURANCE_WINDOW_MONTHS,
            INSURANCE_MIN_MONTHS,
            INSURANCE_MAX_MISSING_MONTHS,
            INSURANCE_LAPSE_MONTHS);

    public EligibilityThresholds {
        if (cutoff == null
                || permitMonthsByCutoff < 0
                || insuranceWindowMonths < 1
                || insuranceMinMonths < 0
                || insuranceMinMonths > insuranceWindowMonths
                || insuranceMaxMissingMonths < 0
                || insuranceLapseMonths < 0) {
            throw new IllegalArgumentException("inconsistent thresholds");
        }
    }

    /** The cutoff date of a plan year (31 August 2026 for 2026). */
    public LocalDate cutoffIn(int planYear) {
        return cutoff.atYear(planYear);
    }
}
