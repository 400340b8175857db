package org.oneenroll.policy.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * One item of the migrant-children points scheme (积分入学). Seed 001 limits items to hukou type, residence,
 * employment and property type; {@code code} says which, {@code label} is what the public page shows.
 */
@Embeddable
public class PointsItem {

    @Column(name = "item_code", nullable = false, length = 32)
    private String code;

    @Column(nullable = false, length = 100)
    private String label;

    @Column(nullable = false)
    private int points;

    protected PointsItem() {}

    public PointsItem(String code, String label, int points) {
        this.code = code;
        this.label = label;
        this.points = points;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public int points() {
        return points;
    }
}
