#!/usr/bin/env bash
# Unblu: make an active participant the assignee (bearer token from the environment).
curl -X POST "https://acme.unblu.cloud/app/rest/v4/conversations/$CONVERSATION_ID/setAssigneePerson" \
  -H "Authorization: Bearer $UNBLU_TOKEN" \
  -H 'Content-Type: application/json' \
  -d "{\"personId\": \"$AGENT_PERSON_ID\"}"
