package org.oneenroll.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oneenroll.audit.boundary.AuditTrail;
import org.oneenroll.audit.entity.AuditAction;
import org.oneenroll.audit.entity.AuditEntry;
import org.oneenroll.identity.boundary.Regions;
import org.oneenroll.identity.boundary.StaffAccounts;
import org.oneenroll.identity.entity.Address;
import org.oneenroll.identity.entity.NationalId;
import org.oneenroll.identity.entity.PhoneNumber;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.identity.entity.StaffRole;
import org.oneenroll.platform.boundary.Health;
import org.oneenroll.platform.entity.InvalidValueException;
import org.oneenroll.policy.boundary.PlanSummary;
import org.oneenroll.policy.boundary.Plans;
import org.oneenroll.policy.boundary.Schools;
import org.oneenroll.policy.boundary.Zones;
import org.oneenroll.policy.entity.CatchmentZone;
import org.oneenroll.policy.entity.School;
import org.oneenroll.policy.entity.Stage;

/** The domain core through its EJBs, on WildFly and PostgreSQL, with the demo county loaded. */
@ExtendWith(ArquillianExtension.class)
class DomainCoreIT {

    static final RegionCode YUZHONG = RegionCode.of("620123");

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.oneEnroll();
    }

    @Inject
    Regions regions;

    @Inject
    StaffAccounts staff;

    @Inject
    Schools schools;

    @Inject
    Zones zones;

    @Inject
    Plans plans;

    @Inject
    Health health;

    @Inject
    AuditTrail audit;

    @Test
    void theMigrationsLoadedChinasDivisions() {
        assertTrue(regions.count() > 40_000, "provinces, cities, counties and towns: " + regions.count());
        assertEquals("甘肃省 兰州市 榆中县", regions.fullName(YUZHONG));
        assertEquals(20, regions.children("620123").size());
        assertEquals(
                "region.unknown",
                assertThrows(InvalidValueException.class, () -> unwrap(() -> regions.require(RegionCode.of("629999"))))
                        .messageKey());
    }

    @Test
    void theDemoCountyHasSchoolsZonesAndAPublishedPlan() {
        List<School> county = schools.ofCounty(YUZHONG);
        assertTrue(county.size() >= 10, county.size() + " schools");
        List<CatchmentZone> countyZones = zones.ofCounty(YUZHONG);
        assertTrue(countyZones.size() >= 20, countyZones.size() + " zones");
        for (Stage stage : Stage.values()) {
            assertTrue(zones.unitsInSeveralZones(YUZHONG, stage).isEmpty(), "no address unit in two zones of " + stage);
        }
        List<PlanSummary> published = plans.published(YUZHONG);
        assertEquals(2, published.size(), "a primary and a junior plan");
        PlanSummary primary = published.stream()
                .filter(p -> p.stage() == Stage.PRIMARY)
                .findFirst()
                .orElseThrow();
        int primarySeats = county.stream()
                .filter(s -> s.teaches(Stage.PRIMARY))
                .mapToInt(s -> s.capacity(Stage.PRIMARY).orElseThrow().seats())
                .sum();
        assertEquals(primarySeats, primary.seats());
        assertEquals("HOUSE_AND_HUKOU", primary.categoryOrder().get(0).name());
    }

    @Test
    void anAddressFindsTheZoneThatCoversIt() {
        CatchmentZone zone = zones.ofCounty(YUZHONG).stream()
                .filter(z -> z.stage() == Stage.PRIMARY)
                .findFirst()
                .orElseThrow();
        String[] unit = zone.unitKeys().iterator().next().split("/");
        Address address = Address.of(YUZHONG, unit[0], unit[1], unit.length > 2 ? unit[2] : null, "1号楼", "101");
        assertEquals(
                zone.code(),
                zones.covering(address, Stage.PRIMARY).orElseThrow().code());
    }

    @Test
    void aStaffAccountSignsInAndIsFoundByItsSealedPhone() {
        PhoneNumber phone = PhoneNumber.of("13919001234");
        staff.create(
                "it.reviewer",
                "测试审核员",
                "Review2027x".toCharArray(),
                YUZHONG,
                null,
                EnumSet.of(StaffRole.COUNTY_REVIEWER),
                phone,
                NationalId.of("620123198805170018"));
        StaffAccounts.SignedIn signedIn =
                staff.authenticate("it.reviewer", "Review2027x".toCharArray()).orElseThrow();
        assertEquals(Set.of(StaffRole.COUNTY_REVIEWER), signedIn.roles());
        assertEquals(YUZHONG, signedIn.region());
        assertFalse(staff.authenticate("it.reviewer", "wrong-password1".toCharArray())
                .isPresent());
        assertFalse(
                staff.authenticate("nobody.here", "Review2027x".toCharArray()).isPresent());
        assertEquals("it.reviewer", staff.findByPhone(phone).orElseThrow().username());
        assertEquals(
                "620123198805170018",
                staff.findByUsername("it.reviewer").orElseThrow().nationalId().value());
    }

    @Test
    void badInputIsRefusedWithAChineseReason() {
        InvalidValueException weak = assertThrows(
                InvalidValueException.class,
                () -> unwrap(() -> staff.create(
                        "it.weak",
                        "弱密码",
                        "short".toCharArray(),
                        YUZHONG,
                        null,
                        EnumSet.of(StaffRole.COUNTER_STAFF),
                        null,
                        null)));
        assertEquals("密码至少需要8位", weak.getMessage());
        assertFalse(staff.findByUsername("it.weak").isPresent(), "nothing was saved");
    }

    @Test
    void everyLookUpIsInTheAuditTrailUnderTheMaskedNumber() {
        NationalId child = NationalId.of("620123201910226866");
        audit.record(AuditAction.GOVERNMENT_DATA_QUERY, child, "hukou", "620123-2027-X-000001", "FOUND");
        audit.record(
                AuditAction.GOVERNMENT_DATA_QUERY, child, "birth-certificate", "620123-2027-X-000001", "NO_RECORD");
        List<AuditEntry> lines = audit.about(child);
        assertEquals(2, lines.size());
        assertEquals("hukou", lines.get(0).target());
        assertEquals("620123********6866", lines.get(0).subjectMasked());
        assertEquals("system", lines.get(0).actor(), "no one signed in: the system asked");
        assertTrue(audit.about(NationalId.of("620123199001010021")).isEmpty());
    }

    @Test
    void theNodeReportsHealthy() {
        Health.Report report = health.check();
        assertTrue(report.up(), report.checks().toString());
        assertEquals("UP", report.checks().get("database"));
        assertTrue(
                report.checks().get("batch").startsWith("UP"), "the JBeret job repository works: " + report.checks());
    }

    /** EJB calls wrap application exceptions only when they are not marked; unwrap defensively. */
    private static Object unwrap(java.util.function.Supplier<Object> call) {
        try {
            return call.get();
        } catch (EJBException e) {
            throw e.getCausedByException() instanceof RuntimeException r ? r : e;
        }
    }
}
