-- Entity keys without accents (src/store/entities.ts, `entityKey`): "Pedro Sánchez" and "Pedro Sanchez" are one
-- entity. Folds every stored key with the same table as `FOLD` there, merges the entities whose keys now meet
-- into the oldest (its name stays the display name; the others' names stay as aliases), and moves their
-- mentions, aliases and owned accounts to it. Hand-written; test/store/entity-keys.test.ts checks it against
-- `entityKey` on both providers.
CREATE TEMP TABLE "_entity_fold" AS
  SELECT "id", replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace("key", 'á', 'a'), 'à', 'a'), 'â', 'a'), 'ã', 'a'), 'å', 'a'), 'ä', 'a'), 'ā', 'a'), 'ă', 'a'), 'ą', 'a'), 'é', 'e'), 'è', 'e'), 'ê', 'e'), 'ë', 'e'), 'ē', 'e'), 'ė', 'e'), 'ę', 'e'), 'ě', 'e'), 'í', 'i'), 'ì', 'i'), 'î', 'i'), 'ï', 'i'), 'ī', 'i'), 'į', 'i'), 'ı', 'i'), 'ó', 'o'), 'ò', 'o'), 'ô', 'o'), 'õ', 'o'), 'ö', 'o'), 'ø', 'o'), 'ō', 'o'), 'ő', 'o'), 'ú', 'u'), 'ù', 'u'), 'û', 'u'), 'ü', 'u'), 'ū', 'u'), 'ů', 'u'), 'ű', 'u'), 'ų', 'u'), 'ý', 'y'), 'ÿ', 'y'), 'ñ', 'n'), 'ń', 'n'), 'ň', 'n'), 'ç', 'c'), 'ć', 'c'), 'č', 'c'), 'ś', 's'), 'š', 's'), 'ş', 's'), 'ș', 's'), 'ź', 'z'), 'ż', 'z'), 'ž', 'z'), 'ğ', 'g'), 'ł', 'l'), 'ř', 'r'), 'ť', 't'), 'ț', 't'), 'ď', 'd'), 'đ', 'd'), 'ß', 'ss'), 'æ', 'ae'), 'œ', 'oe'), '̇', '') AS "folded" FROM "Entity";

CREATE TEMP TABLE "_entity_merge" AS
  SELECT f."id" AS "fromId", k."keep" AS "intoId"
  FROM "_entity_fold" f
  JOIN (SELECT "folded", min("id") AS "keep" FROM "_entity_fold" GROUP BY "folded" HAVING count(*) > 1) k
    ON k."folded" = f."folded"
  WHERE f."id" <> k."keep";

-- an article naming the kept entity and a merged one: one row, with both counts
UPDATE "Mention" SET "count" = "count" + (
    SELECT sum(m."count") FROM "Mention" m JOIN "_entity_merge" g ON g."fromId" = m."entityId"
    WHERE g."intoId" = "Mention"."entityId" AND m."articleId" = "Mention"."articleId")
  WHERE EXISTS (
    SELECT 1 FROM "Mention" m JOIN "_entity_merge" g ON g."fromId" = m."entityId"
    WHERE g."intoId" = "Mention"."entityId" AND m."articleId" = "Mention"."articleId");

-- an article naming only merged ones: its earliest such row moves to the kept entity, with all their counts
CREATE TEMP TABLE "_mention_move" AS
  SELECT min(m."id") AS "id", g."intoId" AS "intoId", sum(m."count") AS "total"
  FROM "Mention" m JOIN "_entity_merge" g ON g."fromId" = m."entityId"
  WHERE NOT EXISTS (SELECT 1 FROM "Mention" k WHERE k."entityId" = g."intoId" AND k."articleId" = m."articleId")
  GROUP BY m."articleId", g."intoId";
UPDATE "Mention" SET
    "entityId" = (SELECT v."intoId" FROM "_mention_move" v WHERE v."id" = "Mention"."id"),
    "count" = (SELECT v."total" FROM "_mention_move" v WHERE v."id" = "Mention"."id")
  WHERE "id" IN (SELECT "id" FROM "_mention_move");
DELETE FROM "Mention" WHERE "entityId" IN (SELECT "fromId" FROM "_entity_merge");

-- aliases, and the merged names themselves as aliases
INSERT INTO "EntityAlias" ("entityId", "alias")
  SELECT DISTINCT g."intoId", a."alias" FROM "EntityAlias" a JOIN "_entity_merge" g ON g."fromId" = a."entityId"
  WHERE NOT EXISTS (SELECT 1 FROM "EntityAlias" b WHERE b."entityId" = g."intoId" AND b."alias" = a."alias");
INSERT INTO "EntityAlias" ("entityId", "alias")
  SELECT DISTINCT g."intoId", e."name" FROM "Entity" e JOIN "_entity_merge" g ON g."fromId" = e."id"
  WHERE NOT EXISTS (SELECT 1 FROM "EntityAlias" b WHERE b."entityId" = g."intoId" AND b."alias" = e."name");
DELETE FROM "EntityAlias" WHERE "entityId" IN (SELECT "fromId" FROM "_entity_merge");

-- accounts owned by a merged entity belong to the kept one
UPDATE "Entity" SET "ownerId" = (SELECT g."intoId" FROM "_entity_merge" g WHERE g."fromId" = "Entity"."ownerId")
  WHERE "ownerId" IN (SELECT "fromId" FROM "_entity_merge");

DELETE FROM "Entity" WHERE "id" IN (SELECT "fromId" FROM "_entity_merge");
UPDATE "Entity" SET "key" = (SELECT f."folded" FROM "_entity_fold" f WHERE f."id" = "Entity"."id")
  WHERE "key" <> (SELECT f."folded" FROM "_entity_fold" f WHERE f."id" = "Entity"."id");

DROP TABLE "_mention_move";
DROP TABLE "_entity_merge";
DROP TABLE "_entity_fold";
