package com.realsim.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The next page of a list is the page being shown, with the reader's filters, continued after its last row. */
class PageLinksTest {

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    static void requested(String path, String query) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setQueryString(query);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }

    @Test
    void theNextPageKeepsTheFiltersAndReplacesTheCursor() {
        requested("/exceptions", "status=PENDING&kind=GROUP_APPROVAL&cursor=MTI");
        assertThat(PageLinks.next(new CursorPage<>(List.of("a"), "OQ")))
                .isEqualTo("/exceptions?status=PENDING&kind=GROUP_APPROVAL&cursor=OQ");

        requested("/orders", null);
        assertThat(PageLinks.next(new CursorPage<>(List.of("a"), "OQ"))).isEqualTo("/orders?cursor=OQ");

        requested("/enterprises", "name=%E7%A6%8F%E5%B7%9E+%26+co&status=");
        assertThat(PageLinks.next(new CursorPage<>(List.of("a"), "OQ")))
                .as("what the reader typed stays as it was sent")
                .isEqualTo("/enterprises?name=%E7%A6%8F%E5%B7%9E+%26+co&status=&cursor=OQ");
    }

    @Test
    void theLastPageHasNoNextAndASecondListHasItsOwnCursor() {
        requested("/orders/7", "cardsCursor=MQ");
        assertThat(PageLinks.next(new CursorPage<>(List.of("a"), null))).isNull();
        assertThat(PageLinks.next(new CursorPage<>(List.of("a"), "Mg"), "cardsCursor"))
                .isEqualTo("/orders/7?cardsCursor=Mg");
    }
}
