curl 'https://app.example.com/api/chats?status=open&page=2' \
  -H 'accept: */*' \
  -H 'accept-language: en-GB,en;q=0.9' \
  -b 'session=abc123; csrftoken=Zx9' \
  -H 'referer: https://app.example.com/inbox' \
  -H 'user-agent: Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36' \
  --compressed
