"""Streamlit components of our own: each folder holds its frontend source and its committed build."""
