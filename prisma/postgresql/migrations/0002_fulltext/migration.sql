-- Full-text search (hand-written; see docs/decisions/0071-full-text-search.md).
-- One tsvector per article, built with the text search configuration of its language (german, english,
-- simple when unknown); title weighted A, body B. Rows are written by indexArticleText
-- (src/store/search-index.ts); the INSERT below indexes articles that exist already.
CREATE TABLE "ArticleSearch" (
    "articleId" INTEGER NOT NULL PRIMARY KEY REFERENCES "Article"("id") ON DELETE CASCADE,
    "document" tsvector NOT NULL
);

CREATE INDEX "ArticleSearch_document_idx" ON "ArticleSearch" USING GIN ("document");

INSERT INTO "ArticleSearch" ("articleId", "document")
SELECT "id",
       setweight(to_tsvector(CASE "language" WHEN 'de' THEN 'german'::regconfig WHEN 'en' THEN 'english'::regconfig ELSE 'simple'::regconfig END, "title"), 'A')
    || setweight(to_tsvector(CASE "language" WHEN 'de' THEN 'german'::regconfig WHEN 'en' THEN 'english'::regconfig ELSE 'simple'::regconfig END, coalesce("bodyText", "summary", '')), 'B')
FROM "Article";

-- Date order and since:/until: use the article's time (published, else fetched).
CREATE INDEX "Article_when_idx" ON "Article"((coalesce("publishedAt", "fetchedAt")));
CREATE INDEX "Article_source_idx" ON "Article"("source");

-- entity:/account: filters, the entity page (co-occurrence) and the entities list (mentions in a window).
CREATE INDEX "Mention_entityId_articleId_idx" ON "Mention"("entityId", "articleId");
CREATE INDEX "Mention_articleId_entityId_idx" ON "Mention"("articleId", "entityId");
CREATE INDEX "Mention_createdAt_entityId_idx" ON "Mention"("createdAt", "entityId");
CREATE INDEX "Entity_name_lower_idx" ON "Entity"(lower("name"));
CREATE INDEX "EntityAlias_alias_lower_idx" ON "EntityAlias"(lower("alias"));

-- `export --as-of`: members by join time.
CREATE INDEX "StoryMember_joinedAt_idx" ON "StoryMember"("joinedAt");
