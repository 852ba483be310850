"""Adapters from the knowledge base to LangChain + Chroma: embeddings, the persistent index, search."""
