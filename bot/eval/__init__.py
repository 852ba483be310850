"""Measuring the domain core: `kb eval` (bot.eval.questions) asks the advice engine the labelled questions.

It sits above the packages it measures (advice, offers, kb) and none of them imports it; only the entry points
(the command line, the admin's /kb status, the scripts) do. tests/unit/test_layering.py enforces both.
"""
