package org.oneenroll.web.intake;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.oneenroll.intake.boundary.FamilyCases;
import org.oneenroll.intake.entity.CaseNumber;
import org.oneenroll.platform.control.Settings;
import org.oneenroll.platform.entity.InvalidValueException;

/**
 * The printable receipt of a case (PDF), at {@code /parent/receipt?number=...} for its family and at
 * {@code /staff/receipt?number=...} for counter and county staff (web.xml guards both; {@code FamilyCases} checks
 * whose case it is). Its QR code opens the case's status page: under {@code oneenroll.public.url} when set (the
 * address families reach through the load balancer), else under the address this request came to.
 */
@WebServlet(urlPatterns = {"/parent/receipt", "/staff/receipt"})
public class ReceiptServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String PUBLIC_URL = "oneenroll.public.url";

    @Inject
    transient FamilyCases familyCases;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String number = request.getParameter("number");
        if (number == null || number.isBlank()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] pdf;
        try {
            String normalised = CaseNumber.parse(number).toString();
            pdf = familyCases.receipt(normalised, statusUrl(request, normalised));
        } catch (InvalidValueException notFound) {
            // Unknown, malformed or someone else's: the same answer, so numbers cannot be probed.
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        } catch (EJBAccessException notAllowed) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", "inline; filename=\"receipt.pdf\"");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(pdf.length);
        response.getOutputStream().write(pdf);
    }

    static String statusUrl(HttpServletRequest request, String number) {
        String base = Settings.value(PUBLIC_URL)
                .map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u)
                .orElseGet(() -> request.getScheme() + "://" + request.getServerName() + port(request)
                        + request.getContextPath());
        return base + "/parent/case.xhtml?number=" + URLEncoder.encode(number, StandardCharsets.UTF_8);
    }

    private static String port(HttpServletRequest request) {
        int port = request.getServerPort();
        boolean standard = ("http".equals(request.getScheme()) && port == 80)
                || ("https".equals(request.getScheme()) && port == 443);
        return standard ? "" : ":" + port;
    }
}
