curl 'https://app.example.com/api/messages?draft=false&v=2' \
  -H 'accept: application/json' \
  -H 'content-type: application/json' \
  -H 'cookie: session=abc123; theme=dark' \
  -H 'sec-ch-ua: "Chromium";v="124", "Not-A.Brand";v="99"' \
  -H 'user-agent: Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36' \
  --data-raw '{"to":"919876543210","text":"50% off & free! <today> | $5 ^_^ C:/temp %PATH%"}'
