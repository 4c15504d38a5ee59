package io.supplements.common;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of a collection; {@code next} is the opaque cursor of the following page, null on the last. */
public record Page<T>(
        @Schema(required = true) List<T> items,

        @Schema(description = "Cursor of the next page; null on the last page", nullable = true, required = true)
        String next)
        implements Paged {
    @Override
    public String linkCursor() {
        return next;
    }
}
