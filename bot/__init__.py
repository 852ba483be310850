"""Collab Coach: a bilingual coach for creators weighing brand collaborations."""

__version__ = "0.1.0"
