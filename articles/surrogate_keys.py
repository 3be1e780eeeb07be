"""What each public page shows, named as surrogate keys: the headers a cache in front
(Varnish's xkey, Fastly's Surrogate-Key, Cloudflare's Cache-Tag) files the page under, so
that a change can purge exactly the pages it touched.

The keys, one kind for each thing a page can show:
- `article-<pk>`: an article's page, and every page showing it as Read Also;
- `news-<slug>`: what answers at an article's address (its page, or its withdrawal notice);
- `outlet-<slug>`, `keyword-<slug>`, `disclaimer-<pk>`: pages showing that name or text;
- `list-home`, `list-feed`, `list-search`, `list-sitemap`, `list-outlet-<slug>`,
  `list-keyword-<slug>`: the lists an article joins when published; `lists` on every list
  (a change to what every list shows, an outlet's name, purges them all); and each list
  names its articles' addresses, for the lists an article leaves;
- `public` on every public page, for a purge of the whole site.

Three places say what a page shows: `for_address` (from the address asked for),
`for_article_page` (what an article page puts together) and `for_listed` (a list's
articles); `public_cache.public_page` sends them, and purging.keys_touched names what a
change touched in the same words.
"""

from urllib.parse import quote

LISTS = {
    "home": {"list-home"},
    "search": {"list-search"},
    "feed": {"list-feed"},
    "feed_atom": {"list-feed"},
    "sitemap": {"list-sitemap"},
    "news_sitemap": {"list-sitemap"},
}
OWNED_LISTS = {  # a list of one outlet's or keyword's articles: its name shows too
    "outlet": "outlet",
    "outlet_feed": "outlet",
    "outlet_atom": "outlet",
    "keyword": "keyword",
    "keyword_feed": "keyword",
    "keyword_atom": "keyword",
}


def for_address(match):
    """The keys of the page at a resolved public address (a ResolverMatch)."""
    if match is None:
        return {"public"}
    name, slug = match.url_name, _token(match.kwargs.get("slug", ""))
    if name == "article":
        return {"public", f"news-{slug}"}
    if name in OWNED_LISTS:
        owner = OWNED_LISTS[name]
        return {"public", "lists", f"list-{owner}-{slug}", f"{owner}-{slug}"}
    return {"public", "lists", *LISTS.get(name, ())}


def for_article_page(context):
    """The keys of an article page, from its context (article_page.article_page_context):
    the article, its outlet, keywords and disclaimer, and each Read Also target shown."""
    article, revision = context["article"], context["revision"]
    keys = {f"article-{article.pk}", named("news", article.slug)}
    if article.outlet_id:
        keys.add(named("outlet", article.outlet.slug))
    if revision.disclaimer_id:
        keys.add(f"disclaimer-{revision.disclaimer_id}")
    keys |= {named("keyword", keyword.slug) for keyword in context["keywords"]}
    keys |= {f"article-{pk}" for pk in context["read_also_targets"]}
    return keys


def for_listed(slugs):
    """The keys of a list's articles, by address: an article leaving a list (a keyword taken
    off, a withdrawal) purges the lists that showed it."""
    return {named("news", slug) for slug in slugs}


def named(kind, slug):
    """The key of a thing named by its slug ("news", "outlet", "keyword", "list-outlet",
    "list-keyword"): here for the pages, and for purging. Headers carry ASCII, and an
    Arabic keyword's slug is not: it is percent-encoded."""
    return f"{kind}-{_token(slug)}"


def _token(slug):
    return quote(slug, safe="-_.")


def headers(keys):
    """The response headers naming `keys`, in each cache's dialect."""
    listed = sorted(keys)
    return {
        "Surrogate-Key": " ".join(listed),
        "xkey": " ".join(listed),
        "Cache-Tag": ",".join(listed),
    }
