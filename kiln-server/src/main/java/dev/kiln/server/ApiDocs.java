package dev.kiln.server;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Properties;

/**
 * The OpenAPI description ({@code /openapi.json}) and Swagger UI ({@code /docs}), served from the
 * classpath: the UI's files come from the swagger-ui WebJar, so nothing is fetched from the network.
 */
final class ApiDocs {
    /** The Swagger UI files that may be served, with their content types; nothing else is read. */
    private static final Map<String, String> UI_FILES = Map.of(
            "swagger-ui-bundle.js", "application/javascript", "swagger-ui.css", "text/css");

    private final byte[] openApi;
    private final byte[] page;
    private final String webjar;

    ApiDocs() throws IOException {
        openApi = resource("openapi.json");
        page = resource("swagger.html");
        webjar = "/META-INF/resources/webjars/swagger-ui/" + webjarVersion() + "/";
    }

    /** The swagger-ui WebJar's version, read from the jar's own Maven metadata. */
    private static String webjarVersion() throws IOException {
        try (InputStream in = ApiDocs.class.getResourceAsStream("/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        }
    }

    void openApi(Context ctx) {
        ctx.contentType("application/json").result(openApi);
    }

    void page(Context ctx) {
        ctx.contentType("text/html; charset=utf-8").result(page);
    }

    void file(Context ctx) throws IOException {
        String name = ctx.pathParam("file");
        String type = UI_FILES.get(name);
        if (type == null) {
            throw new NotFoundException("no file '" + name + "' under /docs");
        }
        try (InputStream in = ApiDocs.class.getResourceAsStream(webjar + name)) {
            if (in == null) {
                throw new NotFoundException("Swagger UI is not on the class path");
            }
            ctx.header("Cache-Control", "max-age=86400").contentType(type).result(in.readAllBytes());
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ApiDocs.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing resource " + name);
            }
            return in.readAllBytes();
        }
    }
}
