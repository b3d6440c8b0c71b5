"""Pure scheduling: time zones, intervals and free times. Imports nothing from Django."""
