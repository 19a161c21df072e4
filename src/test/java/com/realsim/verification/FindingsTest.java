package com.realsim.verification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The decision rule: approve automatically only when every check passed; otherwise name what a person must see. */
class FindingsTest {

    static Findings automatic(String identity, String face, Boolean liveness, Double similarity) {
        return new Findings(Findings.AUTOMATIC, identity, face, liveness, similarity, 0.80);
    }

    @Test
    void everyCheckPassedIsApprovable() {
        Findings passed = automatic("CONSISTENT", "CHECKED", true, 0.93);
        assertThat(passed.approvable()).isTrue();
        assertThat(passed.concerns()).isEmpty();
        assertThat(automatic("CONSISTENT", "CHECKED", true, 0.80).approvable())
                .as("exactly the threshold")
                .isTrue();
    }

    @Test
    void manualReviewIsNeverApprovableAndSaysSo() {
        Findings manual = Findings.manual(0.80);
        assertThat(manual.approvable()).isFalse();
        assertThat(manual.manualOnly()).isTrue();
        assertThat(manual.concerns()).containsExactly("MANUAL_ONLY");
    }

    @Test
    void aSimilarityBelowTheThresholdGoesToReview() {
        Findings low = automatic("CONSISTENT", "CHECKED", true, 0.7999);
        assertThat(low.approvable()).isFalse();
        assertThat(low.concerns()).containsExactly("SIMILARITY_LOW");
    }

    @Test
    void anyOtherIdentityAnswerGoesToReviewNamed() {
        assertThat(automatic("INCONSISTENT", "CHECKED", true, 0.99).concerns())
                .containsExactly("IDENTITY_INCONSISTENT");
        assertThat(automatic("NO_RECORD", "CHECKED", true, 0.99).concerns()).containsExactly("IDENTITY_NO_RECORD");
        assertThat(automatic("UNAVAILABLE", "CHECKED", true, 0.99).concerns()).containsExactly("IDENTITY_UNAVAILABLE");
        assertThat(automatic(null, "CHECKED", true, 0.99).concerns()).containsExactly("IDENTITY_NOT_CHECKED");
        for (String identity :
                new String[] {"INCONSISTENT", "NO_RECORD", "UNAVAILABLE", "REFUSED", "UNREADABLE", null}) {
            assertThat(automatic(identity, "CHECKED", true, 0.99).approvable())
                    .as(String.valueOf(identity))
                    .isFalse();
        }
    }

    @Test
    void aFailedLivenessOrAMissingFaceAnswerGoesToReview() {
        assertThat(automatic("CONSISTENT", "CHECKED", false, 0.99).concerns()).containsExactly("LIVENESS_FAILED");
        assertThat(automatic("CONSISTENT", "UNAVAILABLE", null, null).concerns())
                .containsExactly("FACE_UNAVAILABLE");
        assertThat(automatic("CONSISTENT", null, null, null).concerns()).containsExactly("FACE_NOT_CHECKED");
        assertThat(automatic("CONSISTENT", "CHECKED", false, 0.99).approvable()).isFalse();
        assertThat(automatic("CONSISTENT", "REFUSED", null, null).approvable()).isFalse();
    }
}
