// geokg schema, version 2 (2: actors carry aliases; actors and HOLDS_ROLE carry since/until). Every statement is idempotent; run before any load.
CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (a:Actor) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT article_id IF NOT EXISTS FOR (a:Article) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (e:Event) REQUIRE e.id IS UNIQUE;
CREATE CONSTRAINT schema_key IF NOT EXISTS FOR (s:SchemaVersion) REQUIRE s.key IS UNIQUE;
CREATE INDEX actor_name IF NOT EXISTS FOR (a:Actor) ON (a.name);
CREATE INDEX actor_country IF NOT EXISTS FOR (a:Actor) ON (a.country);
CREATE INDEX event_date IF NOT EXISTS FOR (e:Event) ON (e.date);
CREATE INDEX event_type IF NOT EXISTS FOR (e:Event) ON (e.type);
CREATE INDEX event_edge IF NOT EXISTS FOR (e:Event) ON (e.edge);
CREATE INDEX article_published IF NOT EXISTS FOR (a:Article) ON (a.published);
MERGE (s:SchemaVersion {key: 'geokg'}) SET s.version = $version;
