// @description An actor's offices and its top partners per relation type, from the aggregated relationships.
// @param actor string  Name, alias or id of the actor, e.g. 'Viktor Orbán', 'Orban' or 'person:viktor-orban'.
// @param limit int = 5  Partners listed per relation type.
// @returns actor, country, roles, relation, direction, partner, partner_country, events, first_date, last_date, goldstein_sum
// Neo4j Browser:  :param actor => 'Viktor Orbán'   then   :param limit => 5
MATCH (a:Actor)
WHERE a.id = $actor OR a.name = $actor OR $actor IN coalesce(a.aliases, [])
CALL (a) {
    OPTIONAL MATCH (a)-[h:HOLDS_ROLE]->(c:Country)
    RETURN [x IN collect(h.title + ' of ' + c.name) WHERE x IS NOT NULL] AS roles
}
MATCH (a)-[r]-(p:Actor)
WHERE r.count IS NOT NULL
WITH a, roles, type(r) AS relation, p, r,
     CASE WHEN startNode(r) = a THEN 'out' ELSE 'in' END AS direction
ORDER BY relation, r.count DESC, p.name
WITH a, roles, relation,
     collect({direction: direction, partner: p.name, country: p.country, events: r.count,
              first_date: r.first_date, last_date: r.last_date, goldstein_sum: r.goldstein_sum})[..$limit] AS partners
UNWIND partners AS x
RETURN a.name AS actor, a.country AS country, roles, relation, x.direction AS direction, x.partner AS partner,
       x.country AS partner_country, x.events AS events, x.first_date AS first_date, x.last_date AS last_date,
       x.goldstein_sum AS goldstein_sum
ORDER BY relation, events DESC, partner;
