package io.supplements.common;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * Keyset paging: a cursor is the opaque (base64url) key of the last item served, so a page never
 * shifts when rows are inserted before or after it.
 */
public record Paging(int limit, String after) {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    private static final String PREFIX = "c1:";

    /** Parses the raw query parameters; anything malformed is a 400 naming the parameter. */
    public static Paging of(String limit, String cursor) {
        return new Paging(parseLimit(limit), decode(cursor));
    }

    private static int parseLimit(String raw) {
        if (raw == null || raw.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        int limit;
        try {
            limit = Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw ProblemException.invalidParameter("limit", "must be a whole number from 1 to " + MAX_LIMIT);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.invalidParameter("limit", "must be from 1 to " + MAX_LIMIT + ", was " + limit);
        }
        return limit;
    }

    private static String decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (plain.startsWith(PREFIX)) {
                return plain.substring(PREFIX.length());
            }
        } catch (IllegalArgumentException e) {
            // fall through: not base64
        }
        throw ProblemException.invalidParameter("cursor", "is not a cursor this API issued; start again without it");
    }

    public static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + key).getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor key as a row id; a cursor from another collection is refused the same way as junk. */
    public Long afterId() {
        if (after == null) {
            return null;
        }
        try {
            return Long.parseLong(after);
        } catch (NumberFormatException e) {
            throw ProblemException.invalidParameter(
                    "cursor", "is not a cursor this API issued; start again without it");
        }
    }

    /**
     * Builds the page from up to {@code limit + 1} rows fetched after the cursor: the extra row only
     * tells whether there is a next page.
     */
    public <R, T> Page<T> page(List<R> rows, Function<R, String> key, Function<R, T> view) {
        boolean more = rows.size() > limit;
        List<R> shown = more ? rows.subList(0, limit) : rows;
        String next = more ? encode(key.apply(shown.get(shown.size() - 1))) : null;
        return new Page<>(shown.stream().map(view).toList(), next);
    }
}
