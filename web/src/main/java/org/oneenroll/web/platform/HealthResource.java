package org.oneenroll.web.platform;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.oneenroll.platform.boundary.Health;

/** {@code GET /api/health}: 200 with the checks when this node can serve, 503 when it cannot (for the load balancer). */
@Path("health")
public class HealthResource {

    @Inject
    Health health;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get() {
        Health.Report report = health.check();
        return Response.status(report.up() ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
                .entity(new HealthView(report.up() ? "UP" : "DOWN", report.checks()))
                .build();
    }

    /** The JSON shape of the answer. */
    public record HealthView(String status, java.util.Map<String, String> checks) {}
}
