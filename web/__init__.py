"""Flask web frontend (see create_app)."""
