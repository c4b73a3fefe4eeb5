// Recompute the aggregated relationship of each (subject, object) pair for one edge type from
// the events beneath it. __EDGE__ is replaced by an edge name of the ontology (checked to be a
// plain identifier); every other value is a parameter.
UNWIND $pairs AS pair
MATCH (s:Actor {id: pair.subject_id}) USING INDEX s:Actor(id)
MATCH (o:Actor {id: pair.object_id}) USING INDEX o:Actor(id)
OPTIONAL MATCH (s)<-[:SUBJECT]-(e:Event {edge: $edge})-[:OBJECT]->(o)
WITH s, o, count(e) AS n, min(e.date) AS first_date, max(e.date) AS last_date,
     sum(e.goldstein) AS goldstein_sum,
     sum(CASE WHEN e.polarity = 'negated' THEN 1 ELSE 0 END) AS negated_count
FOREACH (_ IN CASE WHEN n > 0 THEN [1] ELSE [] END |
    MERGE (s)-[agg:__EDGE__]->(o)
    SET agg.count = n, agg.first_date = first_date, agg.last_date = last_date,
        agg.goldstein_sum = goldstein_sum, agg.negated_count = negated_count)
WITH s, o, n WHERE n = 0
OPTIONAL MATCH (s)-[old:__EDGE__]->(o)
DELETE old;
