package org.oneenroll.identity.entity;

/** The level of a Chinese administrative division, from province down to town or street. */
public enum RegionLevel {
    PROVINCE,
    CITY,
    COUNTY,
    TOWN
}
