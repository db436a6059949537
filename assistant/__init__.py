"""Chat assistant for healthcare social media strategy.

Importing the package switches Hugging Face libraries and Chroma to offline mode before any of them is
imported: the product never downloads a model or phones home at run time.
"""

import os

for _name, _value in (
    ("HF_HUB_OFFLINE", "1"),
    ("TRANSFORMERS_OFFLINE", "1"),
    ("HF_HUB_DISABLE_TELEMETRY", "1"),
    ("ANONYMIZED_TELEMETRY", "False"),
    ("TOKENIZERS_PARALLELISM", "false"),
):
    os.environ.setdefault(_name, _value)

__version__ = "0.1.0"
