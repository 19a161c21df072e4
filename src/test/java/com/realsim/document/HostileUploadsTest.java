package com.realsim.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.realsim.account.AccountService;
import com.realsim.account.ApiClientService;
import com.realsim.account.IssuedCredentials;
import com.realsim.account.NewApiClient;
import com.realsim.account.NewUser;
import com.realsim.enterprise.CertificateType;
import com.realsim.enterprise.EnterpriseInput;
import com.realsim.enterprise.EnterpriseService;
import com.realsim.identity.IdType;
import com.realsim.platform.Role;
import com.realsim.testsupport.ActorAuthentication;
import com.realsim.testsupport.BrowserClient;
import com.realsim.testsupport.FreshNumbers;
import com.realsim.testsupport.PartnerApiClient;
import com.realsim.testsupport.PartnerApiClient.Answer;
import com.realsim.testsupport.RunAs;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Hostile uploads over real HTTP (issue 17), through the Partner API and the enterprise page as an agent sends them:
 * 10 MB + 1 byte (413 {@code PAYLOAD_TOO_LARGE} as a problem and as a page with the message), zero bytes, polyglots,
 * a PNG with an archive appended, a decompression bomb, a pixel flood — each refused with its code — and a photo with
 * its GPS position, stored without it. A stored PDF comes back as an attachment under a sandboxing policy. Storing
 * a file allocates a bounded multiple of the size limit, whatever the file claims (measured, not assumed).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HostileUploadsTest {

    private static final Logger log = LoggerFactory.getLogger(HostileUploadsTest.class);

    static final String PASSWORD = "Upload-pass-17";
    static final int TEN_MB = 10 * 1024 * 1024;
    static final AtomicInteger serial = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    ApiClientService clients;

    @Autowired
    EnterpriseService enterprises;

    @Autowired
    DocumentService documents;

    long agentId;
    long enterpriseId;
    PartnerApiClient api;
    BrowserClient browser;

    @BeforeEach
    void anAgentWithAnEnterprise() {
        int n = serial.incrementAndGet();
        agentId = accounts.createAgent("上传测试渠道 " + n + " " + System.nanoTime()).id();
        String user = "upload-agent-" + n + "-" + System.nanoTime() % 100_000;
        accounts.createUser(new NewUser(user, PASSWORD, Role.AGENT, agentId, null));
        enterpriseId = RunAs.run(
                        ActorAuthentication.actor(Role.AGENT, agentId, null),
                        () -> enterprises.register(new EnterpriseInput(
                                "上传测试企业 " + n,
                                CertificateType.USCC,
                                FreshNumbers.uscc(),
                                "福建省福州市鼓楼区五四路 100 号",
                                "张三",
                                new EnterpriseInput.PersonInput(
                                        "张三",
                                        IdType.RESIDENT_ID,
                                        FreshNumbers.residentIdNumber(),
                                        "福建省福州市鼓楼区五四路 100 号",
                                        true,
                                        null,
                                        null))))
                .id();
        IssuedCredentials issued = clients.create(new NewApiClient("uploads " + user, Role.AGENT, agentId, null), null);
        api = PartnerApiClient.signedIn(port, issued.clientId(), issued.clientSecret());
        browser = new BrowserClient(port);
        browser.signIn(user, PASSWORD);
    }

    Answer upload(byte[] content) {
        return api.postFile(
                "/api/v1/enterprises/" + enterpriseId + "/documents",
                Map.of("kind", "CERTIFICATE"),
                "upload.jpg",
                "image/jpeg",
                content);
    }

    static void refused(Answer answer, int status, String code, String message) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.code()).isEqualTo(code);
        assertThat(answer.json().get("detail").asString()).contains(message);
    }

    @Test
    void tenMegabytesAndOneByteAnswer413AsAProblemAndAsAPage() {
        byte[] tooLarge = Arrays.copyOf(SampleFiles.pdf("eleven"), TEN_MB + 1);
        browser.get("/enterprises/" + enterpriseId);
        HttpResponse<String> page = browser.postFile(
                "/enterprises/" + enterpriseId + "/documents", Map.of("kind", "CERTIFICATE"), "big.pdf", tooLarge);
        assertThat(page.statusCode()).isEqualTo(413);
        assertThat(page.body())
                .contains("The upload is too large: a file may have at most 10 MB.")
                .contains("data-code=\"PAYLOAD_TOO_LARGE\"")
                .doesNotContain("??");
        browser.get("/enterprises/" + enterpriseId + "?lang=zh");
        HttpResponse<String> chinese = browser.postFile(
                "/enterprises/" + enterpriseId + "/documents", Map.of("kind", "CERTIFICATE"), "big.pdf", tooLarge);
        assertThat(chinese.statusCode()).isEqualTo(413);
        assertThat(chinese.body()).contains("上传内容过大：每个文件最大为 10 MB。").doesNotContain("??");

        refused(upload(tooLarge), 413, "PAYLOAD_TOO_LARGE", "a file may have at most 10 MB.");
        assertThat(upload(Arrays.copyOf(SampleFiles.pdf("ten"), TEN_MB)).status())
                .isEqualTo(201);
    }

    @Test
    void zeroBytesPolyglotsAndAppendedArchivesAreRefusedWithTheirCodes() {
        Answer empty = upload(new byte[0]);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(empty.json().get("errors").get(0).get("field").asString()).isEqualTo("file");

        byte[] zip = SampleFiles.zip();
        for (byte[] polyglot : new byte[][] {
            SampleFiles.concat(SampleFiles.png(16, 16), zip),
            SampleFiles.concat(SampleFiles.jpeg(16, 16), zip),
            SampleFiles.concat(SampleFiles.pdf("invoice"), zip),
            SampleFiles.jpegWithComment(SampleFiles.jpeg(16, 16), zip),
            SampleFiles.jpegWithComment(SampleFiles.jpeg(16, 16), SampleFiles.pdf("hidden"))
        }) {
            refused(upload(polyglot), 415, "UNSUPPORTED_MEDIA_TYPE", "another kind of file");
        }
        refused(
                upload(SampleFiles.concat(SampleFiles.png(16, 16), "<script>alert(1)</script>".getBytes())),
                415,
                "UNSUPPORTED_MEDIA_TYPE",
                "goes on after its end");
        assertThat(documents.list("ENTERPRISE", enterpriseId)).isEmpty();

        browser.get("/enterprises/" + enterpriseId);
        HttpResponse<String> page = browser.postFile(
                "/enterprises/" + enterpriseId + "/documents",
                Map.of("kind", "CERTIFICATE"),
                "photo.png",
                SampleFiles.concat(SampleFiles.png(16, 16), zip));
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(browser.get(java.net
                                .URI
                                .create(page.headers().firstValue("Location").orElseThrow())
                                .getPath())
                        .body())
                .contains("This file is also another kind of file");
    }

    @Test
    void aPixelFloodAndADecompressionBombAreRefusedOrDefusedWithoutDecompressing() throws IOException {
        refused(
                upload(SampleFiles.pngClaiming(100_000, 100_000)),
                415,
                "UNSUPPORTED_MEDIA_TYPE",
                "100000 × 100000 pixels");
        refused(upload(SampleFiles.jpegClaiming(10_000, 9_000)), 415, "UNSUPPORTED_MEDIA_TYPE", "megapixels");
        // A bomb in the header: 50,000 × 50,000 pixels of compressed zeros (a 10 GB image) in a few kilobytes
        refused(upload(bombPng(50_000, 50_000, 64 * 1024 * 1024)), 415, "UNSUPPORTED_MEDIA_TYPE", "pixels");

        // A bomb in a text chunk: 1 GiB of zeros compressed into 1 MB behind a 16 × 16 image. It is stored without
        // the chunk, which is never inflated: storing it allocates a small multiple of the file, not a gigabyte.
        byte[] bomb = SampleFiles.pngWith(SampleFiles.png(16, 16), "zTXt", zTxtBomb(1L << 30));
        assertThat(bomb.length).isLessThan(2 * 1024 * 1024);
        long allocated = allocatedBy(() -> RunAs.run(
                ActorAuthentication.actor(Role.AGENT, agentId, null),
                () -> enterprises.attach(
                        enterpriseId, com.realsim.enterprise.EnterpriseDocumentKind.RESPONSIBLE_ID_BACK, bomb)));
        log.info("Storing a {}-byte PNG bomb (1 GiB inflated) allocated {} bytes", bomb.length, allocated);
        assertThat(allocated).as("bytes allocated storing the bomb").isLessThan(12L * bomb.length + 8_000_000);

        Answer stored = upload(bomb);
        assertThat(stored.status()).isEqualTo(201);
        byte[] served = browser.getBytes("/documents/" + stored.json().get("id").asLong())
                .body();
        assertThat(new String(served, StandardCharsets.ISO_8859_1)).doesNotContain("zTXt");
        assertThat(ImageIO.read(new ByteArrayInputStream(served)).getWidth()).isEqualTo(16);
    }

    @Test
    void aPhotoIsStoredWithoutItsGpsPositionAndStillShowsUpright() throws IOException {
        byte[] photo = SampleFiles.jpegWithExif(80, 60, 6, "GPS-31.2304N-121.4737E");
        Answer stored = upload(photo);
        assertThat(stored.status()).isEqualTo(201);

        HttpResponse<byte[]> served =
                browser.getBytes("/documents/" + stored.json().get("id").asLong());
        assertThat(served.statusCode()).isEqualTo(200);
        byte[] body = served.body();
        assertThat(new String(body, StandardCharsets.ISO_8859_1))
                .doesNotContain("GPS-31.2304N")
                .doesNotContain("xmpmeta")
                .doesNotContain("a comment");
        assertThat(JpegFile.exifOrientation(SampleFiles.segment(body, 0xE1))).isEqualTo(6);
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(body));
        assertThat(decoded.getWidth()).isEqualTo(80);
        assertThat(served.headers().firstValue("Content-Disposition")).hasValue("inline; filename=\"certificate.jpg\"");
        assertThat(served.headers().firstValue("Content-Security-Policy"))
                .hasValue("sandbox; default-src 'none'; frame-ancestors 'none'");
        assertThat(served.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void aStoredPdfIsServedAsAnAttachmentUnderASandboxNeverInline() {
        Answer stored = upload(SampleFiles.pdf("<script>alert(document.cookie)</script>"));
        assertThat(stored.status()).isEqualTo(201);

        HttpResponse<byte[]> served =
                browser.getBytes("/documents/" + stored.json().get("id").asLong());
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(served.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"certificate.pdf\"");
        assertThat(served.headers().allValues("Content-Security-Policy"))
                .containsExactly("sandbox; default-src 'none'; frame-ancestors 'none'");
        assertThat(served.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(served.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(c -> assertThat(c).contains("no-store"));
    }

    @Test
    void storingAFileOfTheFullSizeAllocatesABoundedMultipleOfIt() {
        byte[] ten = Arrays.copyOf(SampleFiles.pdf("full"), TEN_MB);
        long allocated = allocatedBy(() -> RunAs.run(
                ActorAuthentication.actor(Role.AGENT, agentId, null),
                () -> enterprises.attach(
                        enterpriseId, com.realsim.enterprise.EnterpriseDocumentKind.CERTIFICATE, ten)));
        log.info("Storing a 10 MB file allocated {} bytes", allocated);
        assertThat(allocated).as("bytes allocated storing 10 MB").isLessThan(8L * TEN_MB);
    }

    /** Bytes the current thread allocates while the work runs (HotSpot's per-thread allocation counter). */
    static long allocatedBy(Runnable work) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        work.run(); // once to load and initialise what the first run needs
        long before = threads.getThreadAllocatedBytes(thread);
        work.run();
        return threads.getThreadAllocatedBytes(thread) - before;
    }

    /** A zTXt chunk's data: keyword, compression method, then {@code size} zero bytes deflated. */
    static String zTxtBomb(long size) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("Comment\0\0".getBytes(StandardCharsets.ISO_8859_1));
        byte[] zeros = new byte[1 << 20];
        byte[] buffer = new byte[1 << 16];
        for (long fed = 0; fed < size; fed += zeros.length) {
            deflater.setInput(zeros);
            while (!deflater.needsInput()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    /** A PNG of the given size whose image data is {@code zeros} zero bytes deflated: the classic PNG bomb. */
    static byte[] bombPng(int width, int height, int zeros) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(new byte[zeros]);
        deflater.finish();
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        while (!deflater.finished()) {
            idat.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(PngFile.SIGNATURE);
        chunk(
                png,
                "IHDR",
                ByteBuffer.allocate(13)
                        .putInt(width)
                        .putInt(height)
                        .put(new byte[] {8, 0, 0, 0, 0})
                        .array());
        chunk(png, "IDAT", idat.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.ISO_8859_1);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        png.writeBytes(name);
        png.writeBytes(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
