"""The employer's pages (team workspaces only): cancel, offer times, close a position."""
