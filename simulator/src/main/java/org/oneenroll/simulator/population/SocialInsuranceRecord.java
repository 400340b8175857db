package org.oneenroll.simulator.population;

import java.time.YearMonth;
import java.util.List;

/**
 * 参保缴费: one person's payments for one insurance type with one employer (seed 001 附件3). The form's 起始时间,
 * 结束时间 and 近两年累计缴纳月数 (seed 000) derive from the paid months.
 *
 * @param idNumber      身份证号
 * @param name          姓名
 * @param employerName  参保单位名称
 * @param paidMonths    缴纳年月, ascending and without duplicates
 * @param insuranceType 参保险种
 */
public record SocialInsuranceRecord(
        String idNumber, String name, String employerName, List<YearMonth> paidMonths, String insuranceType) {

    /** 起始时间: the first paid month. */
    public YearMonth firstMonth() {
        return paidMonths.get(0);
    }

    /** 结束时间: the last paid month. */
    public YearMonth lastMonth() {
        return paidMonths.get(paidMonths.size() - 1);
    }

    /** 近两年累计缴纳月数: paid months among the 24 months ending with {@code asOf}. */
    public int monthsInLastTwoYears(YearMonth asOf) {
        YearMonth from = asOf.minusMonths(23);
        int n = 0;
        for (YearMonth m : paidMonths) {
            if (!m.isBefore(from) && !m.isAfter(asOf)) {
                n++;
            }
        }
        return n;
    }
}
