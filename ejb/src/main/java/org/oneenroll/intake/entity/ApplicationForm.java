package org.oneenroll.intake.entity;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The application form exactly as typed so far (seed 000 附件1/附件2 field by field): every field is text, so a
 * draft keeps what a parent typed even while it is still wrong. Screens bind to it; {@code ApplicationDeclarations}
 * turns a complete one into a checked {@code Declaration}.
 */
public class ApplicationForm implements Serializable {

    private static final long serialVersionUID = 1L;

    // 学段, 报名类型
    private String stage;
    private String type;
    // 学生信息
    private String childName;
    private String childId;
    private String townCode;
    private String community;
    private String compound;
    private String building;
    private String detail;
    private String claim = "NONE";
    // 监护人
    private String guardianName;
    private String guardianId;
    private String guardianRelation;
    private String guardianPhone;
    private String certificateNumber;
    // 居住证 (non-local form)
    private String permitIssueDate;
    private String permitValidUntil;
    private String permitAuthority;
    private String permitAddress;
    // 紧急联系人
    private String contactName;
    private String contactId;
    private String contactRelation;
    private String contactPhone;
    // 授权
    private boolean consent;
    // 预报名学校, in order
    private List<String> choices = new ArrayList<>();

    public String getStage() {
        return stage;
    }

    public void setStage(String stage) {
        this.stage = stage;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getChildName() {
        return childName;
    }

    public void setChildName(String childName) {
        this.childName = childName;
    }

    public String getChildId() {
        return childId;
    }

    public void setChildId(String childId) {
        this.childId = childId;
    }

    public String getTownCode() {
        return townCode;
    }

    public void setTownCode(String townCode) {
        this.townCode = townCode;
    }

    public String getCommunity() {
        return community;
    }

    public void setCommunity(String community) {
        this.community = community;
    }

    public String getCompound() {
        return compound;
    }

    public void setCompound(String compound) {
        this.compound = compound;
    }

    public String getBuilding() {
        return building;
    }

    public void setBuilding(String building) {
        this.building = building;
    }

    public String getDetail() {
        return detail;
    }

    public void setDetail(String detail) {
        this.detail = detail;
    }

    public String getClaim() {
        return claim;
    }

    public void setClaim(String claim) {
        this.claim = claim;
    }

    public String getGuardianName() {
        return guardianName;
    }

    public void setGuardianName(String guardianName) {
        this.guardianName = guardianName;
    }

    public String getGuardianId() {
        return guardianId;
    }

    public void setGuardianId(String guardianId) {
        this.guardianId = guardianId;
    }

    public String getGuardianRelation() {
        return guardianRelation;
    }

    public void setGuardianRelation(String guardianRelation) {
        this.guardianRelation = guardianRelation;
    }

    public String getGuardianPhone() {
        return guardianPhone;
    }

    public void setGuardianPhone(String guardianPhone) {
        this.guardianPhone = guardianPhone;
    }

    public String getCertificateNumber() {
        return certificateNumber;
    }

    public void setCertificateNumber(String certificateNumber) {
        this.certificateNumber = certificateNumber;
    }

    public String getPermitIssueDate() {
        return permitIssueDate;
    }

    public void setPermitIssueDate(String permitIssueDate) {
        this.permitIssueDate = permitIssueDate;
    }

    public String getPermitValidUntil() {
        return permitValidUntil;
    }

    public void setPermitValidUntil(String permitValidUntil) {
        this.permitValidUntil = permitValidUntil;
    }

    public String getPermitAuthority() {
        return permitAuthority;
    }

    public void setPermitAuthority(String permitAuthority) {
        this.permitAuthority = permitAuthority;
    }

    public String getPermitAddress() {
        return permitAddress;
    }

    public void setPermitAddress(String permitAddress) {
        this.permitAddress = permitAddress;
    }

    public String getContactName() {
        return contactName;
    }

    public void setContactName(String contactName) {
        this.contactName = contactName;
    }

    public String getContactId() {
        return contactId;
    }

    public void setContactId(String contactId) {
        this.contactId = contactId;
    }

    public String getContactRelation() {
        return contactRelation;
    }

    public void setContactRelation(String contactRelation) {
        this.contactRelation = contactRelation;
    }

    public String getContactPhone() {
        return contactPhone;
    }

    public void setContactPhone(String contactPhone) {
        this.contactPhone = contactPhone;
    }

    public boolean isConsent() {
        return consent;
    }

    public void setConsent(boolean consent) {
        this.consent = consent;
    }

    public List<String> getChoices() {
        return choices;
    }

    public void setChoices(List<String> choices) {
        this.choices = choices == null ? new ArrayList<>() : new ArrayList<>(choices);
    }

    /** Whether the family applies on the non-local form (附件2, with the residence-permit fields). */
    public boolean nonLocal() {
        return "NON_LOCAL".equals(type);
    }
}
