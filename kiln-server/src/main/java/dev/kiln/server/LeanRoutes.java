package dev.kiln.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;

/**
 * A Jetty core handler in front of Javalin that answers the hot requests without the servlet layer and Javalin's
 * routing: {@code GET /health}, and {@code POST /predict} and {@code POST /models/{ref}/predict} when the request is
 * one the compiled one-record path of {@link RecordPredictor} answers (no query string, a body of known length up to
 * {@value #MAX_BODY} bytes holding one plain record, a model with a row form, the token when predictions are
 * guarded). It answers them exactly as the Javalin routes would: the same response bytes and content type, the same
 * request metrics ({@code kiln_requests_seconds}, {@code kiln_predicted_rows_total}) and the same prediction log
 * entry with its {@value PredictionRecorder#ID_HEADER} header.
 *
 * <p>Every other request goes to Javalin unchanged, on a pool thread: anything it does not recognise at once, and
 * any prediction the compiled path declines after reading the body (a batch, a malformed or wrong field, an
 * unknown model, a missing token, an oversized body, a failure while scoring), whose body is then handed on as it
 * came. So errors (400, 401/403, 404, 413, 422, 500) keep Javalin's messages, because Javalin produces them.
 *
 * <p>The handler declares itself blocking, so Jetty runs it on its pool threads rather than on the few selector
 * threads that read the requests: scoring on the selectors was faster in CPU per request, but a selector busy scoring
 * keeps the other connections it serves waiting, and with 32 connections on two cores the slowest requests took
 * 50 ms instead of 2.
 */
final class LeanRoutes extends Handler.Wrapper {
    /** Largest body the lean path reads; a one-record request is far smaller, larger ones go to Javalin. */
    static final int MAX_BODY = 64 * 1024;
    /** The body of {@code GET /health}, as {@link KilnApi#health} writes it. */
    static final byte[] HEALTH = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);

    private static final String PREDICT = "/predict";
    private static final String MODELS = "/models/";
    private static final PreEncodedHttpField JSON_TYPE = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, "application/json");

    private final Supplier<ServedModels> models;
    private final PredictionRecorder recorder;
    private final ServerMetrics metrics;
    private final TokenGuard guard;
    private final boolean guarded;
    private final long maxBody;

    LeanRoutes(Supplier<ServedModels> models, PredictionRecorder recorder, ServerMetrics metrics, TokenGuard guard,
               boolean guardPredictions, long maxBodyBytes) {
        this.models = models;
        this.recorder = recorder;
        this.metrics = metrics;
        this.guard = guard;
        this.guarded = guardPredictions;
        this.maxBody = Math.min(MAX_BODY, maxBodyBytes);
    }

    /** Blocking: run on a pool thread, which may also run Javalin's servlet (see the class comment). */
    @Override
    public InvocationType getInvocationType() {
        return InvocationType.BLOCKING;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long start = System.nanoTime();
        HttpURI uri = request.getHttpURI();
        String path = uri.getPath();
        String method = request.getMethod();
        if (uri.getQuery() == null && path != null) {
            if ("GET".equals(method) && "/health".equals(path)) {
                write(response, callback, HEALTH, null);
                return true;
            }
            if ("POST".equals(method)) {
                String ref = PREDICT.equals(path) ? "" : modelRef(path);
                if (ref != null) {
                    ServedModel model = servable(request, ref);
                    if (model != null) {
                        new Prediction(request, response, callback, model, start, (int) request.getLength()).run();
                        return true;
                    }
                }
            }
        }
        return delegate(request, response, callback);
    }

    /** The {@code ref} of {@code /models/{ref}/predict} when it is plain text (no escapes, no slashes), else null. */
    static String modelRef(String path) {
        if (!path.startsWith(MODELS) || !path.endsWith(PREDICT) || path.length() <= MODELS.length() + PREDICT.length()) {
            return null;
        }
        String ref = path.substring(MODELS.length(), path.length() - PREDICT.length());
        for (int i = 0; i < ref.length(); i++) {
            char c = ref.charAt(i);
            boolean plain = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '_' || c == '-' || c == '.' || c == ':' || c == '@';
            if (!plain) {
                return null;
            }
        }
        return ref.equals(".") || ref.equals("..") ? null : ref;
    }

    /** The model a prediction request may be answered for on this path, or null when Javalin must handle it. */
    private ServedModel servable(Request request, String ref) {
        long length = request.getLength();
        if (length <= 0 || length > maxBody) {
            return null;
        }
        if (guarded && !guard.accepts(request.getHeaders().get(HttpHeader.AUTHORIZATION))) {
            return null;
        }
        ServedModel model;
        try {
            ServedModels served = models.get();
            model = ref.isEmpty() ? served.defaultModel() : served.resolve(ref);
        } catch (NotFoundException e) {
            return null;
        }
        return model.records() != null && recorder.fastPath(model) ? model : null;
    }

    /** Reads the body as it comes, then answers it on the compiled path or hands it to Javalin. */
    private final class Prediction implements Invocable.Task {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final ServedModel model;
        private final long start;
        private final byte[] body;
        private int filled;

        Prediction(Request request, Response response, Callback callback, ServedModel model, long start, int length) {
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.model = model;
            this.start = start;
            this.body = new byte[length];
        }

        @Override
        public InvocationType getInvocationType() {
            return InvocationType.BLOCKING;
        }

        @Override
        public void run() {
            while (true) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    callback.failed(chunk.getFailure());
                    return;
                }
                ByteBuffer bytes = chunk.getByteBuffer();
                int n = bytes.remaining();
                boolean last = chunk.isLast();
                if (n > body.length - filled) {
                    // more than the declared length: Jetty's parser does not let this happen; fail rather than guess
                    chunk.release();
                    callback.failed(new IllegalStateException("request body longer than its Content-Length"));
                    return;
                }
                bytes.get(body, filled, n);
                filled += n;
                chunk.release();
                if (last) {
                    answer();
                    return;
                }
            }
        }

        private void answer() {
            if (filled != body.length) {
                delegate(replay(request, body, filled), response, callback);
                return;
            }
            boolean logged = recorder.mayLog(model);
            byte[] answer;
            try {
                answer = model.records().predict(body, recorder.keyField(model, logged));
            } catch (Exception e) {
                answer = null; // Javalin runs the same path again and reports the failure as it always has
            }
            if (answer == null) {
                delegate(replay(request, body, filled), response, callback);
                return;
            }
            String id = logged ? recorder.recordRow(model, System.nanoTime() - start) : null;
            metrics.recordOneRow(model.ref(), System.nanoTime() - start);
            write(response, callback, answer, id);
        }
    }

    private static void write(Response response, Callback callback, byte[] body, String predictionId) {
        response.setStatus(200);
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(JSON_TYPE);
        if (predictionId != null) {
            headers.put(PredictionRecorder.ID_HEADER, predictionId);
        }
        headers.put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /** {@code request} with its body, already read into {@code body[0, length)}, to be read again. */
    private static Request replay(Request request, byte[] body, int length) {
        return new Request.Wrapper(request) {
            private boolean given;

            @Override
            public Content.Chunk read() {
                if (given) {
                    return Content.Chunk.EOF;
                }
                given = true;
                return Content.Chunk.from(ByteBuffer.wrap(body, 0, length), true);
            }

            @Override
            public void demand(Runnable demandCallback) {
                demandCallback.run();
            }
        };
    }

    /** Passes the request to Javalin (this handler runs on a pool thread, where its servlet may block). */
    private boolean delegate(Request request, Response response, Callback callback) {
        Handler next = getHandler();
        if (next == null) {
            return false;
        }
        try {
            if (!next.handle(request, response, callback)) {
                Response.writeError(request, response, callback, 404);
            }
        } catch (Throwable e) {
            Response.writeError(request, response, callback, e);
        }
        return true;
    }
}
