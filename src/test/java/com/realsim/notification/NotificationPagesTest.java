package com.realsim.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.realsim.platform.Actor;
import com.realsim.testsupport.ActorAuthentication;
import com.realsim.testsupport.RunAs;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The bell and the notifications page over HTTP: the bell's count in the layout, the page in Chinese and English with
 * the texts of the notices (labels in the reader's language, no codes), opening a notice marks it read and leads to
 * its record, marking all read, and another user's notice answering 404 to users of the same and of another tenant.
 */
@SpringBootTest
@AutoConfigureMockMvc
class NotificationPagesTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvc mvc;

    @Autowired
    Recipients recipients;

    @Autowired
    Notifications notifications;

    NotificationWorld world;

    @BeforeEach
    void twoNoticesForAgentA() {
        world = new NotificationWorld(context);
        recipients.agent(
                world.agentA,
                new Recipients.Notice(
                        NotificationKind.ORDER_REJECTED,
                        List.of("41", "#order.type.NEW_INSTALL"),
                        "/orders/41",
                        "PAGE:" + world.agentA + ":1"),
                null);
        recipients.agent(
                world.agentA,
                new Recipients.Notice(
                        NotificationKind.EXCEPTION_APPROVED,
                        List.of("7", "89860000000000000007"),
                        "/exceptions/7",
                        "PAGE:" + world.agentA + ":2"),
                null);
    }

    @Test
    void theBellShowsTheUnreadCountOnEveryPage() throws Exception {
        assertThat(page(world.a1, "/", "en")).contains("id=\"bell-count\"").containsPattern("id=\"bell-count\">2<");
        assertThat(page(world.b1, "/", "en"))
                .as("another tenant's user has none")
                .contains("id=\"bell\"")
                .doesNotContain("bell-count");
    }

    @Test
    void thePageReadsInEitherLanguage() throws Exception {
        String english = page(world.a1, "/notifications", "en");
        assertThat(english)
                .contains("Order 41 (New installation) was rejected: see the reason.")
                .contains("Exception 7 for card 89860000000000000007 was approved.")
                .contains("Order rejected")
                .doesNotContain("ORDER_REJECTED")
                .doesNotContain("??");
        assertThat(english.indexOf("Exception 7")).as("newest first").isLessThan(english.indexOf("Order 41"));
        String chinese = page(world.a1, "/notifications", "zh-CN");
        assertThat(chinese)
                .contains("业务单 41（新装）已驳回：请查看原因。")
                .contains("卡 89860000000000000007 的例外申请 7 已批准。")
                .doesNotContain("??");
        assertThat(page(world.e1, "/notifications", "zh-CN")).contains("暂无通知。");
    }

    @Test
    void openingANoticeMarksItReadAndLeadsToItsRecord() throws Exception {
        long id = RunAs.run(
                world.a1, () -> notifications.list(null).items().get(1).id());
        mvc.perform(post("/notifications/{id}/open", id)
                        .with(ActorAuthentication.as(world.a1))
                        .with(csrf()))
                .andExpect(redirectedUrl("/orders/41"));
        assertThat(RunAs.run(world.a1, notifications::unreadCount)).isEqualTo(1);
        assertThat(RunAs.run(world.a2, notifications::unreadCount))
                .as("a colleague's stays unread")
                .isEqualTo(2);

        mvc.perform(post("/notifications/read-all")
                        .with(ActorAuthentication.as(world.a1))
                        .with(csrf()))
                .andExpect(redirectedUrl("/notifications"));
        assertThat(RunAs.run(world.a1, notifications::unreadCount)).isZero();
    }

    @Test
    void anotherUsersNoticeIsNotFound() throws Exception {
        long id = RunAs.run(
                world.a1, () -> notifications.list(null).items().get(0).id());
        for (Actor intruder : List.of(world.a2, world.b1, world.e1, world.f1)) {
            for (String action : List.of("open", "read")) {
                mvc.perform(post("/notifications/{id}/" + action, id)
                                .with(ActorAuthentication.as(intruder))
                                .with(csrf()))
                        .andExpect(status().isNotFound());
            }
        }
        assertThat(RunAs.run(world.a1, notifications::unreadCount)).isEqualTo(2);
    }

    @Test
    void nobodySignedInIsSentToSignIn() throws Exception {
        mvc.perform(get("/notifications")).andExpect(redirectedUrl("/login"));
    }

    private String page(Actor actor, String path, String language) throws Exception {
        return mvc.perform(get(path).with(ActorAuthentication.as(actor)).header("Accept-Language", language))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }
}
