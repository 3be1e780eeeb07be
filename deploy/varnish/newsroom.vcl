# Varnish in front of the newsroom's app servers (Debian: varnish, varnish-modules for xkey).
#
# - Public pages are kept as long as the app says (s-maxage) and filed under the surrogate
#   keys the app names in the xkey header; the app purges exactly the keys a change touched
#   (articles/purging.py): "xkey-softpurge" keeps the old page for grace while a fresh one is
#   fetched, "xkey-purge" (a withdrawal) drops it for good.
# - Grace: a page past its time is served while it is refreshed in the background
#   (stale-while-revalidate), and for a day while the app servers are down (stale-if-error).
# - The desk, the admin, sign-in and every signed-in request go straight to the app.
#
# Set the app server's address below (or include this file from one that defines backends),
# and list every app server that runs the worker in `acl purgers`: they send the purges.

vcl 4.1;

import std;
import xkey;

backend app {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
    .probe = {
        # As a reader behind TLS would ask, so that the app neither redirects to https nor
        # refuses the host: PURGE_BACKEND=varnish adds localhost to ALLOWED_HOSTS.
        .request = "GET / HTTP/1.1"
            "Host: localhost"
            "X-Forwarded-Proto: https"
            "Connection: close";
        .interval = 2s;
        .timeout = 1s;
        .window = 3;
        .threshold = 2;
    }
}

acl purgers {
    "127.0.0.1";
    "::1";
    # "10.0.0.0"/24;  the app servers, where they are not this machine
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Not allowed"));
        }
        if (req.http.xkey-purge) {
            set req.http.n-gone = xkey.purge(req.http.xkey-purge);
        } else if (req.http.xkey-softpurge) {
            set req.http.n-gone = xkey.softpurge(req.http.xkey-softpurge);
        } else {
            return (synth(400, "Give the keys in xkey-purge or xkey-softpurge"));
        }
        return (synth(200, "Purged " + req.http.n-gone));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(desk|admin|accounts)(/|$)" || req.http.Cookie ~ "sessionid=") {
        return (pass);
    }
    unset req.http.Cookie;  # public pages do not depend on any cookie
    # A page past its time is served at once while a fresh one is fetched, for up to a
    # minute; for a day if the app servers are down.
    if (std.healthy(req.backend_hint)) {
        set req.grace = 60s;
    }
    return (hash);
}

sub vcl_hash {
    hash_data(req.http.X-Forwarded-Proto);  # an http page is never served for https
}

sub vcl_backend_response {
    if (bereq.is_bgfetch && beresp.status >= 500) {
        return (abandon);  # refreshing failed: readers keep the page they had
    }
    if (beresp.http.Set-Cookie) {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    if (beresp.status == 404) {
        set beresp.ttl = 10s;  # an address may be published any minute
        set beresp.grace = 0s;
    } else if (beresp.status == 410) {
        set beresp.grace = 0s;  # a withdrawal notice is never replaced by the old page
    } else {
        set beresp.grace = 24h;
    }
}

sub vcl_deliver {
    # The keys and how long to keep a page are for this cache, which is purged: nothing
    # beyond it (a browser, a proxy) may keep a page it cannot be told to drop.
    unset resp.http.xkey;
    unset resp.http.Surrogate-Key;
    unset resp.http.Cache-Tag;
    if (resp.http.Cache-Control ~ "s-maxage") {
        set resp.http.Cache-Control = "public, max-age=0";
    }
    if (obj.hits > 0) {
        set resp.http.X-Cache = "hit";
    } else {
        set resp.http.X-Cache = "miss";
    }
}
