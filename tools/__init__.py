"""Maintenance of the repository, run by the Makefile: not part of the ``lessons`` package.

* :mod:`tools.curriculum`: the curriculum table (README, notebook 00) and every notebook's badge line;
* :mod:`tools.student`: the student edition (``make student``);
* :mod:`tools.slides`: slide metadata for the reveal.js decks (``make slides``);
* :mod:`tools.gif`: the README's animation (``make gif``).
"""
