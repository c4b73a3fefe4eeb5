// Recompute the aggregated relationship of each pair for one reciprocal edge type (MET, ...)
// from the events between the two actors in either direction. The caller orders each pair so
// the relationship points from the smaller actor id to the larger. __EDGE__ is replaced by an
// edge name of the ontology (checked to be a plain identifier); every other value is a parameter.
UNWIND $pairs AS pair
MATCH (s:Actor {id: pair.subject_id}) USING INDEX s:Actor(id)
MATCH (o:Actor {id: pair.object_id}) USING INDEX o:Actor(id)
// a pattern comprehension expands from the two bound actors, whatever the statistics say
WITH s, o, [(s)<-[:SUBJECT|OBJECT]-(e:Event)-[:SUBJECT|OBJECT]->(o) WHERE e.edge = $edge | e] AS events
WITH s, o, size(events) AS n,
     reduce(acc = null, e IN events | CASE WHEN acc IS NULL OR e.date < acc THEN e.date ELSE acc END) AS first_date,
     reduce(acc = null, e IN events | CASE WHEN acc IS NULL OR e.date > acc THEN e.date ELSE acc END) AS last_date,
     reduce(acc = 0.0, e IN events | acc + e.goldstein) AS goldstein_sum,
     size([e IN events WHERE e.polarity = 'negated']) AS negated_count
FOREACH (_ IN CASE WHEN n > 0 THEN [1] ELSE [] END |
    MERGE (s)-[agg:__EDGE__]->(o)
    SET agg.count = n, agg.first_date = first_date, agg.last_date = last_date,
        agg.goldstein_sum = goldstein_sum, agg.negated_count = negated_count)
WITH s, o, n WHERE n = 0
OPTIONAL MATCH (s)-[old:__EDGE__]->(o)
DELETE old;
