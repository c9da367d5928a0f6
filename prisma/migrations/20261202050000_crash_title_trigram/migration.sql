-- Best match (issue 13: ranked search): the crash titles that hold a search, case-insensitively,
-- through a trigram index (`title ILIKE '%kvm_wait%'`), so the list can rank the bisections
-- whose title holds it first without reading every crash title.
CREATE INDEX "crash_signature_title_idx" ON "crash_signature" USING GIN ("title" gin_trgm_ops);
