package com.realsim.platform.web;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a keyset-paginated list: {@code {"items": [...], "nextCursor": "..." | null}}. The cursor is opaque
 * to clients; modules encode the sort key of the last row in it (see {@link Cursor}).
 */
public record CursorPage<T>(List<T> items, String nextCursor) {

    public <R> CursorPage<R> map(Function<T, R> mapper) {
        return new CursorPage<>(items.stream().map(mapper).toList(), nextCursor);
    }

    /**
     * Builds a page from up to {@code size + 1} rows fetched: the extra row only says there is a next page.
     *
     * @param cursorOf the cursor that continues after a given row
     */
    public static <T> CursorPage<T> of(List<T> rowsFetched, int size, Function<T, String> cursorOf) {
        if (rowsFetched.size() <= size) {
            return new CursorPage<>(List.copyOf(rowsFetched), null);
        }
        List<T> items = List.copyOf(rowsFetched.subList(0, size));
        return new CursorPage<>(items, cursorOf.apply(items.get(size - 1)));
    }
}
