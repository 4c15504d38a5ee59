-- Each instance's search index polls for articles written on other instances by updated_at.
create index ix_article_updated_at on article (updated_at);
