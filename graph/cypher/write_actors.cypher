// One row per actor, MERGEd on the id and written only when new or changed: most actors of a
// batch are already stored as they are, and reading them takes no lock. Aliases are the union of
// every name seen for the actor, earlier canonical names included. The type label comes from a fixed list, not from text.
UNWIND $rows AS r
OPTIONAL MATCH (old:Actor {id: r.id}) USING INDEX old:Actor(id)
CALL (r, old) {
    WITH r, old
    WHERE old IS NULL OR old.name <> r.name OR old.type <> r.type
       OR coalesce(old.country, '') <> coalesce(r.country, '') OR coalesce(old.sector, '') <> coalesce(r.sector, '')
       OR any(alias IN r.aliases WHERE NOT alias IN coalesce(old.aliases, []))
       OR (r.title IS NOT NULL AND coalesce(old.title, '') <> r.title)
       OR (r.since IS NOT NULL AND coalesce(old.since, '') <> r.since)
       OR (r.until IS NOT NULL AND coalesce(old.until, '') <> r.until)
    MERGE (a:Actor {id: r.id})
    // aliases first, while a.name is still the name stored before (which stays findable)
    SET a.aliases = COLLECT {
            UNWIND coalesce(a.aliases, []) + r.aliases + CASE WHEN a.name IS NULL THEN [] ELSE [a.name] END AS alias
            WITH alias WHERE alias <> r.name
            RETURN DISTINCT alias ORDER BY alias
        },
        a.name = r.name, a.type = r.type, a.country = r.country, a.sector = r.sector,
        a.title = coalesce(r.title, a.title), a.since = coalesce(r.since, a.since),
        a.until = coalesce(r.until, a.until)
    FOREACH (_ IN CASE WHEN r.label = 'Person' THEN [1] ELSE [] END | SET a:Person)
    FOREACH (_ IN CASE WHEN r.label = 'Country' THEN [1] ELSE [] END | SET a:Country)
    FOREACH (_ IN CASE WHEN r.label = 'Organization' THEN [1] ELSE [] END | SET a:Organization)
    FOREACH (_ IN CASE WHEN r.label = 'Group' THEN [1] ELSE [] END | SET a:Group)
    FOREACH (_ IN CASE WHEN r.label = 'Region' THEN [1] ELSE [] END | SET a:Region)
}
// a person's office links to its country whenever both are stored, whichever came first
WITH r WHERE r.label = 'Person' AND r.title IS NOT NULL AND r.country IS NOT NULL
MATCH (a:Actor {id: r.id}) USING INDEX a:Actor(id)
MATCH (c:Actor {id: 'country:' + r.country}) USING INDEX c:Actor(id)
WHERE c:Country
MERGE (a)-[h:HOLDS_ROLE {title: r.title}]->(c)
SET h.since = r.since, h.until = r.until;
