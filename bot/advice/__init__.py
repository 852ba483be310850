"""The advice engine: pure domain code (no Telegram, no Chroma) that turns a question into a grounded answer."""

from bot.advice.engine import AdviceEngine, Question
from bot.advice.models import Answer, FollowUp, Hit, Retriever, SourceRef

__all__ = ["AdviceEngine", "Answer", "FollowUp", "Hit", "Question", "Retriever", "SourceRef"]
