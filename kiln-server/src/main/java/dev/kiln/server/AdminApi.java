package dev.kiln.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;

/** Management endpoints (token-guarded): {@code POST /admin/reload} re-reads the model source and hot-swaps the served set. */
final class AdminApi {
    private final PredictionServer server;

    AdminApi(PredictionServer server) {
        this.server = server;
    }

    void reload(Context ctx) throws IOException {
        ServedModels served = server.reload();
        ObjectNode out = Json.MAPPER.createObjectNode().put("reloaded", true);
        var refs = out.putArray("models");
        served.all().forEach(m -> refs.add(m.ref()));
        Json.send(ctx, 200, out);
    }
}
