package com.realsim.platform.web;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToLongFunction;

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

    /**
     * The page of a list keyed by id that the API's {@code size} and {@code cursor} parameters ask for: up to
     * {@code size + 1} rows after the cursor's id from {@code rowsAfter(afterId, limit)}, the next cursor the last
     * row's id.
     */
    public static <T> CursorPage<T> byId(
            Integer size, String cursor, BiFunction<Long, Integer, List<T>> rowsAfter, ToLongFunction<T> idOf) {
        int limit = Cursor.size(size);
        return of(
                rowsAfter.apply(Cursor.decodeId(cursor), limit + 1), limit, row -> Cursor.ofId(idOf.applyAsLong(row)));
    }
}
