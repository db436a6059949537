"""The Streamlit web app: pages, sidebar and cached resources. The only package that imports streamlit."""
