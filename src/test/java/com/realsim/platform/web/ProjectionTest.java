package com.realsim.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectionTest {

    /** A view as a module answers it: more than the API shows, and a derived value. */
    public record PlanView(long id, String code, boolean testPackage, Instant createdAt, List<String> notes) {

        public int noteCount() {
            return notes.size();
        }
    }

    private record PlanAnswer(String code, boolean testPackage, int noteCount) {}

    private record Renamed(String planCode) {}

    private record Narrower(int id) {}

    @Test
    void takesEachFieldFromTheViewsAccessorOfTheSameNameInTheAnswersOrder() {
        PlanView view = new PlanView(7, "IOT-1", true, Instant.EPOCH, List.of("a", "b"));

        assertThat(Projection.of(view, PlanAnswer.class)).isEqualTo(new PlanAnswer("IOT-1", true, 2));
        assertThat(Projection.of(view, PlanAnswer.class))
                .as("the second answer of the same pair of types")
                .isEqualTo(new PlanAnswer("IOT-1", true, 2));
    }

    @Test
    void noViewNoAnswer() {
        assertThat(Projection.of(null, PlanAnswer.class)).isNull();
    }

    @Test
    void aFieldTheViewDoesNotHaveOrHasAsAnotherTypeIsNamed() {
        PlanView view = new PlanView(7, "IOT-1", true, Instant.EPOCH, List.of());

        assertThatThrownBy(() -> Projection.of(view, Renamed.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PlanView has no planCode() for Renamed");
        assertThatThrownBy(() -> Projection.of(view, Narrower.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PlanView.id() answers long, Narrower.id is int");
    }
}
