"""The Qt window: shows and edits; decides nothing the core can decide."""
