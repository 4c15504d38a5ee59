package io.supplements.common;

import java.time.Instant;

/** A representation that knows when it last changed: {@link ConditionalGetFilter} sends it as Last-Modified. */
public interface Dated {
    Instant updatedAt();
}
