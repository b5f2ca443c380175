"""Read-side queries of the store, each a query object the UI's item models wrap."""
