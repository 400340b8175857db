package org.oneenroll.intake.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.oneenroll.intake.entity.CheckState;
import org.oneenroll.intake.entity.FamilyCase.SourceCheck;
import org.oneenroll.intake.entity.Receipt;

/**
 * The receipt read back as a PDF reader and a phone camera would: its Chinese text extracts as written, and the QR
 * code on the rendered page decodes to the case's status page.
 */
class ReceiptPdfTest {

    static final String URL = "https://ruxue.example.gov.cn/parent/case.xhtml?number=620123-2027-X-000042";

    final Receipt receipt = new Receipt(
            "620123-2027-X-000042",
            Instant.parse("2027-06-01T01:05:00Z"),
            "张*明",
            "小学",
            "户籍生",
            "甘肃省 兰州市 榆中县",
            "待线下核验",
            List.of(
                    new SourceCheck("户籍信息", CheckState.CONFIRMED, "核验一致", List.of()),
                    new SourceCheck(
                            "房屋租赁备案信息", CheckState.NOT_CONFIRMED, "未能确认", List.of("请上传房屋租赁合同（备案），或携带原件到招生服务点现场核验"))),
            URL,
            Instant.parse("2027-06-02T08:30:00Z"));

    @Test
    void theChineseTextIsThereAsWritten() throws IOException {
        byte[] pdf = ReceiptPdf.render(receipt);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertEquals(1, document.getNumberOfPages(), "one page to print");
            String text = new PDFTextStripper().getText(document).replaceAll("[ \\t]+", " ");
            for (String expected : List.of(
                    "义务教育入学申请受理回执",
                    "620123-2027-X-000042",
                    "2027年6月1日 09:05",
                    "张*明",
                    "小学",
                    "户籍生",
                    "甘肃省 兰州市 榆中县",
                    "待线下核验",
                    "户籍信息",
                    "核验一致",
                    "房屋租赁备案信息",
                    "未能确认",
                    "用手机扫描二维码",
                    URL,
                    "2027年6月2日 16:30")) {
                assertTrue(text.contains(expected), "missing “" + expected + "” in:\n" + text);
            }
        }
    }

    @Test
    void theQrCodeOnThePrintedPageOpensTheStatusPage() throws Exception {
        try (PDDocument document = Loader.loadPDF(ReceiptPdf.render(receipt))) {
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 150, ImageType.RGB);
            int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
            Result decoded = new QRCodeReader()
                    .decode(
                            new BinaryBitmap(new HybridBinarizer(
                                    new RGBLuminanceSource(page.getWidth(), page.getHeight(), pixels))),
                            Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
            assertEquals(BarcodeFormat.QR_CODE, decoded.getBarcodeFormat());
            assertEquals(URL, decoded.getText());
        }
    }

    @Test
    void aCaseNotYetCheckedSaysSo() throws IOException {
        Receipt unchecked = new Receipt(
                receipt.caseNumber(),
                receipt.submittedAt(),
                receipt.childName(),
                receipt.stage(),
                receipt.type(),
                receipt.county(),
                "已提交",
                List.of(),
                URL,
                receipt.printedAt());
        try (PDDocument document = Loader.loadPDF(ReceiptPdf.render(unchecked))) {
            assertTrue(new PDFTextStripper().getText(document).contains("尚未完成数据核验，结果将短信告知。"));
        }
    }
}
