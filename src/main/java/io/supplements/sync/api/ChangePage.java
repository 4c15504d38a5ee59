package io.supplements.sync.api;

import io.supplements.common.Paged;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A page of the change feed, in commit order.")
public record ChangePage(
        @Schema(required = true) List<ChangeItem> items,

        @Schema(required = true, description = "Opaque cursor to resume from; save it after applying the items")
        String next,

        @Schema(required = true, description = "Whether more changes are waiting; if false, poll again later with next")
        boolean hasMore)
        implements Paged {
    /** The feed always has a next position to resume from; a next page only while more are waiting. */
    @Override
    public String linkCursor() {
        return hasMore ? next : null;
    }
}
