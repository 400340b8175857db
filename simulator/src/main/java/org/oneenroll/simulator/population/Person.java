package org.oneenroll.simulator.population;

import java.time.LocalDate;

/**
 * A generated person; the identity number's birth date and sex digit agree with the fields.
 *
 * @param idNumber   公民身份号码 (GB 11643, 18 characters)
 * @param name       姓名
 * @param sex        性别
 * @param birthDate  出生日期
 * @param ethnicity  民族
 */
public record Person(String idNumber, String name, Sex sex, LocalDate birthDate, String ethnicity) {}
