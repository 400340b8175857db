package org.oneenroll.policy.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.oneenroll.identity.entity.Address;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.platform.entity.InvalidValueException;
import org.oneenroll.policy.entity.CatchmentZone;
import org.oneenroll.policy.entity.SchoolOwnership;
import org.oneenroll.policy.entity.Stage;

/**
 * The county's catchment zones as a sheet (招生片区): one row per address unit with its zone's code, name, stage and
 * schools repeated, and rows without a zone for units of the county's address list that no zone takes yet. Parsing
 * is a pure function of the rows and what the county has: every row is taken or refused with its reasons.
 */
public final class ZoneSheet {

    public static final String SHEET = "招生片区";
    public static final String NOTES = "填写说明";
    public static final String CODE = "片区代码";
    public static final String NAME = "片区名称";
    public static final String STAGE = "学段";
    public static final String SCHOOLS = "学校代码";
    public static final String TOWN_CODE = SchoolSheet.TOWN_CODE;
    public static final String TOWN_NAME = SchoolSheet.TOWN_NAME;
    public static final String COMMUNITY = SchoolSheet.COMMUNITY;
    public static final String COMPOUND = SchoolSheet.COMPOUND;
    public static final List<String> HEADERS =
            List.of(CODE, NAME, STAGE, SCHOOLS, TOWN_CODE, TOWN_NAME, COMMUNITY, COMPOUND);
    static final Set<String> OPTIONAL = Set.of(TOWN_NAME);
    /** Schools in one cell are separated by these (、 , ， ; ； or blanks). */
    static final String SCHOOL_SEPARATORS = "[、,，;；\\s]+";

    private ZoneSheet() {}

    /** A school of the county as far as zones care: may it serve a zone of a stage. */
    public record SchoolFacts(String name, SchoolOwnership ownership, Set<Stage> stages) {}

    /**
     * What the county has that a row is judged against.
     *
     * @param schools        the county's schools by code
     * @param zoneStages     the county's existing zones by code, with their stage (a zone's stage never changes)
     * @param codesElsewhere zone codes of this sheet already used by another county
     */
    public record Context(
            RegionCode county,
            String countyName,
            Map<String, String> towns,
            Map<String, SchoolFacts> schools,
            Map<String, Stage> zoneStages,
            Set<String> codesElsewhere) {

        public Context {
            towns = new LinkedHashMap<>(towns);
            schools = Map.copyOf(schools);
            zoneStages = Map.copyOf(zoneStages);
            codesElsewhere = Set.copyOf(codesElsewhere);
        }
    }

    /**
     * One zone as the sheet has it: its fields, its schools, the units of its good rows, and whether any of its rows
     * was refused (then the import only adds: a unit of a refused row is not taken out of the zone).
     */
    public record ZoneRows(
            String code,
            String name,
            Stage stage,
            Set<String> schoolCodes,
            Set<String> unitKeys,
            boolean rowsRefused,
            int firstRow) {}

    /** The judgement of a whole sheet: zones in the order they first appear, units listed without a zone. */
    public record Parsed(
            List<ZoneRows> zones,
            Set<String> unitsWithoutZone,
            List<SheetProblem> problems,
            int rowsRead,
            boolean headerRefused) {

        public Parsed {
            zones = List.copyOf(zones);
            unitsWithoutZone = new LinkedHashSet<>(unitsWithoutZone);
            problems = List.copyOf(problems);
        }

        public int rowsRefused() {
            return (int) problems.stream()
                    .mapToInt(SheetProblem::row)
                    .filter(r -> r > 1)
                    .distinct()
                    .count();
        }
    }

    /** The zone fields of a row, once checked: what every other row of the zone must repeat. */
    private record Header(String name, Stage stage, Set<String> schools, int row) {}

    public static Parsed parse(SetupSheets.Table table, Context context) {
        if (table.lines().isEmpty()) {
            return new Parsed(
                    List.of(), Set.of(), List.of(SheetProblem.of(1, "", "setup.sheet.empty", SHEET)), 0, true);
        }
        HeaderRow header = HeaderRow.of(table.lines().get(0), HEADERS, OPTIONAL);
        if (!header.problems().isEmpty()) {
            return new Parsed(List.of(), Set.of(), header.problems(), 0, true);
        }
        List<SetupSheets.Line> lines = table.lines().subList(1, table.lines().size()).stream()
                .filter(l -> !l.blank())
                .filter(l -> !SchoolSheet.EXAMPLE.equals(header.cell(l, CODE)))
                .toList();
        Map<String, Header> first = new LinkedHashMap<>();
        Map<String, Set<String>> units = new LinkedHashMap<>();
        Map<String, Boolean> refused = new LinkedHashMap<>();
        Map<String, Integer> firstRow = new LinkedHashMap<>();
        Map<String, Integer> unitRows = new LinkedHashMap<>();
        Set<String> withoutZone = new LinkedHashSet<>();
        List<SheetProblem> problems = new ArrayList<>();
        for (SetupSheets.Line line : lines) {
            Row row = new Row(line, header);
            String code = row.cell(CODE);
            boolean zoneRow = !(code.isBlank()
                    && row.cell(NAME).isBlank()
                    && row.cell(STAGE).isBlank()
                    && row.cell(SCHOOLS).isBlank());
            Optional<String> unit = row.unit(context);
            if (!zoneRow) {
                unit.ifPresent(u -> {
                    if (row.problems.isEmpty()) {
                        withoutZone.add(u);
                    }
                });
                problems.addAll(row.problems);
                continue;
            }
            String zoneCode = row.zoneCode(context);
            Header fields = row.fields(context, zoneCode);
            String key = zoneCode == null ? code.toUpperCase(Locale.ROOT) : zoneCode;
            firstRow.putIfAbsent(key, line.number());
            if (fields != null) {
                Header earlier = first.putIfAbsent(key, fields);
                if (earlier != null) {
                    row.sameAs(earlier, fields);
                }
            }
            if (unit.isPresent() && row.problems.isEmpty()) {
                Integer seen = unitRows.putIfAbsent(key + "\n" + unit.get(), line.number());
                if (seen != null) {
                    row.problem(COMMUNITY, "setup.zone.unit-twice", String.valueOf(seen));
                }
            }
            if (row.problems.isEmpty() && unit.isPresent() && zoneCode != null) {
                units.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(unit.get());
            } else {
                refused.put(key, true);
            }
            problems.addAll(row.problems);
        }
        List<ZoneRows> zones = new ArrayList<>();
        first.forEach((code, h) -> {
            if (units.containsKey(code)) {
                zones.add(new ZoneRows(
                        code,
                        h.name(),
                        h.stage(),
                        h.schools(),
                        units.get(code),
                        refused.getOrDefault(code, false),
                        firstRow.get(code)));
            }
        });
        // A unit listed without a zone but also in a zone is simply zoned: no need to list it twice.
        units.values().forEach(withoutZone::removeAll);
        return new Parsed(zones, withoutZone, problems, lines.size(), false);
    }

    /** The checks of one row. */
    private static final class Row {

        private final SetupSheets.Line line;
        private final HeaderRow header;
        final List<SheetProblem> problems = new ArrayList<>();

        Row(SetupSheets.Line line, HeaderRow header) {
            this.line = line;
            this.header = header;
        }

        String cell(String column) {
            return header.cell(line, column);
        }

        void problem(String column, String key, Object... arguments) {
            problems.add(SheetProblem.of(line.number(), column, key, arguments));
        }

        /** The address unit of the row (town/community[/compound]) if its columns are right. */
        Optional<String> unit(Context context) {
            SchoolSheet.RowCheck check = new SchoolSheet.RowCheck(line, header, null);
            Optional<String> town =
                    SchoolSheet.town(check, cell(TOWN_CODE), cell(TOWN_NAME), context.towns(), context.countyName());
            problems.addAll(check.problems);
            if (cell(COMMUNITY).isBlank()) {
                problem(COMMUNITY, "field.required", COMMUNITY);
                return Optional.empty();
            }
            if (town.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(Address.of(context.county(), town.get(), cell(COMMUNITY), cell(COMPOUND), null, null)
                        .unitKey());
            } catch (InvalidValueException e) {
                problems.add(SheetProblem.of(line.number(), "compound".equals(e.field()) ? COMPOUND : COMMUNITY, e));
                return Optional.empty();
            }
        }

        String zoneCode(Context context) {
            try {
                String code = CatchmentZone.checkedCode(cell(CODE));
                if (context.codesElsewhere().contains(code)) {
                    problem(CODE, "setup.zone.code-elsewhere", code);
                }
                return code;
            } catch (InvalidValueException e) {
                problems.add(SheetProblem.of(line.number(), CODE, e));
                return null;
            }
        }

        Header fields(Context context, String zoneCode) {
            String name = null;
            try {
                name = CatchmentZone.checkedName(cell(NAME));
            } catch (InvalidValueException e) {
                problems.add(SheetProblem.of(line.number(), NAME, e));
            }
            Stage stage = null;
            Optional<Set<Stage>> stages = SchoolSheet.stageSet(cell(STAGE));
            if (cell(STAGE).isBlank()) {
                problem(STAGE, "field.required", STAGE);
            } else if (stages.isEmpty() || stages.get().size() != 1) {
                problem(STAGE, "setup.zone.stage", cell(STAGE));
            } else {
                stage = stages.get().iterator().next();
                Stage existing = zoneCode == null ? null : context.zoneStages().get(zoneCode);
                if (existing != null && existing != stage) {
                    problem(STAGE, "setup.zone.stage-fixed", zoneCode, existing.label(), stage.label());
                    stage = null;
                }
            }
            Set<String> schools = new TreeSet<>();
            for (String part : cell(SCHOOLS).strip().split(SCHOOL_SEPARATORS)) {
                if (!part.isBlank()) {
                    schools.add(part.strip());
                }
            }
            if (schools.isEmpty()) {
                problem(SCHOOLS, "setup.zone.no-school");
            }
            boolean schoolsOk = !schools.isEmpty();
            for (String school : schools) {
                SchoolFacts facts = context.schools().get(school);
                if (facts == null) {
                    problem(SCHOOLS, "setup.zone.school-unknown", school, context.countyName());
                    schoolsOk = false;
                } else if (facts.ownership() == SchoolOwnership.PRIVATE) {
                    problem(SCHOOLS, "setup.zone.school-private", school, facts.name());
                    schoolsOk = false;
                } else if (stage != null && !facts.stages().contains(stage)) {
                    problem(SCHOOLS, "setup.zone.school-stage", school, facts.name(), stage.label());
                    schoolsOk = false;
                }
            }
            return name == null || stage == null || !schoolsOk ? null : new Header(name, stage, schools, line.number());
        }

        /** Every row of a zone repeats its name, stage and schools: a row that differs is refused. */
        void sameAs(Header earlier, Header these) {
            String row = String.valueOf(earlier.row());
            if (!earlier.name().equals(these.name())) {
                problem(NAME, "setup.zone.differs", NAME, row, earlier.name());
            }
            if (earlier.stage() != these.stage()) {
                problem(STAGE, "setup.zone.differs", STAGE, row, earlier.stage().label());
            }
            if (!earlier.schools().equals(these.schools())) {
                problem(SCHOOLS, "setup.zone.differs", SCHOOLS, row, String.join("、", earlier.schools()));
            }
        }
    }

    /** One row of an export: a zone's unit, or a unit of the address list no zone takes (zone columns blank). */
    public record UnitLine(String zoneCode, String zoneName, Stage stage, Set<String> schoolCodes, String unitKey) {}

    /** The rows of an export, in the import's columns. */
    public static List<List<Object>> rows(List<UnitLine> lines, Map<String, String> towns) {
        List<List<Object>> rows = new ArrayList<>();
        for (UnitLine l : lines) {
            String[] parts = l.unitKey().split("/", 3);
            List<Object> row = new ArrayList<>();
            row.add(l.zoneCode());
            row.add(l.zoneName());
            row.add(l.stage() == null ? null : l.stage().label());
            row.add(l.schoolCodes() == null ? null : String.join("、", l.schoolCodes()));
            row.add(parts[0]);
            row.add(towns.getOrDefault(parts[0], ""));
            row.add(parts.length > 1 ? parts[1] : "");
            row.add(parts.length > 2 ? parts[2] : null);
            rows.add(row);
        }
        return rows;
    }

    /** The workbook: the zone sheet (an example row first when given) and the notes with the county's towns. */
    public static byte[] workbook(List<UnitLine> lines, UnitLine example, Context context) {
        List<List<Object>> rows = new ArrayList<>();
        if (example != null) {
            List<Object> first =
                    new ArrayList<>(rows(List.of(example), context.towns()).get(0));
            first.set(0, SchoolSheet.EXAMPLE);
            rows.add(first);
        }
        rows.addAll(rows(lines, context.towns()));
        SetupSheets.Out sheet = new SetupSheets.Out(
                SHEET,
                HEADERS,
                rows,
                example == null ? 0 : 1,
                List.of(16, 24, 8, 28, 16, 14, 18, 16),
                List.of(0, 3, 4),
                Map.of(2, List.of(Stage.PRIMARY.label(), Stage.JUNIOR.label())));
        List<String> notes = SetupSheets.notes("setup.notes.zones.", context.countyName());
        notes.add("");
        notes.add(SetupSheets.note("setup.notes.towns"));
        context.towns().forEach((code, name) -> notes.add(code + "  " + name));
        return SetupSheets.write(List.of(sheet, SetupSheets.Out.notes(NOTES, NOTES, notes)));
    }
}
