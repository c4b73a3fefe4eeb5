// One row per event, linked to its actors and article (all MERGEd on deterministic ids).
UNWIND $rows AS r
MATCH (s:Actor {id: r.subject_id}) USING INDEX s:Actor(id)
MATCH (o:Actor {id: r.object_id}) USING INDEX o:Actor(id)
MATCH (a:Article {id: r.article_id}) USING INDEX a:Article(id)
MERGE (e:Event {id: r.id})
SET e.type = r.type, e.edge = r.edge, e.cameo = r.cameo, e.quad_class = r.quad_class,
    e.goldstein = r.goldstein, e.reciprocal = r.reciprocal, e.date = r.date,
    e.date_precision = r.date_precision, e.polarity = r.polarity, e.modality = r.modality,
    e.sentence = r.sentence, e.char_start = r.char_start, e.char_end = r.char_end,
    e.evidence_count = r.evidence_count, e.evidence = r.evidence, e.place = r.place,
    e.commodity = r.commodity, e.topic = r.topic, e.confidence = r.confidence,
    e.extractor = r.extractor, e.trigger = r.trigger, e.article_id = r.article_id
MERGE (e)-[:SUBJECT]->(s)
MERGE (e)-[:OBJECT]->(o)
MERGE (e)-[:REPORTED_IN]->(a)
WITH e, r WHERE r.attributed_to_id IS NOT NULL
MATCH (p:Actor {id: r.attributed_to_id}) USING INDEX p:Actor(id)
MERGE (e)-[:ATTRIBUTED_TO]->(p);
