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
# Set the app server's address below (or include this file from one that defines backends).

vcl 4.1;

import std;
import xkey;

backend app {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
    .probe = {
        .url = "/";
        .interval = 2s;
        .timeout = 1s;
        .window = 3;
        .threshold = 2;
    }
}

acl purgers {
    "127.0.0.1";
    "::1";
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

sub vcl_backend_response {
    if (beresp.http.Set-Cookie) {
        set beresp.uncacheable = true;
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
    # The keys are for this cache; Surrogate-Key and Cache-Tag stay for a CDN beyond it.
    unset resp.http.xkey;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "hit";
    } else {
        set resp.http.X-Cache = "miss";
    }
}
