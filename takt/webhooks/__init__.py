"""Signed webhooks (Standard Webhooks): a workspace's endpoints hear about its events."""
