package io.supplements.sync;

import java.util.OptionalLong;

/**
 * Who still has to be sent change-log entries besides the feed's readers, who only ever need the latest per
 * article (implemented by the webhooks). The recorder keeps a superseded entry until they have it.
 */
public interface FeedReaders {
    /** The lowest position, among those still receiving, up to which everything was delivered; empty if none. */
    OptionalLong lowestPosition();
}
