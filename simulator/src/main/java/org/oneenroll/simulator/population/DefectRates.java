package org.oneenroll.simulator.population;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * How often each defect is injected. A rate is the share of the families the defect can apply to: an expired
 * permit only among families holding a residence permit, a misplaced property only among families living in
 * their own property, an insurance gap only among families with insurance records; the rest among all
 * families. Immutable.
 */
public final class DefectRates {

    private final Map<DefectKind, Double> rates;

    private DefectRates(Map<DefectKind, Double> rates) {
        this.rates = Collections.unmodifiableMap(new EnumMap<>(rates));
    }

    /** 2-5% each. */
    public static DefectRates defaults() {
        Map<DefectKind, Double> m = new EnumMap<>(DefectKind.class);
        m.put(DefectKind.EXPIRED_RESIDENCE_PERMIT, 0.05);
        m.put(DefectKind.PROPERTY_OUTSIDE_ZONES, 0.03);
        m.put(DefectKind.PROPERTY_OUTSIDE_COUNTY, 0.02);
        m.put(DefectKind.SOCIAL_INSURANCE_GAP, 0.05);
        m.put(DefectKind.MISSING_HUKOU_RECORD, 0.02);
        m.put(DefectKind.MISSING_BIRTH_CERTIFICATE, 0.02);
        m.put(DefectKind.RARE_CHARACTER_NAME, 0.03);
        return new DefectRates(m);
    }

    /** No defects: every record is present and consistent. */
    public static DefectRates none() {
        Map<DefectKind, Double> m = new EnumMap<>(DefectKind.class);
        for (DefectKind k : DefectKind.values()) {
            m.put(k, 0.0);
        }
        return new DefectRates(m);
    }

    /** These rates with one changed; {@code rate} is a share in [0, 1]. */
    public DefectRates with(DefectKind kind, double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException(kind + " rate must be in [0,1]: " + rate);
        }
        Map<DefectKind, Double> m = new EnumMap<>(rates);
        m.put(kind, rate);
        if (m.get(DefectKind.PROPERTY_OUTSIDE_ZONES) + m.get(DefectKind.PROPERTY_OUTSIDE_COUNTY) > 1) {
            throw new IllegalArgumentException("the two property defects exclude each other; their sum exceeds 1");
        }
        return new DefectRates(m);
    }

    /**
     * These rates changed by a list such as {@code "EXPIRED_RESIDENCE_PERMIT=0.1,rare_character_name=0"} (the
     * command line's {@code --defects}).
     */
    public DefectRates with(String spec) {
        DefectRates out = this;
        for (String part : spec.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] kv = part.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("expected KIND=RATE, got " + part);
            }
            String name = kv[0].trim().toUpperCase(Locale.ROOT).replace('-', '_');
            out = out.with(DefectKind.valueOf(name), Double.parseDouble(kv[1].trim()));
        }
        return out;
    }

    public double rate(DefectKind kind) {
        return rates.get(kind);
    }

    public Map<DefectKind, Double> asMap() {
        return rates;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DefectRates other && rates.equals(other.rates);
    }

    @Override
    public int hashCode() {
        return rates.hashCode();
    }

    @Override
    public String toString() {
        return rates.toString();
    }
}
