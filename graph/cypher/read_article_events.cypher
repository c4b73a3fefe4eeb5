// Every event of these articles with all it stores and the ids of its actors, by article and
// event id: the events of one page of Neo4jReader.pages (graph/neo4j_store.py).
UNWIND $ids AS article_id
MATCH (:Article {id: article_id})<-[:REPORTED_IN]-(e:Event)
MATCH (e)-[:SUBJECT]->(s:Actor)
MATCH (e)-[:OBJECT]->(o:Actor)
OPTIONAL MATCH (e)-[:ATTRIBUTED_TO]->(p:Actor)
RETURN e {.id, article_id: article_id, .type, .edge, .cameo, .quad_class, .goldstein, .reciprocal, .date, .date_precision,
          .polarity, .modality, .sentence, .char_start, .char_end, .evidence_count, .evidence, .place,
          .commodity, .topic, .cameo_detail, .requested, .confidence, .extractor, .trigger, pairing: coalesce(e.pairing, 'dependency'),
          subject_id: s.id, object_id: o.id, attributed_to_id: p.id} AS event
ORDER BY event.article_id, event.id
