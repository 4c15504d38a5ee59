package io.supplements.sync.api;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.supplements.article.api.ArticleView;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.DiscriminatorMapping;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One change, told apart by {@code op}: an upsert carries the article, a delete carries none. The
 * feed and the webhooks send exactly these shapes.
 */
@Schema(
        name = "Change",
        description = "One change: upsert (the article as now published; store it under its id, replacing "
                + "any older version) or delete (a tombstone: the article was unpublished or deleted; remove it).",
        oneOf = {ChangeItem.Upsert.class, ChangeItem.Delete.class},
        discriminatorProperty = "op",
        discriminatorMapping = {
            @DiscriminatorMapping(value = "upsert", schema = ChangeItem.Upsert.class),
            @DiscriminatorMapping(value = "delete", schema = ChangeItem.Delete.class)
        })
public sealed interface ChangeItem {

    String op();

    static ChangeItem of(String op, long id, String slug, long version, String article) {
        return "delete".equals(op)
                ? new Delete(op, "article", id, slug, version)
                : new Upsert(op, "article", id, slug, version, article);
    }

    @Schema(name = "ChangeUpsert", description = "The article as this change published it")
    record Upsert(
            @Schema(
                    required = true,
                    enumeration = {"upsert"})
            String op,

            @Schema(
                    required = true,
                    enumeration = {"article"})
            String type,

            @Schema(
                    required = true,
                    description = "The article's id: key your copy by it (slugs can change)",
                    examples = "42")
            long id,

            @Schema(required = true, examples = "kratom-chronic-pain")
            String slug,

            @Schema(
                    required = true,
                    description = "The article's version; apply a change only if it is newer than the version you hold",
                    examples = "3")
            long version,

            @JsonRawValue
            @Schema(
                    required = true,
                    type = SchemaType.OBJECT,
                    allOf = ArticleView.class,
                    description = "The full article as this change published it")
            String article)
            implements ChangeItem {}

    @Schema(
            name = "ChangeDelete",
            description = "A tombstone: the article was unpublished or deleted. Its version is newer "
                    + "than the article's last upsert, so a copy that applies only newer versions removes it")
    record Delete(
            @Schema(
                    required = true,
                    enumeration = {"delete"})
            String op,

            @Schema(
                    required = true,
                    enumeration = {"article"})
            String type,

            @Schema(required = true, description = "The article's id", examples = "42")
            long id,

            @Schema(required = true, examples = "kratom-chronic-pain")
            String slug,

            @Schema(
                    required = true,
                    description = "The tombstone's version; apply it only if it is newer than the version you hold",
                    examples = "4")
            long version)
            implements ChangeItem {}
}
