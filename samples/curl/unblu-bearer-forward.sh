curl -X POST https://acme.unblu.cloud/app/rest/v4/invitations/forwardConversationToAgent \
  -H "Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.e30.sig" \
  -H "Content-Type: application/json" \
  -d "{\"conversationId\": \"aXk3T0ZSb2\", \"agentPersonId\": \"p-7Hq2\", \"comment\": \"Customer asked for billing\"}"
