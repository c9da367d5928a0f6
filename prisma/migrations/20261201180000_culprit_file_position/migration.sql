-- The culprit's files in the log's order (issue 12): git's diffstat is in path order except
-- where it shortened a path to `.../tail`, which sorts before every whole path, so ordering the
-- rows by path moved those (and the whole paths `create mode` resolved them to) away from where
-- the log lists them. `position` is the file's place in the found commit's list as the parser
-- read it (diffstat order, then files only the summary names). Rows stored before have none and
-- are read after the numbered ones in path order, as they were shown until now.
ALTER TABLE "culprit_file" ADD COLUMN "position" INTEGER;
