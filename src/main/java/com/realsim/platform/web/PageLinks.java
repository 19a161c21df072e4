package com.realsim.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links between the pages of a keyset-paginated list: the page being shown, with its filters as the reader chose
 * them, continued after its last row.
 */
public final class PageLinks {

    private PageLinks() {}

    /**
     * The current request's path and query with {@code cursor} set to the page's next cursor, or null when this is
     * the last page. Relative to the server ({@code /exceptions?status=PENDING&cursor=…}).
     */
    public static String next(CursorPage<?> page) {
        return next(page, "cursor");
    }

    /** As {@link #next(CursorPage)}, for a list whose cursor parameter has another name (a second list on a page). */
    public static String next(CursorPage<?> page, String cursorParameter) {
        if (page.nextCursor() == null) {
            return null;
        }
        HttpServletRequest request =
                ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        return UriComponentsBuilder.fromPath(request.getRequestURI())
                .query(request.getQueryString())
                .replaceQueryParam(cursorParameter, page.nextCursor())
                .build()
                .toUriString();
    }
}
