package com.realsim.verification;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The external verification service of docs/verification.md, faked on 127.0.0.1 with the JDK's HTTP server: each
 * path answers from a queue of scripted replies (the last one repeats), can sleep before answering, and counts the
 * requests it received with their headers and bodies.
 */
final class FakeVerificationServer implements AutoCloseable {

    static final String IDENTITY = "/v1/identity-checks";
    static final String FACE = "/v1/face-comparisons";

    /** One scripted answer: status, JSON body, and how long to wait before sending it. */
    record Reply(int status, String body, long delayMillis) {
        static Reply json(String body) {
            return new Reply(200, body, 0);
        }

        static Reply status(int status) {
            return new Reply(status, "{\"error\":\"scripted\"}", 0);
        }

        static Reply slow(String body, long delayMillis) {
            return new Reply(200, body, delayMillis);
        }
    }

    record Received(String path, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }

    private final HttpServer server;
    private final Map<String, Deque<Reply>> replies = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    FakeVerificationServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
        reset();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Default answers: a consistent identity and a live, similar face. */
    void reset() {
        replies.clear();
        counts.clear();
        received.clear();
        answer(IDENTITY, Reply.json("{\"result\":\"CONSISTENT\"}"));
        answer(FACE, Reply.json("{\"liveness\":true,\"similarity\":0.93}"));
    }

    /** The replies of a path, in order; the last one repeats. */
    void answer(String path, Reply... scripted) {
        replies.put(path, new ArrayDeque<>(List.of(scripted)));
    }

    int count(String path) {
        return counts.computeIfAbsent(path, p -> new AtomicInteger()).get();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        counts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        received.add(new Received(path, Map.copyOf(exchange.getRequestHeaders()), body));
        Deque<Reply> queue = replies.get(path);
        Reply reply;
        synchronized (this) {
            reply = queue == null ? Reply.status(404) : (queue.size() > 1 ? queue.poll() : queue.peek());
        }
        try {
            if (reply.delayMillis() > 0) {
                Thread.sleep(reply.delayMillis());
            }
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException clientGone) {
            // the client gave up (a read timeout): nothing to answer
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
