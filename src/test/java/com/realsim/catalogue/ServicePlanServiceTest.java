package com.realsim.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.realsim.platform.Role;
import com.realsim.platform.error.FieldProblem;
import com.realsim.platform.error.NotFoundException;
import com.realsim.platform.error.ValidationException;
import com.realsim.testsupport.ActorAuthentication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The one plan look-up: plans by code and by id, kept in memory because a plan never changes — and a plan that was
 * not found is not remembered, so that one created meanwhile (here, or on another instance) is found at once.
 */
@SpringBootTest
class ServicePlanServiceTest {

    @Autowired
    ServicePlanService plans;

    @Test
    void aPlanNotFoundIsFoundOnceCreatedAndThenByIdAndCodeAlike() {
        String code = "LOOKUP-" + System.nanoTime() % 1_000_000;
        assertThat(plans.plan(code)).isEmpty();

        ServicePlanSummary created = plans.create(
                new NewServicePlan(code, "Look-up", true, ServiceDirection.NONE, ServiceDirection.NONE, true, false),
                ActorAuthentication.actor(Role.ADMIN, null, null));

        assertThat(plans.plan(code)).map(ServicePlanSummary::id).contains(created.id());
        assertThat(plans.plan(created.id()).code()).isEqualTo(code);
        assertThat(plans.plan(created.id()).testPackage()).isTrue();
        assertThat(plans.plans()).extracting(ServicePlanSummary::code).contains(code);
    }

    @Test
    void anIdThatIsNoPlansIsNotFound() {
        assertThatThrownBy(() -> plans.plan(Long.MAX_VALUE)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> plans.plan(Long.MAX_VALUE)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aMonthlyDataAllowanceIsKeptWhenGivenAndOutOfRangeNamesItsField() {
        String code = "MONTHLY-" + System.nanoTime() % 1_000_000;
        ServicePlanSummary created = plans.create(
                new NewServicePlan(
                        code, "1 GB", true, ServiceDirection.NONE, ServiceDirection.NONE, false, false, 90, 1024),
                ActorAuthentication.actor(Role.ADMIN, null, null));
        assertThat(plans.plan(created.id()).monthlyDataMb()).isEqualTo(1024);

        for (int wrong : new int[] {0, -1, NewServicePlan.MAX_MONTHLY_DATA_MB + 1}) {
            assertThatThrownBy(() -> new NewServicePlan(
                            "X" + code,
                            "x",
                            true,
                            ServiceDirection.NONE,
                            ServiceDirection.NONE,
                            false,
                            false,
                            90,
                            wrong))
                    .isInstanceOfSatisfying(
                            ValidationException.class,
                            e -> assertThat(e.fieldProblems())
                                    .extracting(FieldProblem::field)
                                    .containsExactly("monthlyDataMb"));
        }
    }
}
