curl https://api.example.com/v1/me \
  -H "Authorization: Bearer $API_TOKEN" \
  -H "X-Workspace: ${WORKSPACE_ID}"
