-- DELETE /api/voyage is logged too; the feed log says which of the two calls each row is.
ALTER TABLE voyage_feed_log ADD COLUMN action TEXT NOT NULL DEFAULT 'push' CHECK (action IN ('push', 'clear'));
