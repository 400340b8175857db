package org.oneenroll.platform.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.oneenroll.identity.boundary.StaffAccounts;
import org.oneenroll.identity.entity.Address;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.identity.entity.StaffRole;
import org.oneenroll.platform.control.Clocks;
import org.oneenroll.platform.control.CountyLayout;
import org.oneenroll.platform.control.Settings;
import org.oneenroll.policy.boundary.Plans;
import org.oneenroll.policy.boundary.Schools;
import org.oneenroll.policy.boundary.Zones;
import org.oneenroll.policy.control.PlanDefaults;
import org.oneenroll.policy.entity.CatchmentZone;
import org.oneenroll.policy.entity.EnrollmentPlan;
import org.oneenroll.policy.entity.LotteryRule;
import org.oneenroll.policy.entity.PlanSeat;
import org.oneenroll.policy.entity.School;
import org.oneenroll.policy.entity.SchoolCapacity;
import org.oneenroll.policy.entity.SchoolOwnership;
import org.oneenroll.policy.entity.Stage;

/**
 * Sets up the demo county on first start of a demo server: schools, zones, a published plan for next
 * summer's intake and one staff account per role, from the layout the simulator generated. Runs only
 * when {@code oneenroll.demo.layout} is set and the county has no schools yet.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
public class DemoCounty {

    private static final Logger LOG = Logger.getLogger(DemoCounty.class.getName());
    /** Where the demo plans' estimate of eligible children comes from, said plainly on the plan checks. */
    static final String POPULATION_SOURCE = "演示数据：人口模拟器生成的家庭";
    /** The demo accounts' password, printed by the run command and the README; demo servers only. */
    public static final String DEMO_PASSWORD = "yuzhong2027";

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    @Inject
    Schools schools;

    @Inject
    Zones zones;

    @Inject
    Plans plans;

    @Inject
    StaffAccounts staff;

    @PostConstruct
    void loadOnFirstStart() {
        settings.demoLayout().ifPresent(file -> {
            CountyLayout layout = read(Path.of(file));
            RegionCode county = RegionCode.of(layout.county.code);
            if (!schools.ofCounty(county).isEmpty()) {
                LOG.info(() -> "Demo county " + county + " is already set up");
                return;
            }
            load(layout, county);
        });
    }

    static CountyLayout read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                Jsonb jsonb = JsonbBuilder.create()) {
            return jsonb.fromJson(reader, CountyLayout.class);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the demo county layout " + file, e);
        } catch (Exception e) {
            throw new IllegalStateException("The demo county layout " + file + " is not valid: " + e.getMessage(), e);
        }
    }

    void load(CountyLayout layout, RegionCode county) {
        Map<String, CountyLayout.AddressUnit> units = new HashMap<>();
        layout.addressUnits.forEach(u -> units.put(u.code, u));
        Map<String, School> byCode = new HashMap<>();
        for (CountyLayout.SchoolEntry s : layout.schools) {
            List<SchoolCapacity> capacities = new ArrayList<>();
            for (String stage : s.stages) {
                capacities.add(new SchoolCapacity(
                        Stage.valueOf(stage), s.seats.getOrDefault(stage, 0), s.classes.getOrDefault(stage, 0)));
            }
            Address address = Address.of(county, s.townCode, s.community, s.compound, null, s.addressLine);
            byCode.put(
                    s.code,
                    schools.register(new School(
                            s.code, s.name, SchoolOwnership.valueOf(s.ownership), address, s.phone, capacities)));
        }
        for (CountyLayout.ZoneEntry z : layout.zones) {
            CatchmentZone zone = new CatchmentZone(z.code, z.name, county, Stage.valueOf(z.stage));
            z.schoolCodes.forEach(code -> zone.addSchool(byCode.get(code)));
            for (String unitCode : z.unitCodes) {
                CountyLayout.AddressUnit u = units.get(unitCode);
                zone.addUnit(Address.of(county, u.townCode, u.community, u.compound, null, null)
                        .unitKey());
            }
            zones.define(zone);
        }
        int year = planYear(layout);
        for (Stage stage : Stage.values()) {
            List<PlanSeat> seats = new ArrayList<>();
            byCode.values().stream()
                    .filter(s -> s.teaches(stage))
                    .forEach(s -> seats.add(new PlanSeat(
                            s.code(), s.capacity(stage).orElseThrow().seats())));
            Instant closes =
                    LocalDateTime.of(year, 7, 31, 17, 0).atZone(Clocks.SHANGHAI).toInstant();
            EnrollmentPlan plan = new EnrollmentPlan(
                    county,
                    year,
                    stage,
                    1,
                    opens(stage, year),
                    closes,
                    LocalDate.of(year, 8, 10),
                    LocalDate.of(year, 9, 1),
                    LotteryRule.SINGLE_NUMBER_PER_CHILD,
                    PlanDefaults.CATEGORY_ORDER,
                    PlanDefaults.POINTS,
                    seats);
            plan.reschedule(
                    plan.onlineOpens(),
                    closes,
                    plan.onlineOpens().atZone(Clocks.SHANGHAI).toLocalDate(),
                    LocalDate.of(year, 7, 31),
                    LocalDate.of(year, 8, 5),
                    plan.resultsOn(),
                    plan.termStarts());
            childrenOf(layout, stage).ifPresent(children -> plan.estimateChildren(children, POPULATION_SOURCE));
            plans.draft(plan);
            plans.publish(plan.id());
        }
        createStaff(county);
        LOG.info(() -> "Demo county " + layout.county.name + " set up: " + byCode.size() + " schools, "
                + layout.zones.size() + " zones, plans for " + year);
    }

    /**
     * When the stage's online window opens: 1 July 08:30 of the plan year (the usual date), except that the demo
     * opens the primary-school window on the day it is set up, so a visitor can apply at any time of the year; the
     * junior window keeps the usual date and shows the off-season notice. {@code oneenroll.demo.open-primary-window
     * =false} keeps the usual date for both.
     */
    Instant opens(Stage stage, int year) {
        Instant usual =
                LocalDateTime.of(year, 7, 1, 8, 30).atZone(Clocks.SHANGHAI).toInstant();
        boolean openNow = stage == Stage.PRIMARY
                && Settings.value("oneenroll.demo.open-primary-window")
                        .map(Boolean::parseBoolean)
                        .orElse(true);
        Instant today = LocalDate.now(clock.withZone(Clocks.SHANGHAI))
                .atStartOfDay(Clocks.SHANGHAI)
                .toInstant();
        Instant closes =
                LocalDateTime.of(year, 7, 31, 17, 0).atZone(Clocks.SHANGHAI).toInstant();
        return openNow && today.isBefore(usual) && today.isBefore(closes) ? today : usual;
    }

    /** The applicants of the stage in the simulator's generated population, if the layout has one. */
    static java.util.Optional<Integer> childrenOf(CountyLayout layout, Stage stage) {
        if (layout.population == null || layout.population.childrenByStage == null) {
            return java.util.Optional.empty();
        }
        Integer children = layout.population.childrenByStage.get(stage.name());
        return children == null || children == 0 ? java.util.Optional.empty() : java.util.Optional.of(children);
    }

    /** The intake the layout's families were generated for, else the coming one (from September on, next summer's). */
    int planYear(CountyLayout layout) {
        if (layout.population != null && layout.population.planYear > 0) {
            return layout.population.planYear;
        }
        LocalDate today = LocalDate.now(clock.withZone(Clocks.SHANGHAI));
        return today.getMonthValue() >= 9 ? today.getYear() + 1 : today.getYear();
    }

    private void createStaff(RegionCode county) {
        char[] password = DEMO_PASSWORD.toCharArray();
        staff.create("county.admin", "招生办 张主任", password, county, null, EnumSet.of(StaffRole.COUNTY_ADMIN), null, null);
        staff.create(
                "county.reviewer",
                "教育局审核员 李老师",
                password,
                county,
                null,
                EnumSet.of(StaffRole.COUNTY_REVIEWER),
                null,
                null);
        String firstSchool = schools.ofCounty(county).get(0).code();
        staff.create(
                "school.reviewer",
                "学校审核员 王老师",
                password,
                county,
                firstSchool,
                EnumSet.of(StaffRole.SCHOOL_REVIEWER),
                null,
                null);
        staff.create(
                "counter.staff", "帮办窗口 赵老师", password, county, null, EnumSet.of(StaffRole.COUNTER_STAFF), null, null);
        staff.create(
                "batch.operator",
                "批处理操作员 刘工",
                password,
                county,
                null,
                EnumSet.of(StaffRole.BATCH_OPERATOR),
                null,
                null);
        staff.create(
                "city.supervisor",
                "市教育局督导 陈科长",
                password,
                county.city(),
                null,
                EnumSet.of(StaffRole.CITY_SUPERVISOR),
                null,
                null);
        staff.create(
                "province.supervisor",
                "省教育厅督导 周处长",
                password,
                county.province(),
                null,
                EnumSet.of(StaffRole.PROVINCE_SUPERVISOR),
                null,
                null);
    }
}
