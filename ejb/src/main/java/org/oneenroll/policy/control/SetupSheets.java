package org.oneenroll.policy.control;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.oneenroll.platform.control.Messages;
import org.oneenroll.platform.entity.InvalidValueException;

/**
 * Set-up sheets in and out of Excel (.xlsx): a sheet becomes rows of cell texts as a person reads them (numbers
 * without a trailing ".0", nothing of formatting), and rows of texts and numbers become a workbook with a styled
 * header, text-formatted code columns and a notes sheet. No rules here: {@link SchoolSheet} and {@link ZoneSheet}
 * judge the rows.
 */
public final class SetupSheets {

    /** A set-up file larger than this is refused unread: a county's sheet is a few hundred kilobytes. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;
    /**
     * What the workbook may unpack to at most: a county's sheet unpacks to a few megabytes, a crafted zip of 5 MB to
     * gigabytes, so the parts are counted as they are unpacked and the file refused past this.
     */
    public static final long MAX_UNZIPPED = 64L * 1024 * 1024;
    /** Rows read at most from one sheet (a county has a few hundred schools and some thousands of units). */
    public static final int MAX_ROWS = 20_000;

    private static final String HEADER_FILL = "DDEBF7";
    private static final String EXAMPLE_COLOR = "7F7F7F";

    private SetupSheets() {}

    /** One sheet as read: its name and its non-empty rows with their Excel row numbers (1 is the header). */
    public record Table(String name, List<Line> lines) {
        public Table {
            lines = List.copyOf(lines);
        }
    }

    /** One row: its number as Excel shows it, and its cells' texts (blank cells as ""). */
    public record Line(int number, List<String> cells) {
        public Line {
            cells = List.copyOf(cells);
        }

        public String cell(int index) {
            return index >= 0 && index < cells.size() ? cells.get(index) : "";
        }

        public boolean blank() {
            return cells.stream().allMatch(String::isBlank);
        }
    }

    /**
     * A sheet to write: a header row, data rows (String, Number or null per cell), which leading data rows are
     * examples (shown in grey), column widths, the columns that hold codes (kept as text so Excel keeps every digit),
     * and for some columns a list of the values allowed (a drop-down in Excel).
     */
    public record Out(
            String name,
            List<String> headers,
            List<List<Object>> rows,
            int exampleRows,
            List<Integer> widths,
            List<Integer> textColumns,
            Map<Integer, List<String>> choices) {

        /** A notes sheet: one column of text lines under a title. */
        public static Out notes(String name, String title, List<String> lines) {
            List<List<Object>> rows = new ArrayList<>();
            lines.forEach(l -> rows.add(List.of(l)));
            return new Out(name, List.of(title), rows, 0, List.of(120), List.of(), Map.of());
        }
    }

    /**
     * Reads the sheet named {@code preferred}, or the workbook's first sheet.
     *
     * @throws InvalidValueException when the bytes are not an .xlsx workbook (an old .xls, a CSV, a damaged file), the
     *                               file is too large, or the sheet has too many rows
     */
    public static Table read(byte[] xlsx, String preferred) {
        if (xlsx == null || xlsx.length == 0) {
            throw new InvalidValueException("file", "setup.file.empty");
        }
        if (xlsx.length > MAX_BYTES) {
            throw new InvalidValueException("file", "setup.file.too-large", MAX_BYTES / 1024 / 1024);
        }
        if (xlsx.length < 8) {
            // shorter than either signature: fastexcel-reader's own checks refuse to look at it
            throw new InvalidValueException("file", "setup.file.not-xlsx");
        }
        if (ReadableWorkbook.isOLE2Header(xlsx)) {
            throw new InvalidValueException("file", "setup.file.xls");
        }
        if (!ReadableWorkbook.isOOXMLZipHeader(xlsx)) {
            throw new InvalidValueException("file", "setup.file.not-xlsx");
        }
        requireModestUnpackedSize(xlsx);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            Optional<Sheet> named = workbook.findSheet(preferred);
            Sheet sheet = named.isPresent() ? named.get() : workbook.getFirstSheet();
            List<Line> lines = new ArrayList<>();
            try (Stream<Row> rows = sheet.openStream()) {
                for (Row row : (Iterable<Row>) rows::iterator) {
                    if (lines.size() >= MAX_ROWS) {
                        throw new InvalidValueException("file", "setup.file.too-many-rows", MAX_ROWS);
                    }
                    Line line = line(row);
                    if (!line.blank()) {
                        lines.add(line);
                    }
                }
            }
            return new Table(sheet.getName(), lines);
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidValueException refused) {
                throw refused;
            }
            // fastexcel-reader reports a damaged workbook with unchecked exceptions of its XML and zip layers.
            throw new InvalidValueException("file", "setup.file.not-xlsx");
        }
    }

    private static void requireModestUnpackedSize(byte[] xlsx) {
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        // commons-compress (fastexcel-reader's own zip reader) copes with the data descriptors and ZIP64 records that
        // streaming writers such as Excel and fastexcel leave, which java.util.zip's stream reader refuses.
        try (ZipArchiveInputStream zip =
                new ZipArchiveInputStream(new ByteArrayInputStream(xlsx), "UTF-8", true, true)) {
            while (zip.getNextEntry() != null) {
                for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
                    total += n;
                    if (total > MAX_UNZIPPED) {
                        throw new InvalidValueException("file", "setup.file.too-large", MAX_BYTES / 1024 / 1024);
                    }
                }
            }
        } catch (IOException e) {
            throw new InvalidValueException("file", "setup.file.not-xlsx");
        }
    }

    private static Line line(Row row) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < row.getCellCount(); i++) {
            cells.add(text(row.getCell(i)));
        }
        return new Line(row.getRowNum(), cells);
    }

    /** A cell as its reader sees it: 620123100 rather than 6.20123100E8 or 620123100.0; errors and blanks as "". */
    static String text(Cell cell) {
        if (cell == null || cell.getType() == CellType.EMPTY || cell.getType() == CellType.ERROR) {
            return "";
        }
        if (cell.getType() == CellType.NUMBER) {
            BigDecimal number = cell.asNumber();
            return number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
        }
        if (cell.getType() == CellType.FORMULA) {
            String raw = cell.getRawValue();
            return raw == null ? "" : raw.strip();
        }
        String text = cell.getText();
        return text == null ? "" : text.strip();
    }

    /**
     * The lines of a notes sheet: messages {@code prefix1}, {@code prefix2} ... in Chinese, as many as the bundle has.
     */
    public static List<String> notes(String prefix, Object... arguments) {
        List<String> lines = new ArrayList<>();
        for (int i = 1; ; i++) {
            String key = prefix + i;
            String line = Messages.format(Messages.DEFAULT_LOCALE, key, arguments);
            if (line.equals(key)) {
                return lines;
            }
            lines.add(line);
        }
    }

    public static String note(String key, Object... arguments) {
        return Messages.format(Messages.DEFAULT_LOCALE, key, arguments);
    }

    /** Writes the sheets into one workbook, in order; the first is the one Excel opens. */
    public static byte[] write(List<Out> sheets) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(bytes, "OneEnroll", "1.0");
            for (Out out : sheets) {
                sheet(workbook.newWorksheet(out.name()), out);
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a workbook in memory", e);
        }
        return bytes.toByteArray();
    }

    private static void sheet(Worksheet ws, Out out) {
        int lastRow = Math.max(out.rows().size(), 500);
        for (int c = 0; c < out.headers().size(); c++) {
            ws.value(0, c, out.headers().get(c));
            ws.style(0, c).bold().fillColor(HEADER_FILL).set();
            if (c < out.widths().size()) {
                ws.width(c, out.widths().get(c));
            }
        }
        for (int c : out.textColumns()) {
            // Kept as text: Excel would otherwise drop the leading zero of an area code or round a long code.
            ws.range(1, c, lastRow, c).style().format("@").set();
        }
        out.choices().forEach((c, values) -> ws.range(1, c, lastRow, c)
                .validateWithListByFormula("\"" + String.join(",", values) + "\"")
                .allowBlank(true)
                .showErrorMessage(false));
        for (int r = 0; r < out.rows().size(); r++) {
            List<Object> row = out.rows().get(r);
            for (int c = 0; c < row.size(); c++) {
                Object v = row.get(c);
                if (v instanceof Number n) {
                    ws.value(r + 1, c, n);
                } else if (v != null && !v.toString().isEmpty()) {
                    ws.value(r + 1, c, v.toString());
                }
                if (r < out.exampleRows()) {
                    ws.style(r + 1, c).italic().fontColor(EXAMPLE_COLOR).set();
                }
            }
        }
        if (!out.rows().isEmpty() || out.headers().size() > 1) {
            ws.freezePane(0, 1);
        }
    }
}
