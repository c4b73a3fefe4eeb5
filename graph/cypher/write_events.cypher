// One row per event, MERGEd on its deterministic id and linked to its actors and article.
UNWIND $rows AS r
MATCH (s:Actor {id: r.subject_id}) USING INDEX s:Actor(id)
MATCH (o:Actor {id: r.object_id}) USING INDEX o:Actor(id)
MATCH (a:Article {id: r.article_id}) USING INDEX a:Article(id)
MERGE (e:Event {id: r.id})
ON CREATE SET e.created_now = true
SET e.type = r.type, e.edge = r.edge, e.cameo = r.cameo, e.quad_class = r.quad_class,
    e.goldstein = r.goldstein, e.reciprocal = r.reciprocal, e.date = r.date,
    e.date_precision = r.date_precision, e.polarity = r.polarity, e.modality = r.modality,
    e.sentence = r.sentence, e.char_start = r.char_start, e.char_end = r.char_end,
    e.evidence_count = r.evidence_count, e.evidence = r.evidence, e.place = r.place,
    e.commodity = r.commodity, e.topic = r.topic,
    e.cameo_detail = r.cameo_detail, e.requested = r.requested, e.confidence = r.confidence,
    e.extractor = r.extractor, e.trigger = r.trigger, e.pairing = r.pairing, e.article_id = r.article_id
// an event id is a hash of its article, span, relation and actors, so an event that already
// existed already has exactly these links; only a new one needs them
WITH e, r, s, o, a, coalesce(e.created_now, false) AS created
REMOVE e.created_now
FOREACH (_ IN CASE WHEN created THEN [1] ELSE [] END |
    CREATE (e)-[:SUBJECT]->(s)
    CREATE (e)-[:OBJECT]->(o)
    CREATE (e)-[:REPORTED_IN]->(a))
WITH e, r WHERE r.attributed_to_id IS NOT NULL
MATCH (p:Actor {id: r.attributed_to_id}) USING INDEX p:Actor(id)
MERGE (e)-[:ATTRIBUTED_TO]->(p);
