// Events of a slice, one row each, for local analysis (graph/reader.py events). Every filter is a
// parameter; an empty list or null means no filter.
MATCH (s:Actor)<-[:SUBJECT]-(e:Event)-[:OBJECT]->(o:Actor)
WHERE ($date_from IS NULL OR e.date >= $date_from)
  AND ($date_to IS NULL OR e.date <= $date_to)
  AND (size($types) = 0 OR e.type IN $types)
  AND (size($actors) = 0 OR s.id IN $actors OR o.id IN $actors)
  AND ($include_negated OR e.polarity <> 'negated')
OPTIONAL MATCH (e)-[:ATTRIBUTED_TO]->(p:Actor)
RETURN e.id AS id, e.article_id AS article_id, e.date AS date, e.type AS type, e.edge AS edge,
       e.cameo AS cameo, e.quad_class AS quad_class, e.goldstein AS goldstein, e.reciprocal AS reciprocal,
       e.polarity AS polarity, e.modality AS modality, s.id AS subject_id, o.id AS object_id,
       p.id AS attributed_to_id, e.sentence AS sentence, coalesce(e.pairing, 'dependency') AS pairing
