// @description What the graph holds: articles (and how many are near-duplicate wire copies), actors per type, events per relation type, and the dates covered.
// @returns section, key, value
// Neo4j Browser: run as it is.
CALL () {
    MATCH (a:Article) RETURN 'articles' AS section, 'all' AS key, toString(count(a)) AS value
    UNION ALL
    RETURN 'articles' AS section, 'near-duplicate copies' AS key,
           toString(COUNT { (:Article)-[:COPY_OF]->(:Article) }) AS value
    UNION ALL
    MATCH (a:Actor) RETURN 'actors' AS section, a.type AS key, toString(count(a)) AS value
    UNION ALL
    MATCH (e:Event) RETURN 'events' AS section, e.type AS key, toString(count(e)) AS value
    UNION ALL
    MATCH (e:Event) WHERE e.date IS NOT NULL
    RETURN 'dates' AS section, 'first' AS key, min(e.date) AS value
    UNION ALL
    MATCH (e:Event) WHERE e.date IS NOT NULL
    RETURN 'dates' AS section, 'last' AS key, max(e.date) AS value
}
RETURN section, key, value
ORDER BY section, key;
