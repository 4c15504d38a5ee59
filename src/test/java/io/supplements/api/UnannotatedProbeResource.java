package io.supplements.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** An endpoint someone forgot to annotate with @RolesAllowed or @PermitAll (KeysAndRolesApiTest). */
@Path("/v1/unannotated-probe")
public class UnannotatedProbeResource {
    @GET
    @Operation(hidden = true)
    public String read() {
        return "open to anyone";
    }

    @POST
    @Operation(hidden = true)
    public String write() {
        return "written by anyone";
    }
}
