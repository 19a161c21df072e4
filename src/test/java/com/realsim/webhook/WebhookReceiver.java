package com.realsim.webhook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A partner's receiver for the tests: the JDK's HTTP server on 127.0.0.1 (a free port), answering each POST with the
 * next status of its script (then with the default), and keeping what it was sent.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One request as received: its body and signature header, and the status it was answered with. */
    record Received(String body, String signature, String event, String delivery, int answered) {}

    private final HttpServer server;
    private final Deque<Integer> script = new ArrayDeque<>();
    private final List<Received> received = new ArrayList<>();
    private final int otherwise;

    /** @param otherwise the status once the script ran out */
    WebhookReceiver(int otherwise, Integer... script) throws IOException {
        this.otherwise = otherwise;
        this.script.addAll(List.of(script));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            int status;
            synchronized (this) {
                status = this.script.isEmpty() ? this.otherwise : this.script.poll();
                received.add(new Received(
                        body,
                        exchange.getRequestHeaders().getFirst("X-RealSIM-Signature"),
                        exchange.getRequestHeaders().getFirst("X-RealSIM-Event"),
                        exchange.getRequestHeaders().getFirst("X-RealSIM-Delivery"),
                        status));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    synchronized List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
