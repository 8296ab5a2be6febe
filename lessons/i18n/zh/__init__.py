"""The Chinese tables, one per module of the package (see :mod:`lessons.i18n`)."""
