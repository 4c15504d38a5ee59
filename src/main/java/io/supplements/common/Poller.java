package io.supplements.common;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * A daemon thread that runs one round of work every interval until stopped: how each instance follows
 * what other instances write. A round that fails is handed to {@code onFailure}; the next one runs as usual.
 */
public final class Poller {
    private final Thread thread;
    private volatile boolean running = true;

    private Poller(String name, Duration interval, Runnable round, Consumer<RuntimeException> onFailure) {
        thread = new Thread(
                () -> {
                    while (running) {
                        try {
                            Thread.sleep(interval.toMillis());
                            round.run();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        } catch (RuntimeException e) {
                            if (running) {
                                onFailure.accept(e);
                            }
                        }
                    }
                },
                name);
        thread.setDaemon(true);
    }

    public static Poller start(String name, Duration interval, Runnable round, Consumer<RuntimeException> onFailure) {
        Poller poller = new Poller(name, interval, round, onFailure);
        poller.thread.start();
        return poller;
    }

    public void stop() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(5000);
    }
}
