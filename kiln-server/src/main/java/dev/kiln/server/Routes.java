package dev.kiln.server;

import io.javalin.config.RoutesConfig;

/** Every route of the server, in one place, as method references to the API classes. */
final class Routes {
    private Routes() {
    }

    static void register(RoutesConfig routes, KilnApi kiln, MlflowApi mlflow, InferenceApi v2, AdminApi admin,
                         ApiDocs docs, ServerMetrics metrics, TokenGuard guard, boolean guardPredictions,
                         FeedbackApi feedback, MonitorApi monitor) {
        routes.before(metrics::start);
        routes.before("/admin/*", guard::check);
        if (guardPredictions) {
            routes.before("/predict", guard::check);
            routes.before("/models/*", guard::check);
            routes.before("/invocations", guard::check);
            routes.before("/v2/models/*", guard::check);
            routes.before("/feedback", guard::check);
        }
        routes.get("/health", kiln::health);
        routes.get("/ready", kiln::ready);
        routes.get("/models", kiln::list);
        routes.post("/predict", kiln::predictDefault);
        routes.post("/models/{ref}/predict", kiln::predictByRef);

        routes.post("/invocations", mlflow::invocations);

        routes.get("/v2", v2::server);
        routes.get("/v2/health/live", v2::live);
        routes.get("/v2/health/ready", v2::ready);
        routes.get("/v2/models/{model}", v2::metadata);
        routes.get("/v2/models/{model}/ready", v2::modelReady);
        routes.get("/v2/models/{model}/versions/{version}", v2::metadata);
        routes.get("/v2/models/{model}/versions/{version}/ready", v2::modelReady);
        routes.post("/v2/models/{model}/infer", v2::infer);
        routes.post("/v2/models/{model}/versions/{version}/infer", v2::infer);

        routes.post("/feedback", feedback::feedback);
        routes.get("/monitor", monitor::all);
        routes.get("/monitor/{model}", monitor::one);

        routes.post("/admin/reload", admin::reload);
        routes.get("/metrics", metrics::scrape);
        routes.get("/openapi.json", docs::openApi);
        routes.get("/docs", docs::page);
        routes.get("/docs/{file}", docs::file);

        routes.after("/predict", ctx -> metrics.finish(ctx, "kiln"));
        routes.after("/models/*", ctx -> metrics.finish(ctx, "kiln"));
        routes.after("/invocations", ctx -> metrics.finish(ctx, "mlflow"));
        routes.after("/v2/*", ctx -> metrics.finish(ctx, "v2"));
        routes.after("/admin/*", ctx -> metrics.finish(ctx, "admin"));
        routes.after("/feedback", ctx -> metrics.finish(ctx, "feedback"));
    }
}
