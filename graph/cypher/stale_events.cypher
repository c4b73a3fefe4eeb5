// Events of the reloaded articles that the new extraction no longer contains: remove them and
// return the actor pairs whose aggregates must be recomputed, with the speaker each one named.
UNWIND $articles AS art
MATCH (a:Article {id: art.id}) USING INDEX a:Article(id)
UNWIND [(a)<-[:REPORTED_IN]-(e:Event) WHERE NOT e.id IN art.event_ids | e] AS e
MATCH (s:Actor)<-[:SUBJECT]-(e)-[:OBJECT]->(o:Actor)
OPTIONAL MATCH (e)-[:ATTRIBUTED_TO]->(speaker:Actor)
WITH e, s.id AS subject_id, e.edge AS edge, o.id AS object_id, e.reciprocal AS reciprocal, speaker.id AS speaker_id
DETACH DELETE e
RETURN subject_id, edge, object_id, reciprocal, speaker_id;
