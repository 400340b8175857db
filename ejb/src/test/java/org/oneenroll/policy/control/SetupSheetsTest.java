package org.oneenroll.policy.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.oneenroll.platform.entity.InvalidValueException;

/** Excel in and out: cells read as people typed them, files that are not workbooks refused in words. */
class SetupSheetsTest {

    @Test
    void numbersAreReadAsTypedAndBlankRowsAreDropped() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Workbook wb = new Workbook(bytes, "test", "1.0");
        Worksheet other = wb.newWorksheet("其他");
        other.value(0, 0, "不是这张");
        Worksheet ws = wb.newWorksheet("学校");
        ws.value(0, 0, "代码");
        ws.value(0, 1, "学位");
        ws.value(2, 0, 620123100L);
        ws.value(2, 1, 270.0);
        ws.value(3, 0, " 空格 ");
        ws.value(3, 2, 0);
        wb.finish();

        SetupSheets.Table cut = SetupSheets.read(bytes.toByteArray(), "学校");

        assertEquals("学校", cut.name());
        assertEquals(
                List.of(
                        new SetupSheets.Line(1, List.of("代码", "学位")),
                        new SetupSheets.Line(3, List.of("620123100", "270")),
                        new SetupSheets.Line(4, List.of("空格", "", "0"))),
                cut.lines());
        assertEquals(
                "不是这张",
                SetupSheets.read(bytes.toByteArray(), "没有这张").lines().get(0).cell(0),
                "else the first");
    }

    @Test
    void aWrittenWorkbookReadsBack() {
        byte[] xlsx = SetupSheets.write(List.of(
                new SetupSheets.Out(
                        "表",
                        List.of("代码", "数"),
                        List.of(List.of("0931", 45), java.util.Arrays.asList("X", null)),
                        1,
                        List.of(10, 10),
                        List.of(0),
                        Map.of(0, List.of("0931", "X"))),
                SetupSheets.Out.notes("说明", "说明", List.of("第一行"))));

        SetupSheets.Table cut = SetupSheets.read(xlsx, "表");

        assertEquals(List.of("0931", "45"), cut.lines().get(1).cells());
        assertEquals(List.of("X"), cut.lines().get(2).cells());
        assertEquals("第一行", SetupSheets.read(xlsx, "说明").lines().get(1).cell(0));
    }

    @Test
    void aWorkbookThatUnpacksToFarMoreThanASheetIsRefusedBeforeItIsParsed() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i <= SetupSheets.MAX_UNZIPPED / zeros.length; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertEquals(true, bytes.size() < SetupSheets.MAX_BYTES, "small on the wire");

        InvalidValueException refused =
                assertThrows(InvalidValueException.class, () -> SetupSheets.read(bytes.toByteArray(), "学校"));

        assertEquals("setup.file.too-large", refused.messageKey());
    }

    @Test
    void filesThatAreNotWorkbooksAreRefusedInWords() {
        InvalidValueException csv = assertThrows(
                InvalidValueException.class,
                () -> SetupSheets.read("学校代码,学校名称\n".getBytes(StandardCharsets.UTF_8), "学校"));
        assertEquals("setup.file.not-xlsx", csv.messageKey());
        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
        assertEquals(
                "setup.file.xls",
                assertThrows(InvalidValueException.class, () -> SetupSheets.read(ole2, "学校"))
                        .messageKey());
        byte[] brokenZip = {'P', 'K', 3, 4, 1, 2, 3};
        assertEquals(
                "setup.file.not-xlsx",
                assertThrows(InvalidValueException.class, () -> SetupSheets.read(brokenZip, "学校"))
                        .messageKey());
        assertEquals(
                "setup.file.empty",
                assertThrows(InvalidValueException.class, () -> SetupSheets.read(new byte[0], "学校"))
                        .messageKey());
        assertEquals(
                "setup.file.too-large",
                assertThrows(
                                InvalidValueException.class,
                                () -> SetupSheets.read(new byte[SetupSheets.MAX_BYTES + 1], "学校"))
                        .messageKey());
    }
}
