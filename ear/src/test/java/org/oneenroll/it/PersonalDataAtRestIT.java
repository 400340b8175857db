package org.oneenroll.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oneenroll.audit.boundary.AuditTrail;
import org.oneenroll.audit.entity.AuditAction;
import org.oneenroll.identity.boundary.StaffAccounts;
import org.oneenroll.identity.entity.NationalId;
import org.oneenroll.identity.entity.PhoneNumber;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.identity.entity.StaffRole;
import org.oneenroll.intake.boundary.Cases;
import org.oneenroll.intake.entity.Channel;
import org.oneenroll.intake.entity.ConsentGrant;
import org.oneenroll.policy.entity.Stage;
import org.oneenroll.verification.control.PlanContexts;
import org.oneenroll.verification.entity.Declaration;
import org.oneenroll.verification.entity.PlanContext;

/**
 * Dumps every table of the database, after a staff account, an audit line and a verified case were stored, and
 * finds no ID number or phone in clear, in text or in bytes.
 */
@ExtendWith(ArquillianExtension.class)
class PersonalDataAtRestIT {

    static final String ID = "620123199001010021";
    static final String PHONE = "13609311234";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.oneEnroll();
    }

    @Inject
    StaffAccounts staff;

    @Inject
    AuditTrail audit;

    @Inject
    Cases cases;

    @Inject
    PlanContexts plans;

    @Test
    void noTableHoldsAnIdNumberOrPhoneInClear() throws Exception {
        staff.create(
                "it.sealed",
                "密封测试",
                "Sealed2027x".toCharArray(),
                RegionCode.of("620123"),
                null,
                EnumSet.of(StaffRole.COUNTER_STAFF),
                PhoneNumber.of(PHONE),
                NationalId.of(ID));
        audit.record(AuditAction.GOVERNMENT_DATA_QUERY, NationalId.of(ID), "hukou", "620123-2027-X-000009", "FOUND");
        // A family's case, checked against the sources: declaration, consent, evidence and records stored.
        new Simulator().awaitUp();
        JsonObject family = Families.where(
                        "renting with hukou, applying for primary",
                        f -> Families.clean(f)
                                && Families.scenario(f).equals("HUKOU_ONLY_RENTING")
                                && Families.applies(f, Stage.PRIMARY))
                .get(0);
        Declaration declaration =
                Families.declare(family, plans.of(RegionCode.of("620123"), VerificationIT.year(), Stage.PRIMARY));
        String number = cases.submit(
                        declaration,
                        PhoneNumber.of(Families.mobile(family)),
                        Channel.ONLINE,
                        ConsentGrant.forSources(declaration.guardians().get(0).idNumber(), PlanContext.ALL_SOURCES))
                .caseNumber();
        await().atMost(Duration.ofSeconds(60)).until(() -> cases.require(number).verificationCount() == 1);
        List<String> secrets =
                new ArrayList<>(List.of(ID, ID.substring(6, 14) + "002", PHONE, Families.mobile(family)));
        secrets.add(declaration.child().idNumber());
        declaration.adults().forEach(a -> secrets.add(a.idNumber()));
        DataSource ds = (DataSource) new InitialContext().lookup("java:jboss/datasources/OneEnrollDS");
        List<String> tables = new ArrayList<>();
        long cells = 0;
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            try (ResultSet r = c.getMetaData().getTables(null, "oneenroll", "%", new String[] {"TABLE"})) {
                while (r.next()) {
                    tables.add(r.getString("TABLE_NAME"));
                }
            }
            assertTrue(
                    tables.containsAll(
                            List.of("staff_account", "audit_entry", "enrollment_case", "consent", "verification_run")),
                    tables.toString());
            for (String table : tables) {
                try (ResultSet rows = s.executeQuery("select * from oneenroll." + table)) {
                    ResultSetMetaData meta = rows.getMetaData();
                    while (rows.next()) {
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            byte[] bytes = rows.getBytes(i);
                            if (bytes == null) {
                                continue;
                            }
                            cells++;
                            String asText = new String(bytes, StandardCharsets.ISO_8859_1) + rows.getString(i);
                            for (String secret : secrets) {
                                assertTrue(
                                        !asText.contains(secret),
                                        "clear personal data in " + table + "." + meta.getColumnName(i));
                            }
                        }
                    }
                }
            }
        }
        assertTrue(cells > 40_000, "the dump read " + cells + " cells");
        assertTrue(staff.findByPhone(PhoneNumber.of(PHONE)).isPresent(), "the sealed phone is still searchable");
    }
}
