package org.oneenroll.intake.entity;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.platform.entity.InvalidValueException;
import org.oneenroll.policy.entity.Stage;

/**
 * A case number people can read out on the phone: county code, plan year, stage letter (X 小学, C 初中) and
 * a sequence of at least six digits, e.g. {@code 620123-2027-X-000042}.
 */
public record CaseNumber(RegionCode county, int year, Stage stage, long sequence) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{6})-(\\d{4})-([XC])-(\\d{6,9})");

    public CaseNumber {
        Objects.requireNonNull(county, "county");
        Objects.requireNonNull(stage, "stage");
        if (sequence < 1 || sequence > 999_999_999L) {
            throw new IllegalArgumentException("sequence out of range: " + sequence);
        }
    }

    /** Reads a number as typed or read out; blanks around it and a lower-case stage letter are accepted. */
    public static CaseNumber parse(String text) {
        String t = text == null ? "" : text.strip().toUpperCase(java.util.Locale.ROOT);
        Matcher m = FORMAT.matcher(t);
        if (!m.matches()) {
            throw new InvalidValueException("caseNumber", "case.number-format", t);
        }
        return new CaseNumber(
                RegionCode.of(m.group(1)),
                Integer.parseInt(m.group(2)),
                m.group(3).equals("X") ? Stage.PRIMARY : Stage.JUNIOR,
                Long.parseLong(m.group(4)));
    }

    /** The counter a sequence is drawn from: county, year and stage. */
    public static String counterKey(RegionCode county, int year, Stage stage) {
        return county.value() + "-" + year + "-" + letter(stage);
    }

    static String letter(Stage stage) {
        return stage == Stage.PRIMARY ? "X" : "C";
    }

    @Override
    public String toString() {
        return String.format("%s-%d-%s-%06d", county.value(), year, letter(stage), sequence);
    }
}
