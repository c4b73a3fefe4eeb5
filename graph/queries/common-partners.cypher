// @description Actors related to both of two actors, with the relation types on each side.
// @param actor1 string  Name, alias or id of the first actor, e.g. 'Hungary'.
// @param actor2 string  Name, alias or id of the second actor, e.g. 'Ukraine'.
// @returns partner, partner_country, with_first, with_second, events_with_first, events_with_second
// Neo4j Browser:  :param actor1 => 'Hungary'   then   :param actor2 => 'Ukraine'
MATCH (a:Actor) WHERE a.id = $actor1 OR a.name = $actor1 OR $actor1 IN coalesce(a.aliases, [])
MATCH (b:Actor) WHERE b.id = $actor2 OR b.name = $actor2 OR $actor2 IN coalesce(b.aliases, [])
MATCH (a)-[r1]-(p:Actor)-[r2]-(b)
WHERE r1.count IS NOT NULL AND r2.count IS NOT NULL AND p <> a AND p <> b AND a <> b
WITH p, collect(DISTINCT r1) AS first, collect(DISTINCT r2) AS second
RETURN p.name AS partner, p.country AS partner_country,
       COLLECT { UNWIND first AS r RETURN DISTINCT type(r) AS t ORDER BY t } AS with_first,
       COLLECT { UNWIND second AS r RETURN DISTINCT type(r) AS t ORDER BY t } AS with_second,
       reduce(n = 0, r IN first | n + r.count) AS events_with_first,
       reduce(n = 0, r IN second | n + r.count) AS events_with_second
ORDER BY events_with_first + events_with_second DESC, partner;
