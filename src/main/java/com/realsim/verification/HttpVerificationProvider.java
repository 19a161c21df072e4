package com.realsim.verification;

import com.realsim.identity.IdDocument;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * The adapter to an external verification service (docs/verification.md, "External interface"):
 *
 * <ul>
 *   <li>{@code POST {base}/v1/identity-checks} {@code {"name","idType","idNumber"}} → {@code {"result":
 *       "CONSISTENT|INCONSISTENT|NO_RECORD"}}
 *   <li>{@code POST {base}/v1/face-comparisons} {@code {"livePhoto","idPhoto"}} (Base64) → {@code {"liveness":
 *       true, "similarity": 0.93}}
 * </ul>
 *
 * Each call carries the API key header and an {@code X-Request-Id} that stays the same across its retries. Connection
 * failures, timeouts and 502/503/504 are retried up to {@code max-attempts} with a doubling backoff; then, and for any
 * other 5xx, the check is {@code UNAVAILABLE}. A 4xx is {@code REFUSED}, an answer outside the interface {@code
 * UNREADABLE}: none of them ever approves. Personal data is never logged.
 */
class HttpVerificationProvider implements IdentityCheck, FaceCheck {

    private static final Logger log = LoggerFactory.getLogger(HttpVerificationProvider.class);

    private final RestClient client;
    private final VerificationProperties.Http settings;

    HttpVerificationProvider(VerificationProperties.Http settings) {
        if (settings.baseUrl() == null || settings.baseUrl().isBlank()) {
            throw new IllegalStateException(
                    "realsim.verification.provider=http needs realsim.verification.http.base-url");
        }
        if (settings.maxAttempts() < 1) {
            throw new IllegalStateException("realsim.verification.http.max-attempts must be at least 1");
        }
        this.settings = settings;
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(settings.readTimeout());
        RestClient.Builder builder = RestClient.builder()
                .requestFactory(requests)
                .baseUrl(settings.baseUrl().replaceAll("/+$", ""))
                .defaultHeader("Accept", MediaType.APPLICATION_JSON_VALUE);
        if (settings.apiKey() != null && !settings.apiKey().isBlank()) {
            builder.defaultHeader(settings.apiKeyHeader(), settings.apiKey());
        }
        this.client = builder.build();
    }

    record IdentityRequest(String name, String idType, String idNumber) {
        @Override
        public String toString() {
            return "IdentityRequest[" + idType + "]";
        }
    }

    record IdentityAnswer(String result) {}

    record FaceRequest(String livePhoto, String idPhoto) {
        @Override
        public String toString() {
            return "FaceRequest[photos]";
        }
    }

    record FaceAnswer(Boolean liveness, Double similarity) {}

    @Override
    public IdentityResult check(String name, IdDocument document) {
        IdentityAnswer answer = call(
                "/v1/identity-checks",
                new IdentityRequest(name, document.type().name(), document.number()),
                IdentityAnswer.class);
        if (answer == null || answer.result() == null) {
            throw new CheckUnavailable(CheckUnavailable.Reason.UNREADABLE, "identity check: no result");
        }
        try {
            return IdentityResult.valueOf(answer.result());
        } catch (IllegalArgumentException unknown) {
            throw new CheckUnavailable(CheckUnavailable.Reason.UNREADABLE, "identity check: unknown result");
        }
    }

    @Override
    public FaceResult compare(byte[] livePhoto, byte[] idPhoto) {
        Base64.Encoder base64 = Base64.getEncoder();
        FaceAnswer answer = call(
                "/v1/face-comparisons",
                new FaceRequest(base64.encodeToString(livePhoto), base64.encodeToString(idPhoto)),
                FaceAnswer.class);
        if (answer == null
                || answer.liveness() == null
                || answer.similarity() == null
                || answer.similarity().isNaN()
                || answer.similarity() < 0
                || answer.similarity() > 1) {
            throw new CheckUnavailable(CheckUnavailable.Reason.UNREADABLE, "face comparison: answer out of range");
        }
        return new FaceResult(answer.liveness(), answer.similarity());
    }

    private <T> T call(String path, Object body, Class<T> type) {
        String requestId = UUID.randomUUID().toString();
        Duration wait = settings.backoff();
        String lastProblem = "";
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            if (attempt > 1) {
                pause(wait);
                wait = wait.multipliedBy(2);
            }
            try {
                return client.post()
                        .uri(path)
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("X-Request-Id", requestId)
                        .body(body)
                        .exchange((request, response) -> {
                            int status = response.getStatusCode().value();
                            if (status == 502 || status == 503 || status == 504) {
                                throw new Transient("HTTP " + status);
                            }
                            if (status >= 500) {
                                throw new CheckUnavailable(
                                        CheckUnavailable.Reason.UNAVAILABLE, path + " answered HTTP " + status);
                            }
                            if (status >= 400) {
                                throw new CheckUnavailable(
                                        CheckUnavailable.Reason.REFUSED, path + " answered HTTP " + status);
                            }
                            if (status != 200) {
                                throw new CheckUnavailable(
                                        CheckUnavailable.Reason.UNREADABLE, path + " answered HTTP " + status);
                            }
                            try {
                                return response.bodyTo(type);
                            } catch (RuntimeException unreadable) {
                                throw new CheckUnavailable(
                                        CheckUnavailable.Reason.UNREADABLE, path + " answered no readable JSON");
                            }
                        });
            } catch (Transient | ResourceAccessException transientFailure) {
                lastProblem = transientFailure instanceof Transient
                        ? transientFailure.getMessage()
                        : "no answer (" + rootCause(transientFailure) + ")";
                log.warn(
                        "Verification service {} attempt {}/{} failed: {}",
                        path,
                        attempt,
                        settings.maxAttempts(),
                        lastProblem);
            }
        }
        throw new CheckUnavailable(
                CheckUnavailable.Reason.UNAVAILABLE,
                path + " unavailable after " + settings.maxAttempts() + " attempts: " + lastProblem);
    }

    private static String rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName();
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CheckUnavailable(CheckUnavailable.Reason.UNAVAILABLE, "interrupted while retrying", e);
        }
    }

    /** A 502, 503 or 504 answer: worth another attempt. */
    private static final class Transient extends RuntimeException {
        Transient(String message) {
            super(message, null, false, false);
        }
    }
}
