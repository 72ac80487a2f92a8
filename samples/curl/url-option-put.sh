curl -X PUT --url https://api.example.com/v1/contacts/42 -H 'Content-Type: application/json' -d '{"name":"Asha R."}'
