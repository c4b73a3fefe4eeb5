// @description Month by month between two actors (both directions): events per quad class and the mean Goldstein score.
// @param actor1 string  Name, alias or id of the first actor, e.g. 'Hungary'.
// @param actor2 string  Name, alias or id of the second actor, e.g. 'Russia'.
// @returns month, events, verbal_cooperation, material_cooperation, verbal_conflict, material_conflict, mean_goldstein
// Neo4j Browser:  :param actor1 => 'Hungary'   then   :param actor2 => 'Russia'
MATCH (a:Actor) WHERE a.id = $actor1 OR a.name = $actor1 OR $actor1 IN coalesce(a.aliases, [])
MATCH (b:Actor) WHERE b.id = $actor2 OR b.name = $actor2 OR $actor2 IN coalesce(b.aliases, [])
MATCH (a)<-[:SUBJECT|OBJECT]-(e:Event)-[:SUBJECT|OBJECT]->(b)
WHERE e.date IS NOT NULL
WITH DISTINCT e
WITH substring(e.date, 0, 7) AS month, e
RETURN month, count(e) AS events,
       count(CASE WHEN e.quad_class = 1 THEN 1 END) AS verbal_cooperation,
       count(CASE WHEN e.quad_class = 2 THEN 1 END) AS material_cooperation,
       count(CASE WHEN e.quad_class = 3 THEN 1 END) AS verbal_conflict,
       count(CASE WHEN e.quad_class = 4 THEN 1 END) AS material_conflict,
       round(avg(e.goldstein), 2) AS mean_goldstein
ORDER BY month;
