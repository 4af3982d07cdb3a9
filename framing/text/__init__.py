"""Offline text basics: body normalisation, paragraphs and sentences."""

from .paragraphs import join_paragraphs, normalize_body, paragraph_spans, split_paragraphs
from .sentences import news_sentence_tokenizer, sentence_spans, sentences

__all__ = [
    "join_paragraphs",
    "news_sentence_tokenizer",
    "normalize_body",
    "paragraph_spans",
    "sentence_spans",
    "sentences",
    "split_paragraphs",
]
