curl https://api.example.com/v1/raw \
  -H 'X-Empty;' \
  -H 'X-Trace-Id:   7d1e   ' \
  -H 'Content-Type:' \
  -d 'raw text, no content type'
