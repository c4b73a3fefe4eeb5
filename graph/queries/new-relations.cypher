// @description Relations first seen on or after a date: aggregated relationships whose first event is that recent.
// @param since date  ISO date, e.g. '2024-02-01'.
// @returns first_date, subject, relation, object, events, last_date
// Neo4j Browser:  :param since => '2024-02-01'
MATCH (s:Actor)-[r]->(o:Actor)
WHERE r.count IS NOT NULL AND r.first_date >= $since
RETURN r.first_date AS first_date, s.name AS subject, type(r) AS relation, o.name AS object, r.count AS events,
       r.last_date AS last_date
ORDER BY first_date, subject, relation, object;
