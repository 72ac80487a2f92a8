curl -sS -X POST https://api.example.com/v1/report \
  -H 'Content-Type: application/json' \
  -d '{"range":"7d"}' 2>/dev/null | jq '.rows' > rows.json
