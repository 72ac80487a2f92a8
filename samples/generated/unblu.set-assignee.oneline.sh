curl -X POST https://unblu.example.com/app/rest/v4/conversations/c-123/setAssigneePerson -H 'Authorization: Bearer {{UNBLU_TOKEN}}' -H 'Content-Type: application/json' -d '{"personId":"p-456"}'
