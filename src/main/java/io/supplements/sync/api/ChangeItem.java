package io.supplements.sync.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.supplements.article.api.ArticleView;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Change", description = "One change: upsert (the article as now published; store it under its id, replacing "
        + "any older version) or delete (a tombstone: the article was unpublished or deleted; remove it).")
public record ChangeItem(
        @Schema(required = true, enumeration = {"upsert", "delete"}) String op,
        @Schema(required = true, enumeration = {"article"}) String type,
        @Schema(required = true, description = "The article's id: key your copy by it (slugs can change)", examples = "42") long id,
        @Schema(required = true, examples = "kratom-chronic-pain") String slug,
        @Schema(required = true, description = "The article's version; apply a change only if it is newer than yours", examples = "3") long version,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonRawValue
        @Schema(type = SchemaType.OBJECT, allOf = ArticleView.class, description = "For an upsert, the full article as this change published it;"
                + " absent for a delete") String article) {
}
