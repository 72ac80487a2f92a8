$ curl -s https://api.example.com/v1/status -H 'Accept: application/json' | jq .
{
  "ok": true,
  "message": "it's fine"
}
