// Events of articles created in this same transaction: none of them can exist yet, so they are
// CREATEd with their links, without the MERGE that write_events needs for reloaded articles.
UNWIND $rows AS r
MATCH (s:Actor {id: r.subject_id}) USING INDEX s:Actor(id)
MATCH (o:Actor {id: r.object_id}) USING INDEX o:Actor(id)
MATCH (a:Article {id: r.article_id}) USING INDEX a:Article(id)
CREATE (e:Event {id: r.id, type: r.type, edge: r.edge, cameo: r.cameo, quad_class: r.quad_class,
    goldstein: r.goldstein, reciprocal: r.reciprocal, date: r.date, date_precision: r.date_precision,
    polarity: r.polarity, modality: r.modality, sentence: r.sentence, char_start: r.char_start,
    char_end: r.char_end, evidence_count: r.evidence_count, evidence: r.evidence, place: r.place,
    commodity: r.commodity, topic: r.topic,
    cameo_detail: r.cameo_detail, requested: r.requested, confidence: r.confidence, extractor: r.extractor,
    trigger: r.trigger, pairing: r.pairing, article_id: r.article_id})
CREATE (e)-[:SUBJECT]->(s)
CREATE (e)-[:OBJECT]->(o)
CREATE (e)-[:REPORTED_IN]->(a)
WITH e, r WHERE r.attributed_to_id IS NOT NULL
MATCH (p:Actor {id: r.attributed_to_id}) USING INDEX p:Actor(id)
CREATE (e)-[:ATTRIBUTED_TO]->(p);
