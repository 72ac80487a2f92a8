curl 'https://app.example.com/api/me?include=teams' \
  -H 'accept: application/json, text/plain, */*' \
  -b 'session=abc123; csrftoken=Zx9' \
  -H 'referer: https://app.example.com/' \
  -H 'user-agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36' \
  --compressed
