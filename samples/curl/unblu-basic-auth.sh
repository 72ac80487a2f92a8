curl -X POST 'https://acme.unblu.cloud/app/rest/v4/conversations/aXk3T0ZSb2/setAssigneePerson' \
  -u 'bot-admin:s3cr3t:with:colons' \
  -H 'Content-Type: application/json' \
  -d '{"personId": "p-7Hq2"}'
