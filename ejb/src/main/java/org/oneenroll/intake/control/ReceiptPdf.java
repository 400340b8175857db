package org.oneenroll.intake.control;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.oneenroll.intake.entity.FamilyCase.SourceCheck;
import org.oneenroll.intake.entity.Receipt;
import org.oneenroll.platform.control.Clocks;
import org.oneenroll.platform.control.Messages;

/**
 * Prints a case's receipt as a one-page A4 PDF in Chinese, with a QR code a phone scans to open the case's status
 * page. The Chinese text uses the Adobe font STSong-Light (GB encoding UniGB-UCS2-H), which PDF readers supply
 * themselves, so nothing is embedded or installed; the QR code is drawn as vector squares and prints sharp.
 */
public final class ReceiptPdf {

    static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm").withZone(Clocks.SHANGHAI);
    /** Points per QR module: 3 pt is about 1 mm, large enough for any phone camera at reading distance. */
    static final float MODULE = 3f;

    private static final Color MUTED = new Color(0x5b, 0x65, 0x75);

    private final Font title;
    private final Font label;
    private final Font value;
    private final Font small;
    private final Font latin;

    private ReceiptPdf() {
        BaseFont song;
        try {
            song = BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("OpenPDF's Asian font STSong-Light is missing", e);
        }
        title = new Font(song, 20, Font.BOLD);
        label = new Font(song, 11, Font.NORMAL, MUTED);
        value = new Font(song, 12, Font.NORMAL);
        small = new Font(song, 9, Font.NORMAL, MUTED);
        latin = new Font(Font.HELVETICA, 8, Font.NORMAL, MUTED);
    }

    /** The receipt as PDF bytes. */
    public static byte[] render(Receipt receipt) {
        return new ReceiptPdf().print(receipt);
    }

    private byte[] print(Receipt r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 56, 56, 48, 48);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            document.addTitle(text("receipt.title") + " " + r.caseNumber());
            document.addCreator("OneEnroll");
            document.open();

            Paragraph heading = new Paragraph(text("receipt.title"), title);
            heading.setAlignment(Element.ALIGN_CENTER);
            document.add(heading);
            Paragraph issuer = new Paragraph(text("receipt.issuer", r.county()), label);
            issuer.setAlignment(Element.ALIGN_CENTER);
            issuer.setSpacingAfter(14);
            document.add(issuer);

            PdfPTable facts = new PdfPTable(new float[] {1.2f, 3f});
            facts.setWidthPercentage(100);
            fact(facts, "receipt.number", r.caseNumber());
            fact(facts, "receipt.submitted", r.submittedAt() == null ? "" : TIME.format(r.submittedAt()));
            fact(facts, "receipt.child", r.childName());
            fact(facts, "receipt.stage", r.stage());
            fact(facts, "receipt.type", r.type());
            fact(facts, "receipt.county", r.county());
            fact(facts, "receipt.status", r.statusLabel());
            document.add(facts);

            Paragraph checksHeading = new Paragraph(text("receipt.checks"), value);
            checksHeading.setSpacingBefore(14);
            checksHeading.setSpacingAfter(6);
            document.add(checksHeading);
            if (r.checks().isEmpty()) {
                document.add(new Paragraph(text("receipt.no-checks"), label));
            } else {
                PdfPTable checks = new PdfPTable(new float[] {1.6f, 1.2f, 3.2f});
                checks.setWidthPercentage(100);
                for (SourceCheck c : r.checks()) {
                    checks.addCell(cell(c.source(), value));
                    checks.addCell(cell(c.stateLabel(), value));
                    checks.addCell(cell(String.join("；", c.details()), small));
                }
                document.add(checks);
            }

            PdfPTable scan = new PdfPTable(new float[] {1f, 2.4f});
            scan.setWidthPercentage(100);
            scan.setSpacingBefore(18);
            PdfPCell code = new PdfPCell(qrCode(writer.getDirectContent(), r.statusUrl()), false);
            code.setBorder(Rectangle.NO_BORDER);
            scan.addCell(code);
            PdfPCell words = new PdfPCell();
            words.setBorder(Rectangle.NO_BORDER);
            words.setVerticalAlignment(Element.ALIGN_MIDDLE);
            words.addElement(new Paragraph(text("receipt.scan"), value));
            words.addElement(new Paragraph(r.statusUrl(), latin));
            scan.addCell(words);
            document.add(scan);

            Paragraph footer = new Paragraph(
                    text("receipt.footer", r.printedAt() == null ? "" : TIME.format(r.printedAt())), small);
            footer.setSpacingBefore(18);
            document.add(footer);
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("the receipt of " + r.caseNumber() + " could not be printed", e);
        }
        return out.toByteArray();
    }

    private void fact(PdfPTable table, String key, String text) {
        PdfPCell name = cell(text(key), label);
        table.addCell(name);
        table.addCell(cell(text == null ? "" : text, value));
    }

    private static PdfPCell cell(String text, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setPadding(6);
        cell.setBorderColor(new Color(0xd5, 0xdb, 0xe5));
        return cell;
    }

    /** The QR code of {@code url} (error correction M, UTF-8) as vector squares, quiet zone included. */
    static Image qrCode(PdfContentByte canvas, String url) {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter()
                    .encode(
                            url,
                            BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(
                                    EncodeHintType.ERROR_CORRECTION,
                                    ErrorCorrectionLevel.M,
                                    EncodeHintType.CHARACTER_SET,
                                    "UTF-8",
                                    EncodeHintType.MARGIN,
                                    4));
        } catch (WriterException e) {
            throw new IllegalArgumentException("no QR code holds " + url, e);
        }
        int size = matrix.getWidth();
        PdfTemplate template = canvas.createTemplate(size * MODULE, size * MODULE);
        template.setColorFill(Color.BLACK);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                if (matrix.get(x, y)) {
                    // PDF's y axis points up, the matrix's rows go down.
                    template.rectangle(x * MODULE, (size - 1 - y) * MODULE, MODULE, MODULE);
                }
            }
        }
        template.fill();
        try {
            return Image.getInstance(template);
        } catch (com.lowagie.text.BadElementException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(String key, Object... args) {
        return Messages.format(Messages.DEFAULT_LOCALE, key, args);
    }
}
