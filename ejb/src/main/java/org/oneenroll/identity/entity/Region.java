package org.oneenroll.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One division of China's statistical division codes: province, city, county (6 digits, GB/T 2260) or
 * town/street (9 digits). Loaded by a migration from the national list; read-only to the application.
 */
@Entity
@Table(name = "region")
@NamedQuery(name = Region.CHILDREN, query = "select r from Region r where r.parentCode = :parent order by r.code")
public class Region {

    public static final String CHILDREN = "Region.children";

    @Id
    @Column(length = 9)
    private String code;

    @Column(nullable = false, length = 64)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private RegionLevel level;

    @Column(name = "parent_code", length = 9)
    private String parentCode;

    protected Region() {}

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public RegionLevel level() {
        return level;
    }

    public String parentCode() {
        return parentCode;
    }
}
