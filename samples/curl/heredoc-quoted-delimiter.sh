curl -X POST https://api.example.com/v1/templates \
  -H 'Content-Type: application/json' \
  --data-binary @- <<'JSON'
{
  "name": "welcome",
  "text": "Hi {{1}}, it's $5 off today \\o/"
}
JSON
