"""Pure functions: validated data in, Markdown or SVG out."""
