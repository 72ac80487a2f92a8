curl --request POST \
     --url https://unblu.example.com/app/rest/v4/invitations/forwardConversationToAgent \
     --header 'Authorization: Bearer {{UNBLU_TOKEN}}' \
     --header 'Content-Type: application/json' \
     --data-binary @- <<'EOF'

{
  "conversationId": "c-123",
  "agentPersonId": "p-456",
  "comment": "Over to you, it's urgent"
}
EOF
