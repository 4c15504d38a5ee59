package io.supplements.common;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Query and path parameters arrive as strings and are parsed here, so that a malformed value is a
 * 400 problem naming the parameter (JAX-RS's own conversion would answer 404 for a query parameter).
 */
public final class Params {
    private Params() {}

    /** A free-text filter; null when absent or blank. */
    public static String text(String parameter, String raw) {
        if (raw != null && hasControl(raw)) {
            throw ProblemException.invalidParameter(parameter, "contains a control character");
        }
        return raw == null || raw.isBlank() ? null : raw;
    }

    static boolean hasControl(String s) {
        return s.chars().anyMatch(c -> c < 0x20 || c == 0x7F);
    }

    public static <E extends Enum<E>> E oneOf(Class<E> type, String parameter, String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw);
        } catch (IllegalArgumentException e) {
            String allowed =
                    Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            throw ProblemException.invalidParameter(parameter, "must be one of " + allowed);
        }
    }

    public static boolean flag(String parameter, String raw) {
        if (raw == null || raw.isEmpty()) {
            return false;
        }
        return switch (raw) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.invalidParameter(parameter, "must be true or false");
        };
    }
}
