"""What the window's actions do, one controller per area (files, marking, review)."""
