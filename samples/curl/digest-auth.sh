# expect-warning: --digest
# curl sends no credentials until the server's Digest challenge: the component gets no auth.
curl --digest -u admin:s3cret https://api.example.com/v1/status
