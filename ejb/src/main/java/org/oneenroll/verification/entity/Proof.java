package org.oneenroll.verification.entity;

/**
 * A paper proof a family can upload or bring when a source cannot confirm the case (seed 001 附件3 材料名称, seed
 * 004 湖南 material table). The name for screens is message key {@code verification.proof.<NAME>}.
 */
public enum Proof {
    HUKOU_BOOKLET,
    BIRTH_CERTIFICATE,
    RESIDENCE_PERMIT,
    PROPERTY_TITLE,
    PURCHASE_CONTRACT,
    RENTAL_CONTRACT,
    AFFORDABLE_HOUSING_CONTRACT,
    /** Any proof of where the family lives: 不动产权证, 购房合同, 共同居住的产权证明 or 房屋租赁合同. */
    HOUSING_PROOF,
    /** 共同居住的产权证明 / 单位自管产权房、直管公房证明 (seed 004, 有户无房（第一类）). */
    RELATIVE_HOME_PROOF,
    SOCIAL_INSURANCE_RECORD,
    BUSINESS_LICENCE,
    MARRIAGE_CERTIFICATE,
    /** 高层次人才认定或优抚对象证明. */
    PREFERENTIAL_PROOF;

    /** The proof that stands in for a source's record. */
    public static Proof of(GovernmentSource source) {
        return switch (source) {
            case HUKOU -> HUKOU_BOOKLET;
            case BIRTH_CERTIFICATE -> BIRTH_CERTIFICATE;
            case RESIDENCE_PERMIT -> RESIDENCE_PERMIT;
            case REAL_ESTATE_TITLE -> PROPERTY_TITLE;
            case PURCHASE_CONTRACT -> PURCHASE_CONTRACT;
            case RENTAL_REGISTRATION -> RENTAL_CONTRACT;
            case AFFORDABLE_HOUSING -> AFFORDABLE_HOUSING_CONTRACT;
            case SOCIAL_INSURANCE -> SOCIAL_INSURANCE_RECORD;
            case INDIVIDUAL_BUSINESS_LICENCE, ENTERPRISE_LICENCE -> BUSINESS_LICENCE;
            case MARRIAGE -> MARRIAGE_CERTIFICATE;
        };
    }

    public MessageRef label() {
        return MessageRef.of("verification.proof." + name());
    }
}
