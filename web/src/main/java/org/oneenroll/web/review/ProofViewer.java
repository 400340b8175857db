package org.oneenroll.web.review;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.oneenroll.intake.entity.ApplicationViews;
import org.oneenroll.platform.entity.InvalidValueException;
import org.oneenroll.review.boundary.Reviews;

/**
 * 材料查看: streams one uploaded proof inline (the browser shows the photo or the PDF) for a reviewer or supervisor
 * whose scope holds the case. {@link Reviews#proof} checks the scope and writes the audit line; the response is
 * never cached and never sniffed into another type.
 */
@WebServlet("/staff/proof")
public class ProofViewer extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Reviews reviews;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long id;
        try {
            id = Long.parseLong(request.getParameter("id"));
        } catch (NumberFormatException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        ApplicationViews.ProofContent proof;
        try {
            proof = reviews.proof(String.valueOf(request.getParameter("case")), id);
        } catch (InvalidValueException e) {
            // outside the scope or no such proof: the same answer, so a number reveals nothing
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        } catch (EJBAccessException e) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        response.setContentType(proof.contentType());
        response.setContentLength(proof.bytes().length);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader(
                "Content-Disposition",
                "inline; filename*=UTF-8''"
                        + URLEncoder.encode(proof.fileName(), StandardCharsets.UTF_8)
                                .replace("+", "%20"));
        response.getOutputStream().write(proof.bytes());
    }
}
