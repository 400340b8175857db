package org.oneenroll.policy.control;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import org.oneenroll.identity.entity.Address;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.platform.entity.InvalidValueException;
import org.oneenroll.policy.entity.SchoolCapacity;
import org.oneenroll.policy.entity.SchoolDetails;
import org.oneenroll.policy.entity.SchoolOwnership;
import org.oneenroll.policy.entity.Stage;

/**
 * The county's school list as a sheet (学校名单): the template, the export, and the import's judgement of every row.
 * Parsing is a pure function of the rows and what the county already has: each row is taken whole or refused with
 * every reason found, by row number and column, in Chinese.
 */
public final class SchoolSheet {

    public static final String SHEET = "学校";
    public static final String NOTES = "填写说明";
    public static final String CODE = "学校代码";
    public static final String NAME = "学校名称";
    public static final String OWNERSHIP = "办学性质";
    public static final String STAGES = "学段";
    public static final String TOWN_CODE = "乡镇（街道）代码";
    public static final String TOWN_NAME = "乡镇（街道）名称";
    public static final String COMMUNITY = "社区（村）";
    public static final String COMPOUND = "小区";
    public static final String DETAIL = "详细地址";
    public static final String PRIMARY_SEATS = "小学学位数";
    public static final String PRIMARY_CLASSES = "小学班数";
    public static final String JUNIOR_SEATS = "初中学位数";
    public static final String JUNIOR_CLASSES = "初中班数";
    public static final String PHONE = "联系电话";
    public static final List<String> HEADERS = List.of(
            CODE,
            NAME,
            OWNERSHIP,
            STAGES,
            TOWN_CODE,
            TOWN_NAME,
            COMMUNITY,
            COMPOUND,
            DETAIL,
            PRIMARY_SEATS,
            PRIMARY_CLASSES,
            JUNIOR_SEATS,
            JUNIOR_CLASSES,
            PHONE);
    /** Columns a sheet may leave out: the town's name only helps the reader. */
    static final Set<String> OPTIONAL = Set.of(TOWN_NAME);
    /** A row whose code cell says this is the template's example and is skipped. */
    public static final String EXAMPLE = "示例";

    private SchoolSheet() {}

    /**
     * What the county has that a row is judged against.
     *
     * @param towns          the county's towns and streets by 9-digit code (from the national division list), in order
     * @param codesElsewhere school codes of this sheet already used by another county's school
     * @param uses           for the county's existing schools by code: what relies on them now
     */
    public record Context(
            RegionCode county,
            String countyName,
            Map<String, String> towns,
            Set<String> codesElsewhere,
            Map<String, SchoolUse> uses) {

        public Context {
            towns = new LinkedHashMap<>(towns);
            codesElsewhere = Set.copyOf(codesElsewhere);
            uses = Map.copyOf(uses);
        }
    }

    /**
     * What relies on an existing school: its ownership now, the stages whose zones it serves (with those zones) and
     * the stages in which a published plan gives it seats.
     */
    public record SchoolUse(
            SchoolOwnership ownership, Map<Stage, List<String>> zonesByStage, Set<Stage> plannedStages) {

        public SchoolUse {
            zonesByStage = Map.copyOf(zonesByStage);
            plannedStages = plannedStages.isEmpty() ? Set.of() : Set.copyOf(plannedStages);
        }
    }

    /** A row taken: its number and the school it describes. */
    public record Good(int row, SchoolDetails details) {}

    /** The judgement of a whole sheet. */
    public record Parsed(List<Good> rows, List<SheetProblem> problems, int rowsRead, boolean headerRefused) {

        public Parsed {
            rows = List.copyOf(rows);
            problems = List.copyOf(problems);
        }

        /** Rows refused (a row with several reasons counts once). */
        public int rowsRefused() {
            return (int) problems.stream()
                    .mapToInt(SheetProblem::row)
                    .filter(r -> r > 1)
                    .distinct()
                    .count();
        }
    }

    /** Judges every row below the header. A sheet whose header lacks a column is refused whole, at row 1. */
    public static Parsed parse(SetupSheets.Table table, Context context) {
        if (table.lines().isEmpty()) {
            return new Parsed(List.of(), List.of(SheetProblem.of(1, "", "setup.sheet.empty", SHEET)), 0, true);
        }
        HeaderRow header = HeaderRow.of(table.lines().get(0), HEADERS, OPTIONAL);
        if (!header.problems().isEmpty()) {
            return new Parsed(List.of(), header.problems(), 0, true);
        }
        List<SetupSheets.Line> lines = table.lines().subList(1, table.lines().size()).stream()
                .filter(l -> !l.blank())
                .filter(l -> !EXAMPLE.equals(header.cell(l, CODE)))
                .toList();
        Map<String, List<Integer>> rowsByCode = new TreeMap<>();
        lines.forEach(l -> rowsByCode
                .computeIfAbsent(header.cell(l, CODE).toUpperCase(java.util.Locale.ROOT), c -> new ArrayList<>())
                .add(l.number()));
        List<Good> good = new ArrayList<>();
        List<SheetProblem> problems = new ArrayList<>();
        for (SetupSheets.Line line : lines) {
            RowCheck row = new RowCheck(line, header, context);
            List<Integer> same = rowsByCode.get(header.cell(line, CODE).toUpperCase(java.util.Locale.ROOT));
            if (same.size() > 1 && !header.cell(line, CODE).isBlank()) {
                row.problem(CODE, "setup.school.code-twice", header.cell(line, CODE), numbers(same));
            }
            Optional<SchoolDetails> details = row.details();
            if (details.isPresent() && row.problems.isEmpty()) {
                good.add(new Good(line.number(), details.get()));
            }
            problems.addAll(row.problems);
        }
        return new Parsed(good, problems, lines.size(), false);
    }

    /**
     * Why a change to an existing school is refused, if it is: a published plan or a zone relies on what it would
     * change. Names, addresses, phones and seats may always change (published plans keep their own seats per school).
     */
    public static Optional<InvalidValueException> refusal(
            String code, SchoolOwnership newOwnership, Set<Stage> newStages, SchoolUse use) {
        if (use == null) {
            return Optional.empty();
        }
        if (newOwnership != use.ownership() && !use.plannedStages().isEmpty()) {
            return Optional.of(new InvalidValueException(
                    "ownership", "setup.school.planned-ownership", code, stages(use.plannedStages())));
        }
        if (newOwnership == SchoolOwnership.PRIVATE && !use.zonesByStage().isEmpty()) {
            return Optional.of(new InvalidValueException(
                    "ownership", "setup.school.zoned-private", code, zones(use.zonesByStage())));
        }
        for (Stage stage : Stage.values()) {
            if (newStages.contains(stage)) {
                continue;
            }
            if (use.plannedStages().contains(stage)) {
                return Optional.of(
                        new InvalidValueException("stages", "setup.school.planned-stage", code, stage.label()));
            }
            if (use.zonesByStage().containsKey(stage)) {
                return Optional.of(new InvalidValueException(
                        "stages",
                        "setup.school.zoned-stage",
                        code,
                        stage.label(),
                        String.join("、", use.zonesByStage().get(stage))));
            }
        }
        return Optional.empty();
    }

    /** "小学、初中" for a set of stages. */
    public static String stages(Collection<Stage> stages) {
        StringJoiner j = new StringJoiner("、");
        EnumSet.copyOf(stages).forEach(s -> j.add(s.label()));
        return j.toString();
    }

    private static String zones(Map<Stage, List<String>> byStage) {
        StringJoiner j = new StringJoiner("、");
        new TreeMap<>(byStage).values().forEach(list -> list.forEach(j::add));
        return j.toString();
    }

    static String numbers(List<Integer> rows) {
        StringJoiner j = new StringJoiner("、");
        rows.forEach(r -> j.add(String.valueOf(r)));
        return j.toString();
    }

    /** 公办 / 民办 (or PUBLIC / PRIVATE as the export of another tool may say). */
    static Optional<SchoolOwnership> ownership(String text) {
        return switch (text.strip().toUpperCase(java.util.Locale.ROOT)) {
            case "公办", "PUBLIC" -> Optional.of(SchoolOwnership.PUBLIC);
            case "民办", "PRIVATE" -> Optional.of(SchoolOwnership.PRIVATE);
            default -> Optional.empty();
        };
    }

    static String ownershipLabel(SchoolOwnership ownership) {
        return ownership == SchoolOwnership.PUBLIC ? "公办" : "民办";
    }

    /**
     * Stages as typed: 小学, 初中, both joined by 、 , ； or blanks, or 九年一贯制 for both.
     *
     * @return empty for text naming something else
     */
    static Optional<Set<Stage>> stageSet(String text) {
        Set<Stage> stages = EnumSet.noneOf(Stage.class);
        for (String part : text.strip().split("[、,，;；/\\s]+")) {
            switch (part) {
                case "" -> {}
                case "小学", "PRIMARY" -> stages.add(Stage.PRIMARY);
                case "初中", "JUNIOR" -> stages.add(Stage.JUNIOR);
                case "九年一贯制" -> stages.addAll(EnumSet.allOf(Stage.class));
                default -> {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(stages);
    }

    /** The town a row names: by its code, or by its name where the code is blank; both must agree. */
    static Optional<String> town(RowCheck row, String code, String name, Map<String, String> towns, String countyName) {
        if (code.isBlank() && name.isBlank()) {
            row.problem(TOWN_CODE, "field.required", TOWN_CODE);
            return Optional.empty();
        }
        if (code.isBlank()) {
            List<String> named = towns.entrySet().stream()
                    .filter(e -> e.getValue().equals(name))
                    .map(Map.Entry::getKey)
                    .toList();
            if (named.size() != 1) {
                row.problem(TOWN_NAME, "setup.town.unknown-name", name, countyName);
                return Optional.empty();
            }
            return Optional.of(named.get(0));
        }
        if (!towns.containsKey(code)) {
            row.problem(TOWN_CODE, "setup.town.unknown", code, countyName);
            return Optional.empty();
        }
        if (!name.isBlank() && !towns.get(code).equals(name)) {
            row.problem(TOWN_NAME, "setup.town.name-mismatch", code, towns.get(code), name);
            return Optional.empty();
        }
        return Optional.of(code);
    }

    /** A count typed in a cell: blank is empty; anything but a whole number of zero or more is a problem. */
    static Optional<Integer> count(RowCheck row, String column, String text) {
        if (text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip().replace(",", "");
        if (!t.matches("-?\\d+")) {
            row.problem(column, "setup.number.not-whole", column, text);
            return Optional.empty();
        }
        if (t.startsWith("-")) {
            row.problem(column, "setup.number.negative", column, text);
            return Optional.empty();
        }
        if (t.length() > 6) {
            row.problem(column, "setup.number.too-large", column, text);
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(t));
    }

    /** The checks of one row, every column on its own so that a row reports all it gets wrong at once. */
    static final class RowCheck {

        private final SetupSheets.Line line;
        private final HeaderRow header;
        private final Context context;
        final List<SheetProblem> problems = new ArrayList<>();

        RowCheck(SetupSheets.Line line, HeaderRow header, Context context) {
            this.line = line;
            this.header = header;
            this.context = context;
        }

        void problem(String column, String key, Object... arguments) {
            problems.add(SheetProblem.of(line.number(), column, key, arguments));
        }

        void problem(String column, InvalidValueException e) {
            problems.add(SheetProblem.of(line.number(), column, e));
        }

        String cell(String column) {
            return header.cell(line, column);
        }

        Optional<SchoolDetails> details() {
            String code = checked(CODE, () -> org.oneenroll.policy.entity.School.checkedCode(cell(CODE)));
            if (code != null && context.codesElsewhere().contains(code)) {
                problem(CODE, "setup.school.code-elsewhere", code);
            }
            String name = checked(NAME, () -> org.oneenroll.policy.entity.School.checkedName(cell(NAME)));
            SchoolOwnership ownership = null;
            if (cell(OWNERSHIP).isBlank()) {
                problem(OWNERSHIP, "field.required", OWNERSHIP);
            } else {
                ownership = ownership(cell(OWNERSHIP)).orElse(null);
                if (ownership == null) {
                    problem(OWNERSHIP, "setup.school.ownership", cell(OWNERSHIP));
                }
            }
            Set<Stage> stages = null;
            if (cell(STAGES).isBlank()) {
                problem(STAGES, "field.required", STAGES);
            } else {
                stages = stageSet(cell(STAGES)).orElse(null);
                if (stages == null || stages.isEmpty()) {
                    problem(STAGES, "setup.school.stages", cell(STAGES));
                    stages = null;
                }
            }
            Address address = address();
            String phone = null;
            if (cell(PHONE).isBlank()) {
                problem(PHONE, "field.required", PHONE);
            } else {
                phone = checked(PHONE, () -> org.oneenroll.policy.entity.School.checkedPhone(cell(PHONE)));
            }
            List<SchoolCapacity> capacities = stages == null ? null : capacities(stages);
            if (code != null && ownership != null && stages != null) {
                SchoolSheet.refusal(code, ownership, stages, context.uses().get(code))
                        .ifPresent(e -> problem(e.field().equals("ownership") ? OWNERSHIP : STAGES, e));
            }
            if (!problems.isEmpty()
                    || code == null
                    || name == null
                    || ownership == null
                    || address == null
                    || phone == null
                    || capacities == null) {
                return Optional.empty();
            }
            return Optional.of(new SchoolDetails(code, name, ownership, address, phone, capacities));
        }

        private Address address() {
            Optional<String> town = town(this, cell(TOWN_CODE), cell(TOWN_NAME), context.towns(), context.countyName());
            if (cell(COMMUNITY).isBlank()) {
                problem(COMMUNITY, "field.required", COMMUNITY);
                return null;
            }
            if (town.isEmpty()) {
                return null;
            }
            try {
                return Address.of(context.county(), town.get(), cell(COMMUNITY), cell(COMPOUND), null, cell(DETAIL));
            } catch (InvalidValueException e) {
                problem(
                        switch (e.field()) {
                            case "compound" -> COMPOUND;
                            case "detail" -> DETAIL;
                            case "townCode" -> TOWN_CODE;
                            default -> COMMUNITY;
                        },
                        e);
                return null;
            }
        }

        private List<SchoolCapacity> capacities(Set<Stage> stages) {
            Map<Stage, String[]> columns = new EnumMap<>(Stage.class);
            columns.put(Stage.PRIMARY, new String[] {PRIMARY_SEATS, PRIMARY_CLASSES});
            columns.put(Stage.JUNIOR, new String[] {JUNIOR_SEATS, JUNIOR_CLASSES});
            List<SchoolCapacity> capacities = new ArrayList<>();
            boolean ok = true;
            for (Stage stage : Stage.values()) {
                String seatsColumn = columns.get(stage)[0];
                String classesColumn = columns.get(stage)[1];
                int before = problems.size();
                Optional<Integer> seats = count(this, seatsColumn, cell(seatsColumn));
                Optional<Integer> classes = count(this, classesColumn, cell(classesColumn));
                if (problems.size() > before) {
                    ok = false;
                    continue;
                }
                if (!stages.contains(stage)) {
                    if (seats.orElse(0) > 0 || classes.orElse(0) > 0) {
                        problem(seatsColumn, "setup.school.stage-not-taught", stage.label(), cell(STAGES));
                        ok = false;
                    }
                    continue;
                }
                if (seats.isEmpty()) {
                    problem(seatsColumn, "field.required", seatsColumn);
                    ok = false;
                    continue;
                }
                try {
                    capacities.add(new SchoolCapacity(stage, seats.get(), classes.orElse(0)));
                } catch (InvalidValueException e) {
                    problem(e.field().equals("classes") ? classesColumn : seatsColumn, e);
                    ok = false;
                }
            }
            return ok ? capacities : null;
        }

        private <T> T checked(String column, java.util.function.Supplier<T> check) {
            try {
                return check.get();
            } catch (InvalidValueException e) {
                problem(column, e);
                return null;
            }
        }
    }

    /** The rows of an export (or of a template's example), in the import's columns. */
    public static List<List<Object>> rows(List<SchoolDetails> schools, Map<String, String> towns) {
        List<List<Object>> rows = new ArrayList<>();
        for (SchoolDetails s : schools) {
            List<Object> row = new ArrayList<>();
            row.add(s.code());
            row.add(s.name());
            row.add(ownershipLabel(s.ownership()));
            row.add(stages(s.capacities().stream().map(SchoolCapacity::stage).toList()));
            row.add(s.address().townCode());
            row.add(towns.getOrDefault(s.address().townCode(), ""));
            row.add(s.address().community());
            row.add(s.address().compound());
            row.add(s.address().detail());
            for (Stage stage : Stage.values()) {
                Optional<SchoolCapacity> c =
                        s.capacities().stream().filter(x -> x.stage() == stage).findFirst();
                row.add(c.map(SchoolCapacity::seats).orElse(null));
                row.add(c.map(SchoolCapacity::classes).orElse(null));
            }
            row.add(s.phone());
            rows.add(row);
        }
        return rows;
    }

    /**
     * The workbook: the school sheet (with the example row first when {@code example} is given) and the notes sheet
     * that says how to fill each column and lists the county's towns with their codes.
     */
    public static byte[] workbook(List<SchoolDetails> schools, SchoolDetails example, Context context) {
        List<List<Object>> rows = new ArrayList<>();
        if (example != null) {
            List<Object> first =
                    new ArrayList<>(rows(List.of(example), context.towns()).get(0));
            first.set(0, EXAMPLE);
            rows.add(first);
        }
        rows.addAll(rows(schools, context.towns()));
        SetupSheets.Out sheet = new SetupSheets.Out(
                SHEET,
                HEADERS,
                rows,
                example == null ? 0 : 1,
                List.of(14, 28, 10, 12, 16, 14, 16, 14, 30, 12, 10, 12, 10, 16),
                List.of(0, 4, 13),
                Map.of(2, List.of("公办", "民办"), 3, List.of("小学", "初中", "小学、初中")));
        List<String> notes =
                SetupSheets.notes("setup.notes.schools.", context.countyName(), SchoolCapacity.MAX_CLASS_SIZE);
        notes.add("");
        notes.add(SetupSheets.note("setup.notes.towns"));
        context.towns().forEach((code, name) -> notes.add(code + "  " + name));
        return SetupSheets.write(List.of(sheet, SetupSheets.Out.notes(NOTES, NOTES, notes)));
    }
}
