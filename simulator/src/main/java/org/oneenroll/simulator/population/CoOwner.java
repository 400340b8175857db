package org.oneenroll.simulator.population;

/**
 * A co-owner listed on a real-estate title (共有人).
 *
 * @param name     姓名
 * @param idNumber 身份证号
 * @param share    共有份额 such as "50%", or {@code null} for 共同共有
 */
public record CoOwner(String name, String idNumber, String share) {}
