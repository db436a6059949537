"""Planners: starter guides, editorial calendars, hashtags, video ideas and review replies (pure functions)."""
