"""Prompt browser, prompt picker, prompt editor and the anonymous mood count widgets."""
