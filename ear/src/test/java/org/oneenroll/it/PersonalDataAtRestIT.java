package org.oneenroll.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
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

/** Dumps every table of the database and finds no ID number or phone in clear, in text or in bytes. */
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
            assertTrue(tables.contains("staff_account") && tables.contains("audit_entry"), tables.toString());
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
                            assertTrue(
                                    !asText.contains(ID)
                                            && !asText.contains(ID.substring(6, 14) + "002")
                                            && !asText.contains(PHONE),
                                    "clear personal data in " + table + "." + meta.getColumnName(i));
                        }
                    }
                }
            }
        }
        assertTrue(cells > 40_000, "the dump read " + cells + " cells");
        assertTrue(staff.findByPhone(PhoneNumber.of(PHONE)).isPresent(), "the sealed phone is still searchable");
    }
}
