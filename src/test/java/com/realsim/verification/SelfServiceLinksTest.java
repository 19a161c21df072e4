package com.realsim.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.realsim.card.CardFixtures;
import com.realsim.catalogue.Operator;
import com.realsim.identity.IdDocument;
import com.realsim.platform.Actor;
import com.realsim.platform.Role;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.NotFoundException;
import com.realsim.testsupport.ActorAuthentication;
import com.realsim.testsupport.TestFiles;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One-time, expiring links, for real cards of the card module: a link works once, then never again; it expires with
 * the clock; unknown tokens are simply not valid; only the token's hash is stored; submissions and guesses are
 * rate-limited.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(VerificationTestConfiguration.class)
class SelfServiceLinksTest {

    @Autowired
    SelfServiceLinks links;

    @Autowired
    SelfServiceAttempts attempts;

    @Autowired
    ApplicationContext context;

    CardFixtures cards;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate sql;

    @BeforeEach
    void realCards() {
        cards = new CardFixtures(context);
    }

    /** An end user's submission with an identity no other test uses (each takes a slot of its quota). */
    static EndUserSubmission submission() {
        return submission(CardFixtures.newIdentity());
    }

    static EndUserSubmission submission(IdDocument identity) {
        return new EndUserSubmission(
                "李四", identity, "福建省福州市鼓楼区五四路 100 号", TestFiles.jpeg(), TestFiles.png(), TestFiles.jpeg());
    }

    static String token(IssuedLink link) {
        return link.url().substring(link.url().lastIndexOf('/') + 1);
    }

    IssuedLink issue(CardFixtures.CustomerCard card) {
        Actor agent = ActorAuthentication.actor(Role.AGENT, card.agentId(), null);
        return links.create(CardFixtures.SELF_SERVICE_SUBJECT, card.id(), card.agentId(), card.enterpriseId(), agent);
    }

    CardFixtures.CustomerCard newCard() {
        return cards.endUserCard(CardFixtures.newAgent());
    }

    @Test
    void anIssuedLinkIsAnAbsoluteUrlWithALongRandomTokenAndAQrCode() {
        IssuedLink link = issue(newCard());
        assertThat(link.url()).matches("http://localhost:8080/s/[A-Za-z0-9_-]{43}");
        assertThat(Base64.getUrlDecoder().decode(token(link))).hasSize(32);
        assertThat(link.expiresAt())
                .isEqualTo(clock.instant()
                        .truncatedTo(java.time.temporal.ChronoUnit.MICROS)
                        .plus(Duration.ofHours(72)));
        assertThat(link.qrCodeDataUri()).startsWith("data:image/png;base64,");
        byte[] png = Base64.getDecoder().decode(link.qrCodeDataUri().substring("data:image/png;base64,".length()));
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        assertThat(sql.queryForObject(
                        "SELECT count(*) FROM self_service_link WHERE token_hash = ?",
                        Long.class,
                        SelfServiceLinks.hash(token(link))))
                .isEqualTo(1);
        assertThat(sql.queryForList("SELECT token_hash FROM self_service_link", String.class))
                .noneMatch(hash -> hash.contains(token(link)));
    }

    @Test
    void aLinkWorksOnceAndIsNotValidAfterwards() {
        CardFixtures.CustomerCard card = newCard();
        String token = token(issue(card));
        assertThat(links.find(token)).get().satisfies(open -> {
            assertThat(open.subject().label())
                    .isEqualTo("8986****" + card.iccid().substring(16));
            assertThat(open.subject().enterpriseName()).isEqualTo(card.enterpriseName());
        });
        SubmissionOutcome outcome = links.redeem(token, submission());
        assertThat(outcome.status()).isEqualTo(VerificationStatus.PENDING_REVIEW);
        assertThat(sql.queryForObject(
                        "SELECT submitted_by FROM verification_case WHERE id = ?", String.class, outcome.caseId()))
                .startsWith("SELF_SERVICE:");
        assertThat(links.find(token)).isEmpty();
        assertThatThrownBy(() -> links.redeem(token, submission())).isInstanceOf(NotFoundException.class);
        assertThat(sql.queryForObject(
                        "SELECT count(*) FROM verification_case WHERE subject_type = ? AND subject_id = ?",
                        Long.class,
                        CardFixtures.SELF_SERVICE_SUBJECT,
                        card.id()))
                .isEqualTo(1);
    }

    @Test
    void aLinkExpiresWithTheClock() {
        String token = token(issue(newCard()));
        clock.advance(Duration.ofHours(71).plusMinutes(59));
        assertThat(links.find(token)).isPresent();
        clock.advance(Duration.ofMinutes(1));
        assertThat(links.find(token)).isEmpty();
        assertThatThrownBy(() -> links.redeem(token, submission())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void unknownMalformedAndGuessedTokensAreNotValid() {
        String real = token(issue(newCard()));
        String guessed = (real.charAt(0) == 'A' ? "B" : "A") + real.substring(1);
        for (String token : new String[] {guessed, "", "abc", real + "x", null, "../../etc/passwd"}) {
            assertThat(links.find(token)).as(String.valueOf(token)).isEmpty();
        }
        assertThat(links.find(real)).isPresent();
    }

    @Test
    void aRefusalKeepsTheLinkUnusedAndNothingOpened() {
        CardFixtures.CustomerCard card = newCard();
        String token = token(issue(card));
        IdDocument identity = CardFixtures.newIdentity();
        cards.fillQuota(identity, Operator.CHINA_MOBILE);
        assertThatThrownBy(() -> links.redeem(token, submission(identity)))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo(ErrorCode.QUOTA_EXCEEDED);
        assertThat(links.find(token)).isPresent();
        assertThat(sql.queryForObject(
                        "SELECT count(*) FROM verification_case WHERE subject_type = ? AND subject_id = ?",
                        Long.class,
                        CardFixtures.SELF_SERVICE_SUBJECT,
                        card.id()))
                .isZero();
    }

    @Test
    void aSubjectThatNoLongerDescribesItselfEndsTheLink() {
        CardFixtures.CustomerCard card = newCard();
        String token = token(issue(card));
        cards.cancel(card.agentId(), card.iccid());
        assertThat(links.find(token)).isEmpty();
        assertThatThrownBy(() -> links.redeem(token, submission())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void onlyTheSubjectsTenantIssuesLinks() {
        CardFixtures.CustomerCard card = newCard();
        Actor otherAgent = CardFixtures.agent(CardFixtures.newAgent());
        assertThatThrownBy(() -> links.create(
                        CardFixtures.SELF_SERVICE_SUBJECT, card.id(), card.agentId(), card.enterpriseId(), otherAgent))
                .isInstanceOf(NotFoundException.class);
        Actor ownAdmin = CardFixtures.enterpriseAdmin(card.enterpriseId());
        assertThat(links.create(
                                CardFixtures.SELF_SERVICE_SUBJECT,
                                card.id(),
                                card.agentId(),
                                card.enterpriseId(),
                                ownAdmin)
                        .url())
                .contains("/s/");
        assertThatThrownBy(() -> links.create("NO_SUCH_SUBJECT", 1, card.agentId(), card.enterpriseId(), ownAdmin))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void submissionsPerLinkAndInvalidVisitsPerClientAreLimitedPerHour() {
        long linkId = 9_000_001L;
        for (int i = 0; i < 5; i++) {
            assertThat(attempts.trySubmit(linkId)).as("submission " + (i + 1)).isTrue();
        }
        assertThat(attempts.trySubmit(linkId)).isFalse();
        assertThat(attempts.trySubmit(linkId + 1))
                .as("another link has its own")
                .isTrue();

        String client = "203.0.113.77";
        for (int i = 0; i < 20; i++) {
            assertThat(attempts.clientAllowed(client)).isTrue();
            assertThat(attempts.tryInvalidVisit(client)).isTrue();
        }
        assertThat(attempts.clientAllowed(client)).isFalse();
        assertThat(attempts.tryInvalidVisit(client)).isFalse();
        assertThat(attempts.clientAllowed("203.0.113.78")).isTrue();
        assertThat(sql.queryForList("SELECT id FROM verification_rate_bucket", String.class))
                .contains("link:" + linkId)
                .noneMatch(key -> key.contains(client));

        clock.advance(Duration.ofHours(1));
        assertThat(attempts.clientAllowed(client)).isTrue();
        assertThat(attempts.trySubmit(linkId)).isTrue();
    }
}
