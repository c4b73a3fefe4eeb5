// One row per actor: MERGE on the id; the type label comes from a fixed list, not from text.
UNWIND $rows AS r
MERGE (a:Actor {id: r.id})
SET a.name = r.name, a.type = r.type, a.country = r.country, a.sector = r.sector,
    a.title = coalesce(r.title, a.title), a.since = coalesce(r.since, a.since),
    a.until = coalesce(r.until, a.until), a.aliases = r.aliases
FOREACH (_ IN CASE WHEN r.label = 'Person' THEN [1] ELSE [] END | SET a:Person)
FOREACH (_ IN CASE WHEN r.label = 'Country' THEN [1] ELSE [] END | SET a:Country)
FOREACH (_ IN CASE WHEN r.label = 'Organization' THEN [1] ELSE [] END | SET a:Organization)
FOREACH (_ IN CASE WHEN r.label = 'Group' THEN [1] ELSE [] END | SET a:Group)
FOREACH (_ IN CASE WHEN r.label = 'Region' THEN [1] ELSE [] END | SET a:Region)
WITH a, r WHERE r.label = 'Person' AND r.title IS NOT NULL AND r.country IS NOT NULL
MATCH (c:Actor {id: 'country:' + r.country}) USING INDEX c:Actor(id)
WHERE c:Country
MERGE (a)-[h:HOLDS_ROLE {title: r.title}]->(c)
SET h.since = r.since, h.until = r.until;
