"""Posts for an audience the request names other than patients ("3 LinkedIn posts to attract local employers for
workplace ergonomics sessions"): written to that audience about the service offered, as many as asked. The posts
are authored (knowledge/data/drafts.yaml, extras.audiences); the clinic fills the [brackets]."""

from __future__ import annotations

import re

from ..knowledge.copy import fill
from ..knowledge.models import Platform
from ..knowledge.schemas.drafts import AudiencePosts
from .models import Draft


def audience_in(text: str, audiences: tuple[AudiencePosts, ...]) -> AudiencePosts | None:
    """The audience a request to write names ("to attract local employers"), or None (then it is for patients)."""
    return next((a for a in audiences if re.search(a.asks, text, re.IGNORECASE)), None)


def audience_posts(
    audience: AudiencePosts, text: str, platform: Platform, values: dict[str, str], count: int
) -> list[Draft]:
    """`count` different posts for the audience (at most the authored ones), about the service the message names."""
    found = re.search(audience.service, text, re.IGNORECASE)
    service = found.group(1).strip() if found else audience.service_default
    posts = audience.posts[: max(1, min(count, len(audience.posts)))]
    notes = ["Fill in the parts in [brackets] before posting.", *audience.notes]
    return [
        Draft(
            kind="caption",
            platform=platform.id,
            title=f"{platform.name} post for {audience.name}: {service}" + (f" ({n})" if len(posts) > 1 else ""),
            text=fill(post.replace("{service}", service), values),
            notes=notes,
        )
        for n, post in enumerate(posts, 1)
    ]
