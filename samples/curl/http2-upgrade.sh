# expect-warning: --http2
# differs: Connection Upgrade HTTP2-Settings
# On an http:// URL curl asks the server to switch to HTTP/2, in headers a component cannot hold.
curl --http2 http://api.example.com/v1/health
