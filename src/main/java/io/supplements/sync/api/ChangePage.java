package io.supplements.sync.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A page of the change feed, in commit order.")
public record ChangePage(
        @Schema(required = true) List<ChangeItem> items,
        @Schema(required = true, description = "Opaque cursor to resume from; save it after applying the items") String next,
        @Schema(required = true, description = "Whether more changes are waiting; if false, poll again later with next") boolean hasMore) {
}
