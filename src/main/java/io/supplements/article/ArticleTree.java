package io.supplements.article;

import io.supplements.claim.Citation;
import io.supplements.claim.Claim;
import java.util.List;
import java.util.Map;

/** An article with everything it contains, loaded in a fixed number of queries. */
public record ArticleTree(
        Article article,
        List<String> topics,
        List<Section> sections,
        Map<Long, List<String>> paragraphsBySection,
        List<Claim> claims,
        Map<Long, List<Citation>> citationsByClaim,
        List<RelatedResource> related) {}
