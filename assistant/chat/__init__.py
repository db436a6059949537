"""The answer engine: grounded chat answers, offline by default, any language model when configured."""

from .engine import AnswerStream, ChatEngine
from .intents import route_intent
from .models import Answer, Citation

__all__ = ["Answer", "AnswerStream", "ChatEngine", "Citation", "route_intent"]
