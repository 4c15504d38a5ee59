package io.supplements.common;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/** The app's time: UTC, in whole microseconds, the precision the database keeps (so what is written reads back equal). */
public class Clocks {
    @Produces
    @Singleton
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1000));
    }
}
