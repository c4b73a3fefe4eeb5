// @description Who sanctions whom: the aggregated SANCTIONED relationships, as a graph in Browser and as rows.
// @param min_events int = 1  Leave out pairs with fewer sanction events than this.
// @returns path, sanctioner, sanctioner_country, target, target_country, events, first_date, last_date
// Neo4j Browser:  :param min_events => 1
MATCH path = (s:Actor)-[r:SANCTIONED]->(t:Actor)
WHERE r.count >= $min_events
RETURN path, s.name AS sanctioner, s.country AS sanctioner_country, t.name AS target, t.country AS target_country,
       r.count AS events, r.first_date AS first_date, r.last_date AS last_date
ORDER BY events DESC, sanctioner, target;
