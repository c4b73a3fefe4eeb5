// Add the counts of newly created events to the aggregated relationship of each pair for one
// edge type (rows pre-summed per pair by the caller). __EDGE__ is replaced by an edge name of
// the ontology (checked to be a plain identifier); every other value is a parameter.
UNWIND $pairs AS pair
MATCH (s:Actor {id: pair.subject_id}) USING INDEX s:Actor(id)
MATCH (o:Actor {id: pair.object_id}) USING INDEX o:Actor(id)
MERGE (s)-[agg:__EDGE__]->(o)
ON CREATE SET agg.count = 0, agg.goldstein_sum = 0.0, agg.negated_count = 0
SET agg.count = agg.count + pair.count,
    agg.goldstein_sum = agg.goldstein_sum + pair.goldstein_sum,
    agg.negated_count = agg.negated_count + pair.negated_count,
    agg.first_date = CASE WHEN agg.first_date IS NULL OR pair.first_date < agg.first_date
                          THEN pair.first_date ELSE agg.first_date END,
    agg.last_date = CASE WHEN agg.last_date IS NULL OR pair.last_date > agg.last_date
                         THEN pair.last_date ELSE agg.last_date END;
