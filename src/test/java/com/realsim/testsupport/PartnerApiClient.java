package com.realsim.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A partner platform's view of the API over real HTTP with a plain HTTP client: gets a token with client
 * credentials, then calls {@code /api/v1} with it. Answers carry the status, headers and parsed JSON.
 */
public final class PartnerApiClient {

    private static final JsonMapper json = JsonMapper.builder().build();

    private final String base;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private String token;
    private java.util.function.Consumer<HttpRequest> listener = request -> {};

    public PartnerApiClient(int port) {
        this.base = "http://localhost:" + port;
    }

    /** A client already holding a token for these credentials. */
    public static PartnerApiClient signedIn(int port, String clientId, String clientSecret) {
        PartnerApiClient client = new PartnerApiClient(port);
        Answer answer = client.requestToken(clientId, clientSecret);
        if (answer.status() != 200) {
            throw new IllegalStateException("No token for " + clientId + ": " + answer);
        }
        client.token = answer.json().get("access_token").asString();
        return client;
    }

    public Answer requestToken(String clientId, String clientSecret) {
        String basic =
                Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
    }

    public String token() {
        return token;
    }

    public PartnerApiClient withToken(String token) {
        return new PartnerApiClient(this, token);
    }

    private PartnerApiClient(PartnerApiClient from, String token) {
        this.base = from.base;
        this.token = token;
        this.listener = from.listener;
    }

    /** Tells the listener of every request this client sends (e.g. to check which calls a walk made). */
    public PartnerApiClient onRequest(java.util.function.Consumer<HttpRequest> listener) {
        this.listener = listener;
        return this;
    }

    public Answer get(String path) {
        return send(authorised(path).GET());
    }

    public Answer post(String path, Object body) {
        return post(path, body, Map.of());
    }

    public Answer post(String path, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = authorised(path).header("Content-Type", "application/json");
        headers.forEach(request::header);
        return send(
                request.POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : json.writeValueAsString(body))));
    }

    public Answer put(String path, Object body) {
        return send(authorised(path)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
    }

    public Answer postCsv(String path, String csv) {
        return send(authorised(path)
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)));
    }

    /** A multipart/form-data upload of one file with extra text fields. */
    public Answer postFile(
            String path, Map<String, String> fields, String fileName, String contentType, byte[] content) {
        String boundary = "----realsim" + UUID.randomUUID();
        var out = new java.io.ByteArrayOutputStream();
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.forEach((name, value) -> write(
                out,
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
                        + "\r\n"));
        write(
                out,
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
        out.writeBytes(content);
        write(out, "\r\n--" + boundary + "--\r\n");
        return send(authorised(path)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
    }

    private static void write(java.io.ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder authorised(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "application/json")
                .header("Accept-Language", "en")
                .timeout(Duration.ofSeconds(60));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private Answer send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        listener.accept(request);
        try {
            HttpResponse<String> response =
                    http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An HTTP answer: status, headers, body, and the body as JSON. */
    public record Answer(int status, Map<String, java.util.List<String>> headers, String body) {

        public JsonNode json() {
            return body == null || body.isBlank() ? json.nullNode() : json.readTree(body);
        }

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }

        public String code() {
            JsonNode code = json().get("code");
            return code == null ? null : code.asString();
        }
    }
}
