package io.supplements.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Settings under {@code supplements.*}; each is also an environment variable (SUPPLEMENTS_ADMIN_KEY, ...). */
@ConfigMapping(prefix = "supplements")
public interface SupplementsConfig {

    /** Bearer key with every right. When unset, nobody can write. */
    Optional<String> adminKey();

    /** Load the bundled sample articles into an empty database at start. */
    @WithDefault("false")
    boolean sampleContent();
}
