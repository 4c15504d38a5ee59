package io.supplements.source;

import io.supplements.source.api.SourceView;

public final class SourceMapper {
    private SourceMapper() {}

    public static SourceView toView(Source s) {
        return new SourceView(
                s.id,
                s.kind,
                s.name,
                s.url,
                s.year,
                s.description,
                s.resourceType,
                s.doi,
                s.pmid,
                s.doi != null || s.pmid != null || s.url != null);
    }
}
