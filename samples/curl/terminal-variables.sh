# set these first
API_BASE=https://api.example.com/v1
TOKEN='tok_3f9c1a'
export BODY='{"name": "Asha"}'

curl -X POST "$API_BASE/contacts" \
  -H "Authorization: Bearer ${TOKEN}" \
  -H 'Content-Type: application/json' \
  -d "$BODY"
