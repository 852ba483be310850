"""The optional language model: answers rewritten from the retrieved cards, offers read into the facts model.

Everything LangChain lives here; the domain core (bot/advice, bot/offers) sees only the small protocols it
defines (`Rewriter`, `OfferReader`). Unset LLM_MODEL, a missing provider package, a slow or failing model,
or a text that fails the checks: the offline answer is what the user gets.
"""
