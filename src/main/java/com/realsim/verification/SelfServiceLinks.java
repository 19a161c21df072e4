package com.realsim.verification;

import com.realsim.platform.Actor;
import com.realsim.platform.error.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time, expiring links with which an end user completes real-name on their own phone, without an account. A
 * token is 32 random bytes (URL-safe Base64, 43 characters) and exists only in the issued URL: the database keeps
 * its SHA-256. A link works until it is used by an accepted submission or expires ({@code realsim.verification.
 * link-ttl}, default 72 hours); an unknown, used or expired token is "not valid", all alike.
 */
@Service
public class SelfServiceLinks {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final StoredLinks links;
    private final Map<String, SelfServiceSubject> subjects = new HashMap<>();
    private final VerificationProperties properties;
    private final String publicBaseUrl;
    private final Clock clock;

    SelfServiceLinks(
            StoredLinks links,
            List<SelfServiceSubject> subjects,
            VerificationProperties properties,
            @Value("${realsim.public-base-url:http://localhost:8080}") String publicBaseUrl,
            Clock clock) {
        this.links = links;
        for (SelfServiceSubject subject : subjects) {
            if (this.subjects.put(subject.subjectType(), subject) != null) {
                throw new IllegalStateException("Two self-service subjects for " + subject.subjectType());
            }
        }
        this.properties = properties;
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
        this.clock = clock;
    }

    /**
     * Issues a link for a subject of the creator's tenant.
     *
     * @throws NotFoundException when the creator's tenant scope does not cover the subject's tenant
     * @throws IllegalArgumentException when no {@link SelfServiceSubject} bean answers for the subject type
     */
    @Transactional
    public IssuedLink create(String subjectType, long subjectId, long agentId, Long enterpriseId, Actor createdBy) {
        Objects.requireNonNull(createdBy, "createdBy");
        if (!subjects.containsKey(subjectType)) {
            throw new IllegalArgumentException("No self-service subject answers for " + subjectType);
        }
        if (!createdBy.scope().covers(agentId, enterpriseId)) {
            throw new NotFoundException();
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant expiresAt = now.plus(properties.linkTtl());
        SelfServiceLink link = links.save(new SelfServiceLink(
                hash(token), subjectType, subjectId, agentId, enterpriseId, createdBy, now, expiresAt));
        links.save(link.issued(createdBy));
        String url = publicBaseUrl + "/s/" + token;
        return new IssuedLink(url, expiresAt, QrCodes.pngDataUri(url));
    }

    /**
     * A usable link, with what its end user is asked to verify.
     *
     * @param linkId for rate limits per link
     */
    public record OpenLink(long linkId, String subjectType, SubjectDescription subject, Instant expiresAt) {

        /** A re-verification's link: the page asks for a live photo and the fraud-risk notice only. */
        public boolean reverification() {
            return Reverifications.SUBJECT_TYPE.equals(subjectType);
        }
    }

    /** The link of this token if it is usable now and its subject still describes itself; otherwise empty. */
    @Transactional(readOnly = true)
    public Optional<OpenLink> find(String token) {
        return usable(token, false)
                .flatMap(link -> subjectOf(link)
                        .flatMap(subject -> subject.describe(link.subjectId()))
                        .map(description ->
                                new OpenLink(link.id(), link.subjectType(), description, link.expiresAt())));
    }

    /**
     * Hands the end user's submission to the link's subject and, when it is accepted, marks the link used. The link
     * is locked meanwhile, so that two submissions through one link never both succeed.
     *
     * @throws NotFoundException when the link is unknown, used or expired, or its subject no longer describes itself
     * @throws com.realsim.platform.error.DomainException the subject's refusal (the link stays unused)
     */
    @Transactional
    public SubmissionOutcome redeem(String token, EndUserSubmission submission) {
        return redeem(token, null, (subject, link) -> subject.submit(link.subjectId(), submission));
    }

    /**
     * As {@link #redeem(String, EndUserSubmission)} for a link of {@code subjectType} only (another link is not
     * found), with the submission the subject's own: a re-verification's live photo and notice.
     */
    @Transactional
    SubmissionOutcome redeem(
            String token,
            String subjectType,
            java.util.function.BiFunction<SelfServiceSubject, SelfServiceLink, SubmissionOutcome> submit) {
        SelfServiceLink link = usable(token, true)
                .filter(l -> subjectType == null || subjectType.equals(l.subjectType()))
                .orElseThrow(NotFoundException::new);
        SelfServiceSubject subject = subjectOf(link)
                .filter(s -> s.describe(link.subjectId()).isPresent())
                .orElseThrow(NotFoundException::new);
        SubmissionOutcome outcome = link.redemption().during(() -> submit.apply(subject, link));
        link.used(outcome.caseId(), clock.instant().truncatedTo(ChronoUnit.MICROS));
        links.save(link);
        return outcome;
    }

    private Optional<SelfServiceLink> usable(String token, boolean lock) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        String hash = hash(token);
        Optional<SelfServiceLink> link = lock ? links.lockByTokenHash(hash) : links.findByTokenHash(hash);
        Instant now = clock.instant();
        return link.filter(l -> l.usableAt(now));
    }

    private Optional<SelfServiceSubject> subjectOf(SelfServiceLink link) {
        return Optional.ofNullable(subjects.get(link.subjectType()));
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
