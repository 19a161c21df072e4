package com.realsim.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.realsim.identity.IdDocument;
import com.realsim.identity.IdType;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP adapter against a fake service on the loopback address: how answers map, what is retried and how often,
 * and that nothing but a clear answer ever comes back as a result.
 */
class HttpVerificationProviderTest {

    static final FakeVerificationServer server = new FakeVerificationServer();
    static final IdDocument DOCUMENT =
            IdDocument.of(IdType.RESIDENT_ID, "120101200709209190", "idNumber", LocalDate.of(2026, 3, 1));

    HttpVerificationProvider provider;

    @BeforeEach
    void fresh() {
        server.reset();
        provider = new HttpVerificationProvider(new VerificationProperties.Http(
                server.baseUrl() + "/",
                "X-Api-Key",
                "test-key",
                Duration.ofSeconds(1),
                Duration.ofMillis(400),
                3,
                Duration.ofMillis(20)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void identityAnswersMapOneToOne() {
        assertThat(provider.check("张三", DOCUMENT)).isEqualTo(IdentityResult.CONSISTENT);
        server.answer(
                FakeVerificationServer.IDENTITY, FakeVerificationServer.Reply.json("{\"result\":\"INCONSISTENT\"}"));
        assertThat(provider.check("张三", DOCUMENT)).isEqualTo(IdentityResult.INCONSISTENT);
        server.answer(FakeVerificationServer.IDENTITY, FakeVerificationServer.Reply.json("{\"result\":\"NO_RECORD\"}"));
        assertThat(provider.check("张三", DOCUMENT)).isEqualTo(IdentityResult.NO_RECORD);
    }

    @Test
    void theRequestCarriesTheKeyARequestIdAndTheDocument() {
        provider.check("张三", DOCUMENT);
        FakeVerificationServer.Received request = server.received().get(0);
        assertThat(request.path()).isEqualTo("/v1/identity-checks");
        assertThat(request.header("X-Api-Key")).isEqualTo("test-key");
        assertThat(request.header("X-Request-Id")).isNotBlank();
        assertThat(request.header("Content-Type")).startsWith("application/json");
        assertThat(request.body())
                .contains("\"name\":\"张三\"")
                .contains("\"idType\":\"RESIDENT_ID\"")
                .contains("\"idNumber\":\"120101200709209190\"");
    }

    @Test
    void faceComparisonsSendBothPhotosAndMapLivenessAndSimilarity() {
        FaceCheck.FaceResult result = provider.compare(new byte[] {1, 2, 3}, new byte[] {4, 5});
        assertThat(result.liveness()).isTrue();
        assertThat(result.similarity()).isEqualTo(0.93);
        assertThat(server.received().get(0).body())
                .contains("\"livePhoto\":\"" + Base64.getEncoder().encodeToString(new byte[] {1, 2, 3}) + "\"")
                .contains("\"idPhoto\":\"" + Base64.getEncoder().encodeToString(new byte[] {4, 5}) + "\"");
        server.answer(
                FakeVerificationServer.FACE,
                FakeVerificationServer.Reply.json("{\"liveness\":false,\"similarity\":0.41}"));
        assertThat(provider.compare(new byte[] {1}, new byte[] {2})).isEqualTo(new FaceCheck.FaceResult(false, 0.41));
    }

    @Test
    void aTimeoutIsRetriedUpToTheLimitThenUnavailable() {
        server.answer(
                FakeVerificationServer.IDENTITY,
                FakeVerificationServer.Reply.slow("{\"result\":\"CONSISTENT\"}", 1_500));
        assertThatThrownBy(() -> provider.check("张三", DOCUMENT))
                .isInstanceOf(CheckUnavailable.class)
                .extracting(e -> ((CheckUnavailable) e).reason())
                .isEqualTo(CheckUnavailable.Reason.UNAVAILABLE);
        assertThat(server.count(FakeVerificationServer.IDENTITY)).isEqualTo(3);
        assertThat(server.received().stream().map(r -> r.header("X-Request-Id")).distinct())
                .as("one request id across the retries")
                .hasSize(1);
    }

    @Test
    void a503ThenASuccessIsAnAnswerOnTheSecondAttempt() {
        server.answer(
                FakeVerificationServer.IDENTITY,
                FakeVerificationServer.Reply.status(503),
                FakeVerificationServer.Reply.json("{\"result\":\"CONSISTENT\"}"));
        assertThat(provider.check("张三", DOCUMENT)).isEqualTo(IdentityResult.CONSISTENT);
        assertThat(server.count(FakeVerificationServer.IDENTITY)).isEqualTo(2);
        server.answer(
                FakeVerificationServer.FACE,
                FakeVerificationServer.Reply.status(502),
                FakeVerificationServer.Reply.status(504),
                FakeVerificationServer.Reply.json("{\"liveness\":true,\"similarity\":0.88}"));
        assertThat(provider.compare(new byte[] {1}, new byte[] {2}).similarity())
                .isEqualTo(0.88);
        assertThat(server.count(FakeVerificationServer.FACE)).isEqualTo(3);
    }

    @Test
    void aConnectionRefusedIsRetriedThenUnavailable() {
        HttpVerificationProvider nowhere = new HttpVerificationProvider(new VerificationProperties.Http(
                "http://127.0.0.1:1",
                "X-Api-Key",
                null,
                Duration.ofMillis(300),
                Duration.ofMillis(300),
                2,
                Duration.ofMillis(10)));
        assertThatThrownBy(() -> nowhere.check("张三", DOCUMENT))
                .isInstanceOf(CheckUnavailable.class)
                .hasMessageContaining("after 2 attempts")
                .extracting(e -> ((CheckUnavailable) e).reason())
                .isEqualTo(CheckUnavailable.Reason.UNAVAILABLE);
    }

    @Test
    void otherErrorsAreNotRetriedAndNeverAnAnswer() {
        server.answer(FakeVerificationServer.IDENTITY, FakeVerificationServer.Reply.status(500));
        assertReason(CheckUnavailable.Reason.UNAVAILABLE);
        assertThat(server.count(FakeVerificationServer.IDENTITY)).isEqualTo(1);

        server.reset();
        server.answer(FakeVerificationServer.IDENTITY, FakeVerificationServer.Reply.status(401));
        assertReason(CheckUnavailable.Reason.REFUSED);
        server.answer(FakeVerificationServer.IDENTITY, FakeVerificationServer.Reply.status(400));
        assertReason(CheckUnavailable.Reason.REFUSED);
        assertThat(server.count(FakeVerificationServer.IDENTITY)).isEqualTo(2);

        for (String unknown : new String[] {
            "{\"result\":\"PROBABLY\"}", "{\"result\":null}", "{}", "not json", "{\"result\":\"consistent\"}"
        }) {
            server.answer(FakeVerificationServer.IDENTITY, FakeVerificationServer.Reply.json(unknown));
            assertReason(CheckUnavailable.Reason.UNREADABLE);
        }
        server.answer(FakeVerificationServer.IDENTITY, new FakeVerificationServer.Reply(204, "", 0));
        assertReason(CheckUnavailable.Reason.UNREADABLE);
    }

    @Test
    void faceAnswersOutsideTheInterfaceAreUnreadable() {
        for (String odd : new String[] {
            "{\"liveness\":true}",
            "{\"similarity\":0.9}",
            "{\"liveness\":true,\"similarity\":1.5}",
            "{\"liveness\":true,\"similarity\":-0.1}",
            "[]"
        }) {
            server.answer(FakeVerificationServer.FACE, FakeVerificationServer.Reply.json(odd));
            assertThatThrownBy(() -> provider.compare(new byte[] {1}, new byte[] {2}))
                    .as(odd)
                    .isInstanceOf(CheckUnavailable.class)
                    .extracting(e -> ((CheckUnavailable) e).reason())
                    .isEqualTo(CheckUnavailable.Reason.UNREADABLE);
        }
    }

    @Test
    void aProviderWithoutABaseUrlDoesNotStart() {
        assertThatThrownBy(() -> new HttpVerificationProvider(new VerificationProperties.Http(
                        "", "X-Api-Key", null, Duration.ofSeconds(1), Duration.ofSeconds(1), 3, Duration.ZERO)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("base-url");
    }

    private void assertReason(CheckUnavailable.Reason reason) {
        assertThatThrownBy(() -> provider.check("张三", DOCUMENT))
                .isInstanceOf(CheckUnavailable.class)
                .extracting(e -> ((CheckUnavailable) e).reason())
                .isEqualTo(reason);
    }
}
