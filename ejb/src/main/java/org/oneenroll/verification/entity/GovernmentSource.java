package org.oneenroll.verification.entity;

/**
 * The eleven government data sources of the enrollment data-sharing list (seed 001 附件3; the four of
 * seed 000 附件6 among them), with the path segment the platform serves each under.
 */
public enum GovernmentSource {
    HUKOU("hukou", "户籍信息"),
    RESIDENCE_PERMIT("residence-permit", "居住证信息"),
    REAL_ESTATE_TITLE("real-estate-title", "不动产权证信息"),
    PURCHASE_CONTRACT("purchase-contract", "网签购房合同"),
    RENTAL_REGISTRATION("rental-registration", "房屋租赁备案"),
    AFFORDABLE_HOUSING("affordable-housing", "保障性住房"),
    INDIVIDUAL_BUSINESS_LICENCE("individual-business-licence", "营业执照（个体工商户）"),
    ENTERPRISE_LICENCE("enterprise-licence", "营业执照（企业法人）"),
    SOCIAL_INSURANCE("social-insurance", "社会保险参保缴费"),
    MARRIAGE("marriage", "结婚登记"),
    BIRTH_CERTIFICATE("birth-certificate", "出生医学证明");

    private final String slug;
    private final String chineseName;

    GovernmentSource(String slug, String chineseName) {
        this.slug = slug;
        this.chineseName = chineseName;
    }

    /** The source's path segment on the platform ({@code /api/v1/sources/{slug}/query}). */
    public String slug() {
        return slug;
    }

    public String chineseName() {
        return chineseName;
    }
}
