-- Full-text search (hand-written; see docs/decisions/0071-full-text-search.md).
-- A contentless FTS5 table keyed by Article.id: surface words of title and body, plus the article's words
-- stemmed in its language (computed in app code with natural's stemmers, src/query/text-tokens.ts), so
-- "Mitarbeiter" finds "Mitarbeiters". Rows are written by indexArticleText (src/store/search-index.ts);
-- existing articles are indexed by reindexAll.
CREATE VIRTUAL TABLE "ArticleSearch" USING fts5(
    title, body, stems,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER "ArticleSearch_delete" AFTER DELETE ON "Article" BEGIN
    DELETE FROM "ArticleSearch" WHERE rowid = old."id";
END;

-- Date order and since:/until: use the article's time (published, else fetched).
CREATE INDEX "Article_when_idx" ON "Article"(coalesce("publishedAt", "fetchedAt"));
CREATE INDEX "Article_source_idx" ON "Article"("source");

-- entity:/account: filters, the entity page (co-occurrence) and the entities list (mentions in a window).
CREATE INDEX "Mention_entityId_articleId_idx" ON "Mention"("entityId", "articleId");
CREATE INDEX "Mention_articleId_entityId_idx" ON "Mention"("articleId", "entityId");
CREATE INDEX "Mention_createdAt_entityId_idx" ON "Mention"("createdAt", "entityId");
CREATE INDEX "Entity_name_lower_idx" ON "Entity"(lower("name"));
CREATE INDEX "EntityAlias_alias_lower_idx" ON "EntityAlias"(lower("alias"));

-- `export --as-of`: members by join time.
CREATE INDEX "StoryMember_joinedAt_idx" ON "StoryMember"("joinedAt");

-- Articles stored before this migration: surface words now (stems need app code: `newsdesk search --reindex`).
INSERT INTO "ArticleSearch" (rowid, title, body, stems)
SELECT "id", "title", coalesce("bodyText", "summary", ''), '' FROM "Article";
