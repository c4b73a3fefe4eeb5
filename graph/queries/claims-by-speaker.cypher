// @description Reported speech: what each speaker said actors did (events attributed to a speaker).
// @param speaker string = null  Name, alias or id of one speaker; leave null for every speaker.
// @returns speaker, date, subject, relation, object, polarity, modality, sentence, article
// Neo4j Browser:  :param speaker => 'Péter Szijjártó'   (or :param speaker => null)
MATCH (e:Event)-[:ATTRIBUTED_TO]->(sp:Actor)
WHERE $speaker IS NULL OR sp.id = $speaker OR sp.name = $speaker OR $speaker IN coalesce(sp.aliases, [])
MATCH (s:Actor)<-[:SUBJECT]-(e)-[:OBJECT]->(o:Actor)
MATCH (e)-[:REPORTED_IN]->(article:Article)
RETURN sp.name AS speaker, e.date AS date, s.name AS subject, e.type AS relation, o.name AS object,
       e.polarity AS polarity, e.modality AS modality, e.sentence AS sentence, article.title AS article
ORDER BY speaker, date, subject;
