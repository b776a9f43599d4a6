"""Skills and taxonomies, micro-credentials and their versioned performance tests."""
