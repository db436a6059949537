"""Schemas of the data files that tell the chat, the planners and the guardrails how to behave.

They live with the knowledge they describe (not in the layers that read them) so that validating the
knowledge base never imports the code above it. Loading goes through `assistant.knowledge.registry`.
"""
