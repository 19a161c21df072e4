package com.realsim.platform.security;

import com.realsim.platform.CurrentActor;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.web.Discloses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on the Partner API's POSTs: the first request with a key runs and its answer is kept (in
 * PostgreSQL, sealed, for {@link IdempotencyRecords#TIME_TO_LIVE}); a repeat with the same key and the same request gets
 * that answer again with no second effect; the same key with a different request answers 422
 * {@code IDEMPOTENCY_KEY_REUSED}; a repeat while the first is still running answers 409. Keys are per client. An
 * answer of 5xx is not kept, so the request can be retried with the same key. A successful answer of a handler marked
 * {@link Discloses} is not kept: a repeat runs again ({@link Discloses.Repeat#RUN_AGAIN}, so the disclosure is audited
 * again) or answers 409 {@code IDEMPOTENT_ANSWER_NOT_REPEATED} ({@link Discloses.Repeat#NEVER}, secrets).
 */
@RequiredArgsConstructor
final class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";

    private final IdempotencyRecords records;
    private final ProblemResponses problems;

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER).strip();
        if (key.isEmpty() || key.length() > 255 || CurrentActor.find().isEmpty()) {
            problems.write(response, ErrorCode.VALIDATION_FAILED);
            return;
        }
        String owner = CurrentActor.get().principalKey();
        BufferedRequest buffered = new BufferedRequest(request);
        String fingerprint = records.fingerprint(digest(buffered));

        Optional<IdempotencyRecords.Stored> earlier = records.claim(owner, key, fingerprint);
        if (earlier.isPresent()) {
            IdempotencyRecords.Stored stored = earlier.get();
            if (!stored.fingerprint().equals(fingerprint)) {
                problems.write(response, ErrorCode.IDEMPOTENCY_KEY_REUSED);
            } else if (stored.inProgress()) {
                problems.write(response, ErrorCode.IDEMPOTENT_REQUEST_IN_PROGRESS);
            } else if (stored.answer() == IdempotencyRecords.Answer.RUN_AGAIN) {
                chain.doFilter(buffered, response);
            } else if (stored.answer() == IdempotencyRecords.Answer.NOT_REPEATED) {
                if (stored.location() != null) {
                    response.setHeader("Location", stored.location());
                }
                response.setHeader("Idempotent-Replayed", "true");
                problems.write(response, ErrorCode.IDEMPOTENT_ANSWER_NOT_REPEATED);
            } else {
                replay(stored, response);
            }
            return;
        }

        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(buffered, recorded);
            if (recorded.getStatus() < 500) {
                records.complete(
                        owner,
                        key,
                        fingerprint,
                        recorded.getStatus(),
                        recorded.getContentType(),
                        recorded.getHeader("Location"),
                        answerFor(buffered, recorded.getStatus()),
                        recorded.getContentAsByteArray());
                kept = true;
            }
        } finally {
            if (!kept) {
                records.release(owner, key);
            }
            recorded.copyBodyToResponse();
        }
    }

    /**
     * How a repeat will be answered: a successful answer of a handler marked {@link Discloses} is not kept; any other
     * answer (including that handler's refusals, which carry nothing clear) is.
     */
    private static IdempotencyRecords.Answer answerFor(HttpServletRequest request, int status) {
        if (status < 200
                || status >= 300
                || !(request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE)
                        instanceof HandlerMethod handler)) {
            return IdempotencyRecords.Answer.REPLAY;
        }
        Discloses discloses = handler.getMethodAnnotation(Discloses.class);
        if (discloses == null) {
            return IdempotencyRecords.Answer.REPLAY;
        }
        return discloses.value() == Discloses.Repeat.RUN_AGAIN
                ? IdempotencyRecords.Answer.RUN_AGAIN
                : IdempotencyRecords.Answer.NOT_REPEATED;
    }

    private static void replay(IdempotencyRecords.Stored stored, HttpServletResponse response) throws IOException {
        response.setStatus(stored.status());
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        if (stored.location() != null) {
            response.setHeader("Location", stored.location());
        }
        response.setHeader("Idempotent-Replayed", "true");
        response.getOutputStream().write(stored.body());
    }

    /**
     * SHA-256 of method, path, query and body, as hex; a multipart boundary (random per request) does not count. Kept
     * only as the keyed {@link IdempotencyRecords#fingerprint}.
     */
    static String digest(BufferedRequest request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            byte[] body = request.body();
            String contentType = request.getContentType();
            if (contentType != null && contentType.startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)) {
                String boundary = MediaType.parseMediaType(contentType).getParameter("boundary");
                if (boundary != null) {
                    body = new String(body, StandardCharsets.ISO_8859_1)
                            .replace(boundary, "BOUNDARY")
                            .getBytes(StandardCharsets.ISO_8859_1);
                }
            }
            return HexFormat.of().formatHex(digest.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request with its body read once into memory, so it can be fingerprinted and still be read downstream. */
    static final class BufferedRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedRequest(HttpServletRequest request) throws IOException {
            super(request);
            this.body = request.getInputStream().readAllBytes();
        }

        byte[] body() {
            return body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("Asynchronous reading is not supported");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
            return new BufferedReader(
                    new InputStreamReader(new ByteArrayInputStream(body), java.nio.charset.Charset.forName(encoding)));
        }
    }
}
