"""The job seeker's pages: adding interviews, and the reschedule and cancel flows."""
