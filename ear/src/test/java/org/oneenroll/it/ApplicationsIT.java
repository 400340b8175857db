package org.oneenroll.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.oneenroll.it.callers.Caller.as;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oneenroll.intake.boundary.Applications;
import org.oneenroll.intake.boundary.Cases;
import org.oneenroll.intake.boundary.FamilyCases;
import org.oneenroll.intake.entity.ApplicationForm;
import org.oneenroll.intake.entity.ApplicationViews;
import org.oneenroll.intake.entity.CaseStatus;
import org.oneenroll.intake.entity.FamilyCase;
import org.oneenroll.it.callers.AsCountyReviewer;
import org.oneenroll.it.callers.AsOtherParent;
import org.oneenroll.it.callers.AsParent;
import org.oneenroll.platform.entity.InvalidValueException;
import org.oneenroll.review.boundary.Reviews;
import org.oneenroll.review.entity.CaseDetail;
import org.oneenroll.review.entity.DecisionRequest;
import org.oneenroll.verification.entity.Declaration;
import org.oneenroll.verification.entity.DeclaredPerson;
import org.oneenroll.verification.entity.Proof;

/**
 * The wizard's boundary as two parents call it: one draft and one case are their owner's alone, a child applies once
 * a year (its own parent is told the number, anyone else is not), a stage outside its window takes no application,
 * and a case returned for a proof goes back to its reviewer only once a proof was added since.
 */
@ExtendWith(ArquillianExtension.class)
class ApplicationsIT {

    static final Duration CHECKED = Duration.ofSeconds(60);

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.withCallers();
    }

    @Inject
    Applications applications;

    @Inject
    Cases cases;

    @Inject
    Reviews reviews;

    @Inject
    FamilyCases familyCases;

    @Inject
    AsParent parent;

    @Inject
    AsOtherParent otherParent;

    @Inject
    AsCountyReviewer countyReviewer;

    @Test
    void draftsAndCasesAreTheirOwnersAndAChildAppliesOnceAYear() {
        JsonObject family = ApplyScreenIT.Picks.localFamily(2);
        ApplicationViews.Draft started = as(parent, () -> applications.start());
        assertEquals(AsParent.PHONE, started.form().getGuardianPhone(), "the guardian's phone starts as the caller's");

        // The other parent can neither read nor write the draft: the same answer as for no draft at all.
        InvalidValueException foreign = assertThrows(
                InvalidValueException.class,
                () -> as(
                        otherParent,
                        () -> applications.save(started.id(), started.version(), new ApplicationForm(), 1)));
        assertEquals("apply.draft-unknown", foreign.messageKey());

        ApplicationForm form = typed(family, AsParent.PHONE);
        ApplicationViews.Draft saved = as(parent, () -> applications.save(started.id(), started.version(), form, 3));
        ApplicationViews.Draft submitted =
                as(parent, () -> applications.submit(saved.id(), saved.version(), saved.form()));
        String number = submitted.caseNumber();
        assertNotNull(number);
        assertEquals(AsParent.PHONE, cases.require(number).contactPhone().value());

        InvalidValueException notTheirs =
                assertThrows(InvalidValueException.class, () -> as(otherParent, () -> applications.forCase(number)));
        assertEquals("case.unknown", notTheirs.messageKey());

        // The same child again: its parent is told the case number, another parent is not.
        ApplicationViews.Draft again = as(parent, () -> applications.start());
        assertEquals(again.id(), as(parent, () -> applications.start()).id(), "新建 twice makes one draft, not two");
        InvalidValueException own = assertThrows(
                InvalidValueException.class,
                () -> as(parent, () -> applications.submit(again.id(), again.version(), form)));
        assertEquals("apply.existing-case", own.messageKey());
        assertTrue(own.getMessage().contains(number), own.getMessage());
        ApplicationViews.Draft stranger = as(otherParent, () -> applications.start());
        ApplicationForm strangerForm = typed(family, AsOtherParent.PHONE);
        InvalidValueException someone = assertThrows(
                InvalidValueException.class,
                () -> as(otherParent, () -> applications.submit(stranger.id(), stranger.version(), strangerForm)));
        assertEquals("case.duplicate", someone.messageKey());
        assertTrue(!someone.getMessage().contains(number), "no number for someone else: " + someone.getMessage());

        // The junior window is not open in the test county: the form is kept, the submission refused.
        strangerForm.setStage("JUNIOR");
        InvalidValueException closed = assertThrows(
                InvalidValueException.class,
                () -> as(otherParent, () -> applications.submit(stranger.id(), stranger.version(), strangerForm)));
        assertEquals("apply.window-closed", closed.messageKey());
        assertTrue(closed.getMessage().contains("2027年7月1日 08:30"), "the window's dates: " + closed.getMessage());
    }

    @Test
    void aParentWithdrawsTheAuthorisationAndThenTheApplicationAndTheChildMayApplyAgain() {
        JsonObject family = ApplyScreenIT.Picks.localFamily(4);
        ApplicationForm form = typed(family, AsParent.PHONE);
        ApplicationViews.Draft started = as(parent, () -> applications.start());
        ApplicationViews.Draft saved = as(parent, () -> applications.save(started.id(), started.version(), form, 3));
        String number = as(parent, () -> applications.submit(saved.id(), saved.version(), saved.form()))
                .caseNumber();
        Awaitility.await().atMost(CHECKED).pollInterval(Duration.ofMillis(200)).until(() -> !as(
                        parent, () -> applications.records(saved.id()))
                .checking());
        FamilyCase before = as(parent, () -> familyCases.view(number));
        assertTrue(before.consentInForce(), before.consent());
        assertTrue(before.consent().startsWith("已授权"), before.consent());
        assertTrue(before.withdrawable(), before.statusLabel());

        // Another parent can do neither: the same answer as for a case that does not exist.
        assertEquals(
                "case.unknown",
                assertThrows(
                                InvalidValueException.class,
                                () -> as(otherParent, () -> {
                                    familyCases.withdrawConsent(number);
                                    return null;
                                }))
                        .messageKey());

        as(parent, () -> {
            familyCases.withdrawConsent(number);
            return null;
        });
        FamilyCase withdrawn = as(parent, () -> familyCases.view(number));
        assertTrue(!withdrawn.consentInForce());
        assertTrue(withdrawn.consent().startsWith("已撤回"), withdrawn.consent());
        assertEquals(
                "family.consent.none",
                assertThrows(
                                InvalidValueException.class,
                                () -> as(parent, () -> {
                                    familyCases.withdrawConsent(number);
                                    return null;
                                }))
                        .messageKey());

        // The application: a reason is required; then the case ends and says why in its history.
        InvalidValueException noReason = assertThrows(
                InvalidValueException.class,
                () -> as(parent, () -> {
                    familyCases.withdraw(number, "  ");
                    return null;
                }));
        assertEquals("family.withdraw.reason", noReason.messageKey());
        assertTrue(noReason.getMessage().contains("撤回原因"), noReason.getMessage());
        as(parent, () -> {
            familyCases.withdraw(number, "已选择民办学校");
            return null;
        });
        FamilyCase ended = as(parent, () -> familyCases.view(number));
        assertEquals(CaseStatus.WITHDRAWN, ended.status());
        assertTrue(!ended.withdrawable());
        assertEquals(
                "家长撤回申请：已选择民办学校",
                ended.timeline().get(ended.timeline().size() - 1).note());
        assertEquals(
                "family.withdraw.too-late",
                assertThrows(
                                InvalidValueException.class,
                                () -> as(parent, () -> {
                                    familyCases.withdraw(number, "again");
                                    return null;
                                }))
                        .messageKey());

        // The child's place in this year's intake is free again.
        ApplicationViews.Draft again = as(parent, () -> applications.start());
        String second = as(parent, () -> applications.submit(again.id(), again.version(), form))
                .caseNumber();
        assertNotNull(second);
        assertTrue(!second.equals(number), second);
    }

    @Test
    void aCaseReturnedForAProofGoesBackToItsReviewerOnlyWithANewProof() {
        JsonObject family = ApplyScreenIT.Picks.localFamily(3);
        ApplicationViews.Draft started = as(otherParent, () -> applications.start());
        ApplicationForm form = typed(family, AsOtherParent.PHONE);
        ApplicationViews.Draft saved =
                as(otherParent, () -> applications.save(started.id(), started.version(), form, 3));
        String number = as(otherParent, () -> applications.submit(saved.id(), saved.version(), saved.form()))
                .caseNumber();
        Awaitility.await().atMost(CHECKED).pollInterval(Duration.ofMillis(200)).until(() -> !as(
                        otherParent, () -> applications.records(saved.id()))
                .checking());
        // The family leaves the wizard without confirming; the reviewer returns the case for a tenancy contract.
        CaseDetail seen = as(countyReviewer, () -> reviews.detail(number));
        as(
                countyReviewer,
                () -> reviews.decide(DecisionRequest.returnForProof(
                        number,
                        seen.version(),
                        EnumSet.of(Proof.RENTAL_CONTRACT),
                        LocalDate.now().plusDays(7),
                        "请上传房屋租赁合同",
                        UUID.randomUUID().toString())));
        assertEquals(CaseStatus.RETURNED, cases.require(number).status());

        ApplicationViews.Draft reopened = as(otherParent, () -> applications.forCase(number));
        assertEquals(number, reopened.caseNumber());
        InvalidValueException noProof = assertThrows(
                InvalidValueException.class,
                () -> as(otherParent, () -> applications.confirm(reopened.id(), reopened.version())));
        assertEquals("apply.proof-missing", noProof.messageKey());

        InvalidValueException notAFile = assertThrows(
                InvalidValueException.class,
                () -> as(
                        otherParent,
                        () -> applications.upload(
                                reopened.id(), Proof.RENTAL_CONTRACT, "合同.pdf", "<html>".getBytes())));
        assertEquals("apply.proof-type", notAFile.messageKey());
        byte[] pdf = "%PDF-1.4\n%租赁合同\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ApplicationViews.ProofFile kept =
                as(otherParent, () -> applications.upload(reopened.id(), Proof.RENTAL_CONTRACT, "C:\\扫描\\合同.pdf", pdf));
        assertEquals("合同.pdf", kept.fileName());
        assertEquals("application/pdf", kept.contentType());
        assertEquals(
                List.of(kept.id()),
                as(countyReviewer, () -> reviews.proofs(number)).stream()
                        .map(ApplicationViews.ProofFile::id)
                        .toList(),
                "the reviewer sees the proof");
        assertEquals(
                pdf.length,
                as(countyReviewer, () -> reviews.proof(number, kept.id())).bytes().length);

        ApplicationViews.Draft now = as(otherParent, () -> applications.forCase(number));
        as(otherParent, () -> applications.confirm(now.id(), now.version()));
        assertEquals(CaseStatus.UNDER_REVIEW, cases.require(number).status(), "back to its reviewer");
        assertEquals("county.reviewer", cases.require(number).reviewer());
    }

    /** The family's papers typed into the form by a parent signed in with {@code phone}. */
    static ApplicationForm typed(JsonObject family, String phone) {
        Declaration d = ApplyScreenIT.Picks.papers(family);
        ApplicationForm f = new ApplicationForm();
        f.setStage("PRIMARY");
        f.setType(d.type().name());
        f.setChildName(d.child().name());
        f.setChildId(d.child().idNumber());
        f.setTownCode(d.home().townCode());
        f.setCommunity(d.home().community());
        f.setCompound(d.home().compound());
        f.setDetail(d.home().detail());
        DeclaredPerson guardian = d.guardians().get(0);
        DeclaredPerson contact = d.guardians().size() > 1
                ? d.guardians().get(1)
                : d.householdMembers().get(0);
        f.setGuardianName(guardian.name());
        f.setGuardianId(guardian.idNumber());
        f.setGuardianRelation(guardian.relation().name());
        f.setGuardianPhone(phone);
        f.setContactName(contact.name());
        f.setContactId(contact.idNumber());
        f.setContactRelation(contact.relation().name());
        f.setContactPhone("13700137000");
        f.setConsent(true);
        return f;
    }
}
